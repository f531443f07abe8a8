"""bench/seed_scale.py: synthetic, consistent with the workflow, repeatable with --reset."""

import io

import pytest
from django.db.models import Max

from bench import scale
from bench.scale.command import main as seed_scale
from core.page_cache import CONTENT_APPS, version_key
from core.publishing import PublicationStatus
from events.models import Event
from members.models import Participant
from plans.models import Measure, Plan, PlanStatus, StatusChange
from plans.workflow import is_allowed, record_status_change
from publications.models import Publication
from tests.factories import EventFactory, PlanFactory, PublicationFactory, member_state

pytestmark = pytest.mark.django_db

TINY = ["--states", "5", "--plans", "30", "--status-changes", "70", "--measures", "40",
        "--events", "120", "--publications", "60"]  # fmt: skip


def seed(*args):
    out = io.StringIO()
    seed_scale(list(args), out=out)
    return out.getvalue()


def test_counts_are_those_asked_for():
    output = seed(*TINY)
    assert Participant.objects.filter(slug__startswith="synthetic-").count() == 5
    assert Plan.objects.count() == 30
    assert StatusChange.objects.count() == 70
    assert Measure.objects.count() == 40
    assert Event.objects.count() == 120
    assert Publication.objects.count() == 60
    assert "30 plans hold 70 status changes" in output


def test_everything_is_marked_synthetic_and_no_real_code_is_used():
    seed(*TINY)
    for model, field in ((Plan, "title"), (Event, "title"), (Publication, "title")):
        assert not model.objects.exclude(**{f"{field}__startswith": "Synthetic"}).exists()
        assert not model.objects.exclude(slug__startswith="synthetic-").exists()
    states = Participant.objects.all()
    assert all(state.name.startswith("Synthetic state ") for state in states)
    assert not states.exclude(iso_code="").exists()
    assert not Event.objects.exclude(city__startswith="Synthetic city").exists()


def test_mostly_published_with_some_drafts_and_scheduled_items():
    seed("--events", "400", "--states", "3", "--plans", "5", "--status-changes", "5")
    events = Event.objects.all()
    published = events.published().count()
    assert published > 0.85 * events.count()
    assert events.filter(publication_status=PublicationStatus.DRAFT).exists()
    scheduled = events.filter(publication_status=PublicationStatus.PUBLISHED).exclude(
        pk__in=events.published()
    )
    assert scheduled.exists()


def test_histories_are_exactly_what_the_workflow_accepts():
    """Each seeded history replays through plans.workflow on a fresh plan, step by step."""
    seed(*TINY)
    for plan in Plan.objects.prefetch_related("status_changes"):
        changes = list(plan.status_changes.order_by("step"))
        assert [change.step for change in changes] == list(range(1, len(changes) + 1))
        previous = PlanStatus.DRAFT
        for change in changes:
            assert change.from_status == previous
            assert is_allowed(plan.kind, previous, change.to_status)
            previous = change.to_status
        assert plan.status == previous
        last = changes[-1] if changes else None
        assert plan.status_decided_on == (last.decided_on if last else None)
        replay = PlanFactory(
            kind=plan.kind, dimension=plan.dimension, priority_area=plan.priority_area
        )
        for change in changes:
            # Raises if the step, its date or its order would be refused.
            record_status_change(
                replay,
                change.to_status,
                change.decided_on,
                precision=change.decided_on_precision,
                deciding_body=change.deciding_body,
                meeting=change.meeting,
            )
        assert replay.status == plan.status


def test_plans_grow_to_hold_the_status_changes_asked_for():
    output = seed("--states", "3", "--plans", "4", "--status-changes", "60", "--events", "5")
    plans = Plan.objects.count()
    assert StatusChange.objects.count() == 60
    assert plans >= 60 // 5  # at most five steps per plan
    assert StatusChange.objects.aggregate(most=Max("step"))["most"] <= 5
    assert "Plans were added until the total was reached" in output


def test_capped_status_changes_keep_the_number_of_plans():
    output = seed(
        "--states", "3", "--plans", "4", "--status-changes", "60", "--events", "5",
        "--cap-status-changes",
    )  # fmt: skip
    assert Plan.objects.count() == 4
    assert StatusChange.objects.count() <= 4 * 5
    assert "Capped" in output


def test_second_run_asks_for_reset_and_reset_replaces_only_synthetic_data(capsys):
    real_state = member_state(name="Kazakhstan")
    real_plan = PlanFactory(title="Real plan")
    real_event = EventFactory(title="Real summit", hosts=[real_state])
    real_publication = PublicationFactory(title="Real news")
    seed(*TINY)
    counts = (Plan.objects.count(), Event.objects.count(), Publication.objects.count())
    with pytest.raises(SystemExit) as refused:
        seed(*TINY)
    assert refused.value.code == 2
    assert "Run again with --reset" in capsys.readouterr().err
    output = seed(*TINY, "--reset")
    assert "Deleted" in output
    assert (Plan.objects.count(), Event.objects.count(), Publication.objects.count()) == counts
    for obj in (real_state, real_plan, real_event, real_publication):
        obj.refresh_from_db()
    assert list(real_event.hosts.all()) == [real_state]
    scale.reset()
    assert Plan.objects.get() == real_plan
    assert Event.objects.get() == real_event
    assert Participant.objects.get() == real_state


def test_the_page_cache_sees_the_new_content():
    from django.core.cache import cache

    cache.set_many({version_key(app): 1 for app in CONTENT_APPS}, None)
    seed("--quick")
    assert all(cache.get(version_key(app)) != 1 for app in CONTENT_APPS)


def test_quick_run_gives_pages_that_all_answer(client):
    from bench.pages import public_paths
    from cica_site import demo as site_demo

    site_demo.load()  # the About pages; the benchmark loads the demo data first too
    seed("--quick")
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code == 200, (name, path)
