"""The published-row counters (core/published_rows.py) always equal counting."""

import datetime

import pytest
import time_machine
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.utils import timezone

from core import published_rows
from core.models import PublishedRowCount
from core.publishing import PublicationStatus
from events.models import Event
from publications.models import Publication
from tests.factories import EventFactory, PublicationFactory

pytestmark = pytest.mark.django_db
MODELS = [Event, Publication]


def assert_counts_are_exact():
    for model in MODELS:
        assert published_rows.published_total(model) == model.objects.published().count(), model


def make(model, index, **fields):
    if model is Event:
        return EventFactory(title=f"Counted event {index}", **fields)
    return PublicationFactory(slug=f"counted-{index}", **fields)


@pytest.mark.parametrize("model", MODELS)
def test_every_way_rows_change_keeps_the_count_exact(model):
    rows = [make(model, index) for index in range(8)]
    make(model, 100, publication_status=PublicationStatus.DRAFT)
    assert published_rows.published_total(model) == 8
    assert_counts_are_exact()

    rows[0].publication_status = PublicationStatus.WITHDRAWN
    rows[0].save()
    model.objects.filter(pk__in=[rows[1].pk, rows[2].pk]).update(
        publication_status=PublicationStatus.DRAFT
    )
    model.objects.filter(pk=rows[1].pk).update(publication_status=PublicationStatus.PUBLISHED)
    rows[3].title = "Renamed, still published"
    rows[3].save()
    assert_counts_are_exact()

    rows[4].delete()
    model.objects.filter(pk__in=[rows[5].pk, rows[6].pk]).delete()
    extra = [make(model, 200 + index) for index in range(3)]
    model.objects.bulk_create(
        [
            model(
                **{
                    field.name: getattr(extra[index], field.name)
                    for field in model._meta.concrete_fields
                    if not field.primary_key and field.name not in ("slug", "publication_status")
                },
                slug=f"bulk-{index}",
                publication_status=PublicationStatus.PUBLISHED
                if index % 2
                else PublicationStatus.DRAFT,
            )
            for index in range(3)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {model._meta.db_table} SET publication_status = %s WHERE id = %s",
            [PublicationStatus.DRAFT, extra[0].pk],
        )
    assert_counts_are_exact()
    assert published_rows.published_total(model) == model.objects.published().count() > 0


def test_a_scheduled_row_counts_from_its_moment_on():
    moment = timezone.now() + datetime.timedelta(days=2)
    EventFactory(title="Now")
    EventFactory(title="Later", publish_at=moment)
    assert published_rows.published_total(Event) == 1
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert published_rows.published_total(Event) == 2
        assert_counts_are_exact()


def test_install_counts_afresh_and_can_run_again():
    EventFactory(title="Before")
    PublicationFactory(slug="before")
    PublishedRowCount.objects.update(published=99)  # wrong, as a restored backup could be
    # As when SQLite rebuilds a table in a later migration: the triggers are gone...
    published_rows.uninstall()
    EventFactory(title="Uncounted for now")
    # ...until migrate (or flush) ends: then they are back and the rows counted afresh.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    assert_counts_are_exact()
    published_rows.install()
    assert_counts_are_exact()
    EventFactory(title="Counted by the trigger")
    assert published_rows.published_total(Event) == 3
    assert_counts_are_exact()


def test_a_flush_leaves_no_negative_count():
    EventFactory(title="One")
    # A flush may empty the counters before the rows: taking one off then creates nothing.
    PublishedRowCount.objects.all().delete()
    assert published_rows.published_total(Event) == 1  # no counter: counted instead
    Event.objects.all().delete()
    assert not PublishedRowCount.objects.filter(published__lt=0).exists()
    assert published_rows.published_total(Event) == 0


@pytest.mark.django_db(transaction=True)
def test_truncate_empties_the_count():
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's")
    EventFactory(title="Soon gone")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Event._meta.db_table} CASCADE")
    assert published_rows.published_total(Event) == 0
    assert_counts_are_exact()


def test_the_sitemap_index_reads_the_counters(client, django_assert_max_num_queries):
    for index in range(3):
        EventFactory(title=f"Mapped {index}")
    with django_assert_max_num_queries(12) as captured:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sqls = [q["sql"] for q in captured.captured_queries]
    assert not [sql for sql in sqls if sql.startswith('SELECT COUNT(*) AS "__count" FROM "events')]
    assert any("cica_site_publishedrowcount" in sql for sql in sqls)
    assert "http://testserver/sitemap-events.xml" in response.content.decode()


@pytest.mark.parametrize("counted", [True, False], ids=["counter", "no counter"])
def test_rows_of_a_queryset_taken_off_in_the_same_query(counted, django_assert_num_queries):
    EventFactory(title="Kept")
    EventFactory(title="Taken off", kind="soc")
    EventFactory(title="Also taken off", kind="soc")
    EventFactory(title="Draft SOC", kind="soc", publication_status=PublicationStatus.DRAFT)
    if not counted:
        PublishedRowCount.objects.all().delete()
    soc = Event.objects.published().filter(kind="soc")
    with django_assert_num_queries(1 if counted else 3):
        assert published_rows.published_total(Event, less=soc) == 1
