"""Forms as visitors and staff see them: labels, errors, escaping, the filters' options."""

import datetime

import django_filters
import pytest
import time_machine
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.widgets import ModelChoiceFilter
from events.models import Event
from members.models import Participant
from tests.factories import CoordinationFactory, ParticipantFactory, PlanFactory

pytestmark = pytest.mark.django_db


class HostileForm(forms.Form):
    title = forms.CharField(
        label='Title "quoted" & <b>bold</b>',
        help_text="Plain <em>help</em> text, marked safe by the template",
        max_length=20,
    )
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False, label=mark_safe("I <i>agree</i>"))
    kind = forms.ChoiceField(choices=[("a", "A & a"), ("b", "B")], required=False)

    def clean(self):
        raise ValidationError(mark_safe("A form error with <b>markup</b> kept"))


def test_labels_errors_and_values_are_shown_escaped():
    form = HostileForm(
        data={
            "title": 'A "title" that is far too long & <script>',
            "search": "x' onmouseover='y",
            "token": '"&',
            "kind": "z",
        }
    )
    assert not form.is_valid()
    html = form.as_div()
    assert '<label for="id_title">Title &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;' in html
    assert "<i>agree</i>" in html and "<em>help</em>" in html
    assert 'value="x&#x27; onmouseover=&#x27;y"' in html
    assert 'value="&quot;&amp;"' in html
    assert "A &amp; a</option>" in html
    assert '<ul class="errorlist" id="id_title_error">' in html
    assert "Ensure this value has at most 20 characters" in html
    assert "Select a valid choice. z is not one of the available choices." in html
    assert "<b>markup</b>" in str(form.non_field_errors())
    assert "<script>" not in html


def test_the_plan_filter_shows_labels_options_and_errors(client):
    state = ParticipantFactory(name="Kazakhstan & <Co>", slug="kazakhstan")
    CoordinationFactory(state=state, plan=PlanFactory())
    html = client.get("/plans/", {"coordinator": "kazakhstan"}).content.decode()
    assert '<label for="id_coordinator">Coordinating state:</label>' in html
    assert '<option value="kazakhstan" selected>Kazakhstan &amp; &lt;Co&gt;</option>' in html
    response = client.get("/plans/", {"coordinator": "<nowhere>", "year": "nineteen"})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert (
        '<a href="#id_coordinator">Coordinating state</a>: Select a valid choice. '
        "That choice is not one of the available choices."
    ) in html
    assert '<a href="#id_year">Year</a>: Enter a whole number.' in html
    assert "<nowhere>" not in html


def test_every_admin_add_page_shows_its_labelled_fields(admin_client):
    shown = 0
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        response = admin_client.get(url)
        if response.status_code == 403:  # models whose admin allows no additions
            continue
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<label" in html and "<input" in html, url
        shown += 1
    assert shown >= 10


class StateFilter(django_filters.FilterSet):
    state = ModelChoiceFilter(
        field_name="hosts",
        queryset=lambda request: Participant.objects.published().order_by("name"),
        to_field_name="slug",
        empty_label="Any state",
    )

    class Meta:
        model = Event
        fields = ["state"]


NOW = datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def states():
    """One published state, a draft one and one published an hour from NOW."""
    with time_machine.travel(NOW, tick=False):
        ParticipantFactory(name="Kazakhstan", slug="kazakhstan")
        ParticipantFactory(name="Draftland", slug="draftland", publication_status="draft")
        ParticipantFactory(
            name="Laterland", slug="laterland", publish_at=NOW + datetime.timedelta(hours=1)
        )


@time_machine.travel(NOW, tick=False)
def test_model_choices_are_read_once_for_checking_and_drawing(states, django_assert_num_queries):
    form = StateFilter({"state": "kazakhstan"}, queryset=Event.objects.all()).form
    with django_assert_num_queries(1):
        assert form.is_valid()
        html = str(form["state"])
    assert form.cleaned_data["state"].name == "Kazakhstan"
    assert '<option value="kazakhstan" selected>Kazakhstan</option>' in html
    assert "Draftland" not in html and "Laterland" not in html


@pytest.mark.parametrize(
    "value", ["draftland", "laterland", "KAZAKHSTAN", "kazakhstan ", "no\x00pe"]
)
@time_machine.travel(NOW, tick=False)
def test_values_not_among_the_published_options_are_form_errors(states, value):
    form = StateFilter({"state": value}, queryset=Event.objects.all()).form
    assert not form.is_valid()
    assert "state" in form.errors


def test_each_form_reads_the_options_of_its_own_time():
    start = datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        ParticipantFactory(
            name="Laterland", slug="laterland", publish_at=start + datetime.timedelta(hours=1)
        )
        assert not StateFilter({"state": "laterland"}, queryset=Event.objects.all()).is_valid()
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        assert StateFilter({"state": "laterland"}, queryset=Event.objects.all()).is_valid()
