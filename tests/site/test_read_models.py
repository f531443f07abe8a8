"""core.queries.read_models: models read by plain SQL equal what the ORM reads."""

import datetime

import pytest
from django.utils import timezone

from core.queries import read_models
from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
NAMES = {"id", "title", "start_date", "starts_at", "publish_at", "sequence", "timezone"}


def test_values_pass_through_the_orms_converters(django_assert_num_queries):
    EventFactory(title="All day", start_date=datetime.date(2026, 6, 4))
    EventFactory(
        title="Timed",
        starts_at=datetime.datetime(2026, 6, 5, 9, 30, 15, 123456, tzinfo=datetime.UTC),
    )
    with django_assert_num_queries(1):
        read = read_models(Event, NAMES, f"FROM {Event._meta.db_table} ORDER BY id", [])
    expected = list(Event.objects.order_by("pk"))
    assert len(read) == 2
    for ours, theirs in zip(read, expected, strict=True):
        for name in NAMES:
            assert getattr(ours, name) == getattr(theirs, name), name
        assert timezone.is_aware(ours.publish_at)
        assert ours.get_deferred_fields() >= {"body", "summary"}
