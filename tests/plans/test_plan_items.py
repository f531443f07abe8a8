"""A member state's role lines, written in Python, equal the template they replace."""

from pathlib import Path

import pytest
from django.template import Context, Engine
from django.utils import translation

from plans.models import CoordinationRole, PlanKind
from plans.templatetags.plan_items import participant_role_item
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    ParticipantFactory,
    PlanFactory,
    PriorityAreaFactory,
)

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "reference_templates" / "_participant_role.html"


def reference(role):
    template = Engine.get_default().from_string(REFERENCE.read_text())
    return template.render(Context({"role": role}))


@pytest.fixture
def roles():
    state = ParticipantFactory(name="Kazakhstan")
    dimension = DimensionFactory(name='Economic & "environmental" <dimension>')
    area = PriorityAreaFactory(name="Trade & <investment>", dimension=dimension)
    return [
        CoordinationFactory(state=state, plan=None, dimension=dimension),
        CoordinationFactory(
            state=state, plan=None, dimension=dimension, start_year=2016, end_year=2018
        ),
        CoordinationFactory(state=state, plan=None, priority_area=area, start_year=2020),
        CoordinationFactory(
            state=state,
            plan=PlanFactory(title="SMEs <action> plan & more", kind=PlanKind.CONCEPT_PAPER),
            role=CoordinationRole.CO_COORDINATOR,
        ),
        CoordinationFactory(state=state, plan=PlanFactory(kind=PlanKind.ACTION_PLAN)),
    ]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_role_lines_are_the_templates(roles, language):
    with translation.override(language):
        for role in roles:
            assert participant_role_item(role) == reference(role)
    written = "".join(participant_role_item(role) for role in roles)
    assert "Trade &amp; &lt;investment&gt;" in written and "<investment>" not in written
    assert written.count("<li>") == len(roles)


def test_the_member_page_shows_the_lines_as_the_template_did(client, roles):
    html = client.get(roles[0].state.get_absolute_url()).content.decode()
    for role in roles:
        assert reference(role) in html
