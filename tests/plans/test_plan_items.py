"""Lines of plan lists written in Python (a member state's roles, status badges, progress
cells) equal the templates they replace."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Engine
from django.utils import translation

from plans import member_sections
from plans.models import CoordinationRole, MeasureStatus, PlanKind, PlanStatus
from plans.progress import Progress
from plans.templatetags.plan_items import progress_cell, status_badge
from tests.factories import (
    CoordinationFactory,
    DimensionFactory,
    MeasureFactory,
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
def test_role_lines_are_the_templates_in_subject_order(roles, language):
    """Dimensions, then priority areas, then plans; each line as the template wrote it."""
    with translation.override(language):
        context = member_sections.context_for(roles[0].state, AnonymousUser())
        coordinates = "".join(reference(role) for role in [roles[0], roles[1], roles[2], roles[4]])
        assert context["plan_roles_coordinates"] == coordinates
        assert context["plan_roles_co_coordinates"] == reference(roles[3])
    written = context["plan_roles_coordinates"] + context["plan_roles_co_coordinates"]
    assert "Trade &amp; &lt;investment&gt;" in written and "<investment>" not in written
    assert "2016\N{EN DASH}2018" in written and "2020\N{EN DASH}</span>" in written
    assert written.count("<li>") == len(roles)


def test_the_member_page_shows_the_lines_as_the_template_did(client, roles):
    html = client.get(roles[0].state.get_absolute_url()).content.decode()
    for role in roles:
        assert reference(role) in html


def render_reference(name, **context):
    template = Engine.get_default().from_string((REFERENCE.parent / name).read_text())
    return template.render(Context(context))


@pytest.mark.parametrize("status", list(PlanStatus))
def test_status_badges_are_the_templates(status):
    plan = PlanFactory.build(status=status)
    with translation.override("ru"):
        assert status_badge(plan) == render_reference("_status_badge.html", plan=plan)
    assert status_badge(plan) == render_reference("_status_badge.html", plan=plan)


@pytest.mark.parametrize(
    "counts", [(0, 0, 0), (3, 0, 3), (1, 1, 0), (3, 1, 0), (7, 2, 1), (2000, 1999, 0), (8, 5, 2)]
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_progress_cells_are_the_templates(counts, language, settings):
    progress = Progress(*counts)
    with translation.override(language):
        written = progress_cell(progress)
        assert written == render_reference("_progress_bar.html", progress=progress)
        settings.USE_THOUSAND_SEPARATOR = True
        assert progress_cell(progress) == render_reference("_progress_bar.html", progress=progress)


def test_the_plan_pages_show_badges_and_progress_as_the_templates_did(client):
    plan = PlanFactory(status=PlanStatus.APPROVED_BY_SOC)
    MeasureFactory(plan=plan, status=MeasureStatus.DONE)
    MeasureFactory(plan=plan)
    badge = render_reference("_status_badge.html", plan=plan)
    listed = client.get("/plans/").content.decode()
    assert badge in listed
    assert render_reference("_progress_bar.html", progress=Progress(2, 1, 0)) in listed
    assert badge in client.get(plan.get_absolute_url()).content.decode()
