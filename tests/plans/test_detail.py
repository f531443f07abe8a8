import datetime

import pytest
from django.test import Client

from core.publishing import PublicationStatus
from events.models import Event, EventKind
from plans.models import CoordinationRole, MeasureStatus, PlanKind, PlanStatus
from plans.progress import Progress
from plans.workflow import record_status_change
from tests.factories import (
    CoordinationFactory,
    MeasureFactory,
    ParticipantFactory,
    PlanDocumentFactory,
    PlanFactory,
    plan_with_status,
)

pytestmark = pytest.mark.django_db


def meeting(**kwargs):
    return Event.objects.create(
        **{
            "title": "SOC meeting in Astana",
            "slug": "soc-astana",
            "kind": EventKind.SOC,
            "start_date": datetime.date(2016, 1, 13),
            "publication_status": PublicationStatus.PUBLISHED,
            **kwargs,
        }
    )


@pytest.mark.parametrize(
    ("done", "open_", "cancelled", "percent"),
    [
        (0, 0, 0, None),
        (0, 0, 3, None),
        (0, 3, 0, 0),
        (3, 0, 0, 100),
        (2, 1, 0, 67),
        (1, 2, 0, 33),
        (1, 7, 0, 13),
        (2, 1, 5, 67),
        (1, 0, 9, 100),
    ],
)
def test_progress_is_done_over_all_but_cancelled(done, open_, cancelled, percent):
    progress = Progress(total=done + open_ + cancelled, done=done, cancelled=cancelled)
    assert progress.percent == percent
    assert progress.has_measures == (percent is not None)
    assert progress.counted == done + open_


def test_plan_progress_reads_its_measures():
    plan = PlanFactory()
    for status in [MeasureStatus.DONE, MeasureStatus.DONE, MeasureStatus.IN_PROGRESS]:
        MeasureFactory(plan=plan, status=status)
    MeasureFactory(plan=plan, status=MeasureStatus.PLANNED)
    MeasureFactory(plan=plan, status=MeasureStatus.CANCELLED)
    progress = plan.progress
    assert (progress.total, progress.done, progress.cancelled, progress.percent) == (5, 2, 1, 50)


def test_detail_shows_everything_about_a_plan(client):
    russia = ParticipantFactory(name="Russia")
    china = ParticipantFactory(name="China")
    predecessor = plan_with_status(PlanStatus.COMPLETED, title="Earlier plan", slug="earlier")
    plan = plan_with_status(
        PlanStatus.DRAFT,
        title="SMEs action plan 2016–2018",
        predecessor=predecessor,
        body="First paragraph.\n\nSecond <b>paragraph</b>.",
    )
    successor = PlanFactory(title="Later plan", slug="later", predecessor=plan)
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, None, note="Date not known.")
    record_status_change(
        plan,
        PlanStatus.APPROVED_BY_SOC,
        datetime.date(2016, 1, 13),
        deciding_body="silence",
        meeting=meeting(),
        note="Approved by silence procedure.",
    )
    CoordinationFactory(plan=plan, state=russia)
    CoordinationFactory(
        plan=None,
        priority_area=plan.priority_area,
        state=china,
        role=CoordinationRole.CO_COORDINATOR,
    )
    measure = MeasureFactory(plan=plan, status=MeasureStatus.DONE, title="Business forum")
    measure.responsible_states.add(russia)
    MeasureFactory(plan=plan, status=MeasureStatus.PLANNED, title="Seminar")
    MeasureFactory(plan=plan, status=MeasureStatus.CANCELLED, title="Dropped study")
    PlanDocumentFactory(plan=plan, title="Action plan (English)")

    response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "SMEs action plan 2016–2018" in html
    assert "plan-status--approved_soc" in html
    assert "13 January 2016" in html and 'datetime="2016-01-13"' in html
    assert "Date not known" in html
    assert "Silence procedure" in html
    assert 'href="/events/soc-astana/"' in html
    assert "Approved by silence procedure." in html
    assert html.index("Agreed by SWG") < html.index("Approved by silence procedure.")
    assert "Russia" in html and "China" in html and "co-coordinator" in html
    assert "50%" in html and "1 of 2 measures done" in html and "1 cancelled" in html
    assert "Business forum" in html and "Dropped study" in html
    assert "Action plan (English)" in html and ".pdf" in html
    assert 'href="/plans/earlier/"' in html and 'href="/plans/later/"' in html
    assert successor.title in html
    assert "Second &lt;b&gt;paragraph&lt;/b&gt;." in html
    assert 'name="robots"' not in html


def test_unpublished_meeting_and_neighbours_are_not_linked(client):
    hidden = PlanFactory(
        title="Hidden predecessor", slug="hidden", publication_status=PublicationStatus.DRAFT
    )
    plan = plan_with_status(PlanStatus.DRAFT, predecessor=hidden)
    record_status_change(
        plan,
        PlanStatus.AGREED_BY_SWG,
        datetime.date(2020, 1, 1),
        meeting=meeting(publication_status=PublicationStatus.DRAFT),
    )
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Hidden predecessor" not in html
    assert "SOC meeting in Astana" not in html


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], "No measures recorded."),
        ([MeasureStatus.CANCELLED, MeasureStatus.CANCELLED], "every measure was cancelled"),
        ([MeasureStatus.DONE, MeasureStatus.PLANNED, MeasureStatus.PLANNED], "33%"),
    ],
)
def test_detail_progress_without_division_errors(client, statuses, expected):
    plan = PlanFactory()
    for status in statuses:
        MeasureFactory(plan=plan, status=status)
    response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_concept_paper_without_measures_has_no_measures_section(client):
    plan = plan_with_status(PlanStatus.APPROVED_BY_SOC, kind=PlanKind.CONCEPT_PAPER)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Implementation measures" not in html
    assert "Approved by SOC" in html


def test_year_precision_is_shown_as_the_year(client):
    plan = plan_with_status(PlanStatus.AGREED_BY_SWG, decided_on=None)
    record_status_change(
        plan, PlanStatus.APPROVED_BY_SOC, datetime.date(2023, 1, 1), precision="year"
    )
    html = client.get(plan.get_absolute_url()).content.decode()
    assert 'datetime="2023"' in html
    assert "1 January 2023" not in html


def test_draft_plan_is_404_for_the_public_and_a_preview_for_staff(staff_client):
    plan = PlanFactory(publication_status=PublicationStatus.DRAFT, title="Draft plan")
    assert Client().get(plan.get_absolute_url()).status_code == 404
    response = staff_client.get(plan.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: not published" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_unknown_slug_is_404(client):
    assert client.get("/plans/no-such-plan/").status_code == 404


def build_detail_data(count):
    plan = plan_with_status(PlanStatus.IN_IMPLEMENTATION)
    event = meeting()
    record_status_change(plan, PlanStatus.COMPLETED, datetime.date(2021, 1, 1), meeting=event)
    states = [ParticipantFactory() for _ in range(5)]
    for index in range(count):
        measure = MeasureFactory(plan=plan, event=event if index % 2 else None)
        measure.responsible_states.add(states[index % 5], states[(index + 1) % 5])
        PlanDocumentFactory(plan=plan)
        CoordinationFactory(plan=plan, state=states[index % 5], role="co_coordinator")
    CoordinationFactory(plan=None, priority_area=plan.priority_area, state=states[0])
    CoordinationFactory(plan=None, dimension=plan.dimension, state=states[1])
    PlanFactory(predecessor=plan)
    return plan


@pytest.mark.parametrize("count", [10, 200])
def test_detail_query_count_is_constant(client, django_assert_max_num_queries, count):
    plan = build_detail_data(count)
    # plan + roles of the plan, its priority area and its dimension (3) + history + measures
    # + their published responsible states + documents
    with django_assert_max_num_queries(8):
        response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    assert response.context["progress"].total == count


def test_roles_of_each_level_shown_and_only_of_published_states(client):
    plan = PlanFactory(title="Energy plan")
    other = PlanFactory(title="Other plan")  # another priority area and dimension
    CoordinationFactory(plan=plan, state=ParticipantFactory(name="Plan Coordinator"))
    CoordinationFactory(
        plan=plan,
        state=ParticipantFactory(name="Hidden State", publication_status=PublicationStatus.DRAFT),
    )
    CoordinationFactory(
        plan=None, priority_area=plan.priority_area, state=ParticipantFactory(name="Area Lead")
    )
    CoordinationFactory(
        plan=None, dimension=plan.dimension, state=ParticipantFactory(name="Dimension Lead")
    )
    CoordinationFactory(plan=other, state=ParticipantFactory(name="Other Coordinator"))
    CoordinationFactory(
        plan=None, dimension=other.dimension, state=ParticipantFactory(name="Other Lead")
    )
    detail = client.get(plan.get_absolute_url())
    levels = [
        (subject, [role.state.name for role in roles])
        for subject, roles in detail.context["coordination_levels"]
    ]
    assert levels == [
        (plan, ["Plan Coordinator"]),
        (plan.priority_area, ["Area Lead"]),
        (plan.dimension, ["Dimension Lead"]),
    ]
    html = detail.content.decode()
    assert "Hidden State" not in html
    assert "Other Coordinator" not in html and "Other Lead" not in html
    listed = {
        row.title: [role.state.name for role in row.effective_coordinations()]
        for row in client.get("/plans/").context["plans"]
    }
    assert listed == {"Energy plan": ["Plan Coordinator"], "Other plan": ["Other Coordinator"]}


def test_measures_name_their_published_responsible_states_by_name(client):
    plan = PlanFactory()
    shared = MeasureFactory(plan=plan, title="Shared measure")
    shared.responsible_states.add(
        ParticipantFactory(name="Viet Nam"),
        ParticipantFactory(name="Draftland", publication_status=PublicationStatus.DRAFT),
        ParticipantFactory(name="Azerbaijan & <friends>"),
    )
    MeasureFactory(plan=plan, title="Nobody's measure")
    html = client.get(plan.get_absolute_url()).content.decode()
    assert (
        '<th scope="row">Shared measure</th>\n'
        "          <td><span>Azerbaijan &amp; &lt;friends&gt;</span>, <span>Viet Nam</span></td>"
        in html
    )
    assert '<th scope="row">Nobody&#x27;s measure</th>\n          <td>—</td>' in html
    assert "Draftland" not in html
