"""The site's form renderer writes the same bytes as Django's templates."""

import datetime
import re

import pytest
import time_machine
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.template.loader import get_template
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.form_renderer import WRITTEN_IN_PYTHON, QuickTemplatesSetting
from events.filters import EventFilter
from plans.filters import PlanFilter
from publications.filters import PublicationFilter
from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db

QUICK = QuickTemplatesSetting()
TEMPLATES = TemplatesSetting()


class EveryKindOfField(forms.Form):
    required_css_class = "required"
    error_css_class = "error"

    title = forms.CharField(
        label='Title "quoted" & <b>bold</b>',
        help_text="Plain <em>help</em> text, marked safe by the template",
        max_length=20,
    )
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    count = forms.IntegerField(required=False, min_value=0, label="Count?")
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"autofocus": True}))
    website = forms.URLField(required=False, widget=forms.URLInput(attrs={"disabled": False}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    agree = forms.BooleanField(required=False, label=mark_safe("I <i>agree</i>"))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    colour = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "color"}))
    upload = forms.FileField(required=False)
    kind = forms.ChoiceField(choices=[("a", "A & a"), ("b", "B")], required=False)
    colours = forms.MultipleChoiceField(
        choices=[("r", "Red"), ("g", "Green")], widget=forms.CheckboxSelectMultiple, required=False
    )
    unlabelled = forms.CharField(required=False, label="")

    def clean(self):
        raise ValidationError(mark_safe("A form error with <b>markup</b> kept"))


FORM_DATA = [
    None,
    {},
    {
        "title": 'A "title" that is far too long & <script>',
        "search": "x' onmouseover='y",
        "count": "-3",
        "email": "not an email",
        "website": "javascript:alert(1)",
        "day": "2026-02-30",
        "agree": "on",
        "secret": "<s>",
        "token": '"&',
        "colour": "#ff0000",
        "kind": "z",
        "colours": ["g", "q"],
    },
    {"title": "Fine", "count": "7", "day": "2026-11-28", "kind": "a", "colours": ["r"]},
]


def both(make_form):
    return make_form(QUICK), make_form(TEMPLATES)


def assert_same_form_html(quick, plain):
    for name in quick.fields:
        assert quick[name].as_field_group() == plain[name].as_field_group(), name
        assert str(quick[name]) == str(plain[name]), name
        assert quick[name].label_tag() == plain[name].label_tag(), name
        assert str(quick[name].errors) == str(plain[name].errors), name
    for layout in ("as_div", "as_p", "as_table", "as_ul"):
        assert getattr(quick, layout)() == getattr(plain, layout)(), layout
    assert str(quick.non_field_errors()) == str(plain.non_field_errors())


@pytest.mark.parametrize("data", FORM_DATA)
@pytest.mark.parametrize("auto_id", ["id_%s", "form-%s", False])
@pytest.mark.parametrize("label_suffix", [None, "", " →"])
def test_every_kind_of_field_renders_as_the_templates_do(data, auto_id, label_suffix):
    quick, plain = both(
        lambda renderer: EveryKindOfField(
            data=data, auto_id=auto_id, label_suffix=label_suffix, renderer=renderer
        )
    )
    if data is not None:
        assert not quick.is_valid() and not plain.is_valid()
    assert_same_form_html(quick, plain)


def test_escaping_is_kept():
    form = EveryKindOfField(data=FORM_DATA[2], renderer=QUICK)
    html = form.as_div()
    assert "x&#x27; onmouseover=&#x27;y" in html
    assert "&quot;&amp;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<i>agree</i>" in html
    assert "<em>help</em>" in html
    assert "<b>markup</b>" in html
    assert "<script>" not in html


@pytest.fixture
def site_content():
    state = ParticipantFactory(name="Kazakhstan & <Co>", slug="kazakhstan")
    plan = PlanFactory()
    plan.coordinations.create(state=state, role="coordinator")
    EventFactory().hosts.add(state)
    PublicationFactory()


FILTER_DATA = [
    {},
    {"q": "security", "status": "approved", "year": "2024", "coordinator": "kazakhstan"},
    {"year": "nineteen", "status": "nonsense", "coordinator": "nowhere", "kind": "<x>"},
    {"host": "kazakhstan", "kind": "summit", "year": "2025", "dimension": "economic"},
]


@pytest.mark.parametrize("filterset_class", [PlanFilter, EventFilter, PublicationFilter])
@pytest.mark.parametrize("data", FILTER_DATA)
def test_the_public_filter_forms_render_as_the_templates_do(site_content, filterset_class, data):
    quick, plain = (filterset_class(data).form for _ in range(2))
    quick.renderer, plain.renderer = QUICK, TEMPLATES
    quick.is_valid(), plain.is_valid()
    assert_same_form_html(quick, plain)


def without_csrf_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


# Frozen: add forms show "now" as the initial publication time, to the second.
@time_machine.travel(datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC), tick=False)
def test_every_admin_add_page_renders_as_the_templates_do(admin_client, settings):
    pages = {}
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        settings.FORM_RENDERER = "core.form_renderer.QuickTemplatesSetting"
        quick = admin_client.get(url)
        settings.FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
        plain = admin_client.get(url)
        if quick.status_code == 403:  # models whose admin allows no additions
            continue
        assert quick.status_code == plain.status_code == 200, url
        pages[url] = without_csrf_tokens(quick.content.decode())
        assert pages[url] == without_csrf_tokens(plain.content.decode()), url
    assert len(pages) >= 10
    assert any("<label" in html and "<input" in html for html in pages.values())


@pytest.mark.parametrize("template_name", sorted(WRITTEN_IN_PYTHON))
def test_no_project_template_overrides_a_template_written_in_python(template_name):
    origin = get_template(template_name).origin.name
    assert re.search(r"django/forms/templates/django/forms/", origin), origin
