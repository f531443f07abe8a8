import re

import pytest
from django import forms

from cica_site.widgets import QuickSelect
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
