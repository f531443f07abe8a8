import datetime
import re

import django_filters
import pytest
import time_machine
from django import forms

from core.widgets import ModelChoiceFilter, QuickSelect
from events.models import Event
from members.models import Participant
from plans.models import PlanStatus
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def normalised(html):
    return re.sub(r">\s+<", "><", str(html).strip())


CHOICES = [
    ("", "All kinds"),
    ("a&b", 'Quotes " and <tags>'),
    ("2030", "2030"),
    ("Group", [("x", "Ex"), ("y", "Why")]),
]


@pytest.mark.parametrize("value", [None, "", "a&b", "y", "missing"])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_kind", "required": True, "disabled": False, "aria-describedby": "k h"}],
)
def test_quick_select_writes_the_same_html_as_select(value, attrs):
    quick = QuickSelect(choices=CHOICES).render("kind", value, attrs=attrs)
    plain = forms.Select(choices=CHOICES).render("kind", value, attrs=attrs)
    assert normalised(quick) == normalised(plain)
    assert "&lt;tags&gt;" in quick and "a&amp;b" in quick


def test_quick_select_of_model_choices_and_translated_labels():
    ParticipantFactory(name="Kazakhstan", slug="kazakhstan")
    ParticipantFactory(name="Türkiye", slug="turkiye")

    class Form(forms.Form):
        state = forms.ModelChoiceField(
            queryset=ParticipantFactory._meta.model.objects.order_by("name"),
            to_field_name="slug",
            empty_label="Any state",
        )
        status = forms.ChoiceField(choices=PlanStatus.choices)

    form = Form(data={"state": "turkiye", "status": PlanStatus.COMPLETED})
    written = {}
    for name in ("state", "status"):
        field = form.fields[name]
        plain = field.widget.render(name, form[name].value(), attrs={"id": f"id_{name}"})
        field.widget = QuickSelect(choices=field.choices)
        written[name] = field.widget.render(name, form[name].value(), attrs={"id": f"id_{name}"})
        assert normalised(written[name]) == normalised(plain)
    assert '<option value="turkiye" selected>Türkiye</option>' in written["state"]
    assert '<option value="completed" selected>' in written["status"]


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


BUILT = []


def counted_published_states(request):
    BUILT.append(request)
    return Participant.objects.published().order_by("name")


def published_state_options():
    return list(Participant.objects.published().order_by("name"))


class StateOptionsFilter(django_filters.FilterSet):
    state = ModelChoiceFilter(
        field_name="hosts",
        queryset=counted_published_states,
        options=published_state_options,
        to_field_name="slug",
        empty_label="Any state",
    )

    class Meta:
        model = Event
        fields = ["state"]


@time_machine.travel(NOW, tick=False)
def test_with_options_the_queryset_function_is_not_called_for_each_request(states):
    BUILT.clear()
    for _ in range(3):
        form = StateOptionsFilter({"state": "kazakhstan"}, queryset=Event.objects.all()).form
        assert form.is_valid()
        assert form.cleaned_data["state"].name == "Kazakhstan"
        assert '<option value="kazakhstan" selected>Kazakhstan</option>' in str(form["state"])
    # Called at most once in the process, for the model; never with a request.
    assert BUILT in ([], [None])
    assert not StateOptionsFilter({"state": "draftland"}, queryset=Event.objects.all()).is_valid()
