import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.template import Context, Template
from django.utils import timezone

from members.models import Participant
from plans.models import (
    Coordination,
    Dimension,
    Measure,
    Plan,
    PlanKind,
    PlanStatus,
    PriorityArea,
    StatusChange,
)
from plans.workflow import record_status_change

pytestmark = pytest.mark.django_db

SLUGS = [
    "drugs-concept-paper",
    "drugs-action-plan-2010-2011",
    "drugs-action-plan-2016-2018",
    "smes-concept-paper",
    "smes-action-plan-2016-2018",
    "human-dimension-concept-paper",
    "sustainable-development-concept-paper",
    "environment-protection-concept-paper",
    "disaster-management-concept-paper",
    "tourism-concept-paper",
    "agriculture-concept-paper",
    "transport-corridors-concept-paper",
    "human-dimension-concept-paper-2022",
    "ict-security-concept-paper",
    "un-counter-terrorism-strategy-action-plan",
]


def counts():
    return tuple(
        model.objects.count()
        for model in (Dimension, PriorityArea, Coordination, Plan, StatusChange, Measure)
    )


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_load_demo_twice_gives_the_same_counts(demo):
    first = counts()
    call_command("load_demo")
    assert counts() == first
    assert first[0] == 5
    assert first[3] == len(SLUGS)
    # Every plan but the 2010-2011 drugs plan has its real decision date (to the day or month).
    assert Plan.objects.exclude(status_decided_on=None).count() == len(SLUGS) - 1


def test_real_dimensions_plans_and_slugs(demo):
    assert list(Dimension.objects.values_list("slug", flat=True)) == [
        "military-political",
        "new-challenges-and-threats",
        "economic",
        "environmental",
        "human",
    ]
    assert sorted(Plan.objects.values_list("slug", flat=True)) == sorted(SLUGS)
    assert not Plan.objects.exclude(publication_status="published").exists()
    # No measures or progress figures are public, so none are invented.
    assert Measure.objects.count() == 0


@pytest.mark.parametrize(
    ("slug", "kind", "shown"),
    [
        ("drugs-concept-paper", PlanKind.CONCEPT_PAPER, "23 August 2008"),
        ("smes-concept-paper", PlanKind.CONCEPT_PAPER, "29 October 2009"),
        ("smes-action-plan-2016-2018", PlanKind.ACTION_PLAN, "13 January 2016"),
        ("human-dimension-concept-paper", PlanKind.CONCEPT_PAPER, "17 October 2007"),
        ("sustainable-development-concept-paper", PlanKind.CONCEPT_PAPER, "19 April 2023"),
        ("environment-protection-concept-paper", PlanKind.CONCEPT_PAPER, "12 December 2023"),
        ("disaster-management-concept-paper", PlanKind.CONCEPT_PAPER, "12 December 2023"),
        ("tourism-concept-paper", PlanKind.CONCEPT_PAPER, "14 December 2022"),
        ("agriculture-concept-paper", PlanKind.CONCEPT_PAPER, "14 December 2022"),
        ("ict-security-concept-paper", PlanKind.CONCEPT_PAPER, "October 2022"),
        ("drugs-action-plan-2010-2011", PlanKind.ACTION_PLAN, ""),
        ("drugs-action-plan-2016-2018", PlanKind.ACTION_PLAN, "April 2016"),
    ],
)
def test_known_approval_dates_with_their_precision(demo, slug, kind, shown):
    plan = Plan.objects.get(slug=slug)
    assert plan.kind == kind
    # Implementation or completion is not documented, so it is not claimed.
    assert plan.status == PlanStatus.APPROVED_BY_SOC
    assert plan.status_decided_display == shown


def test_history_is_consistent_and_unknown_dates_stay_unknown(demo):
    for plan in Plan.objects.all():
        changes = list(plan.status_changes.order_by("step"))
        assert changes, plan
        assert changes[-1].to_status == plan.status
        assert changes[0].from_status == PlanStatus.DRAFT
        for previous, following in zip(changes, changes[1:], strict=False):
            assert following.from_status == previous.to_status
    swg_steps = StatusChange.objects.filter(to_status=PlanStatus.AGREED_BY_SWG)
    assert swg_steps.count() == len(SLUGS)
    # Only the SWG meeting of 12 December 2022 is on record, for tourism and agriculture.
    dated = swg_steps.exclude(decided_on=None)
    assert {change.plan.slug for change in dated} == {
        "tourism-concept-paper",
        "agriculture-concept-paper",
    }


def test_structure_and_coordinators(demo):
    later = Plan.objects.get(slug="drugs-action-plan-2016-2018")
    assert later.predecessor.slug == "drugs-action-plan-2010-2011"
    assert (later.start_year, later.end_year) == (2016, 2018)
    human = Plan.objects.get(slug="human-dimension-concept-paper")
    assert human.priority_area is None and human.dimension.slug == "human"
    smes_plan = Plan.objects.get(slug="smes-action-plan-2016-2018")
    assert [c.state.name for c in smes_plan.coordinations.all()] == ["Russia"]
    roles = {
        (c.state.name, c.role, str(c.subject)) for c in Coordination.objects.select_related("state")
    }
    assert ("Kazakhstan", "coordinator", "Military-political dimension") in roles
    assert ("Afghanistan", "co_coordinator", "New challenges and threats") in roles
    assert ("Uzbekistan", "coordinator", "Human dimension") in roles
    assert ("Thailand", "coordinator", "Sustainable development") in roles
    assert ("Iran", "coordinator", "Disaster management") in roles
    # The correction: Kyrgyzstan co-coordinates trade and investment; the coordinator is unknown.
    assert ("Kyrgyzstan", "co_coordinator", "Trade and investment") in roles
    assert not Coordination.objects.filter(
        priority_area__slug="trade-and-investment", role="coordinator"
    ).exists()
    # The 2007 human-dimension paper is Kazakhstan's, not today's coordinator's.
    assert [c.state.name for c in human.coordinations.all()] == ["Kazakhstan"]


def test_demo_plans_are_published_from_their_own_dates(demo):
    tourism = Plan.objects.get(slug="tourism-concept-paper")
    assert timezone.localtime(tourism.publish_at).date() == datetime.date(2022, 12, 12)
    earlier = Plan.objects.get(slug="drugs-action-plan-2010-2011")
    assert timezone.localtime(earlier.publish_at).date() == datetime.date(2010, 1, 1)


def test_a_second_run_corrects_a_date_the_demo_recorded_earlier(demo):
    paper = Plan.objects.get(slug="sustainable-development-concept-paper")
    StatusChange.objects.filter(plan=paper, step=2).update(
        decided_on=datetime.date(2023, 1, 1), decided_on_precision="year"
    )
    Plan.objects.filter(pk=paper.pk).update(
        status_decided_on=datetime.date(2023, 1, 1), status_decided_precision="year"
    )
    call_command("load_demo")
    paper.refresh_from_db()
    assert paper.status_decided_display == "19 April 2023"
    assert paper.status_changes.count() == 2


@time_machine.travel(datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_demo_pages_render(client):
    call_command("load_demo")
    assert client.get("/plans/").status_code == 200
    board = client.get("/plans/status/")
    assert board.status_code == 200
    ended = {plan.slug for plan in board.context["board"].period_ended}
    assert {"drugs-action-plan-2010-2011", "drugs-action-plan-2016-2018"} <= ended
    for slug in SLUGS:
        assert client.get(f"/plans/{slug}/").status_code == 200
    russia = Participant.objects.get(slug="russia")
    section = Template("{% load plan_tags %}{% plans_coordinated participant %}")
    assert "Security of and in the use of ICT" in section.render(Context({"participant": russia}))


def test_a_staff_decision_after_the_demo_is_kept_on_reload(demo):
    plan = Plan.objects.get(slug="smes-action-plan-2016-2018")
    record_status_change(plan, PlanStatus.IN_IMPLEMENTATION, datetime.date(2016, 6, 1))
    call_command("load_demo")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_IMPLEMENTATION
    assert plan.status_changes.count() == 3
