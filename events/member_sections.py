"""What the events app adds to a member state's page (see members.views.MemberDetailView)."""

from django.utils import timezone

from core.publishing import PublicationStatus
from core.queries import read_models

from .host_names import with_host_names
from .models import Event

# The most recent events hosted are listed; the event lists filtered by host show them all.
HOSTED_LIMIT = 25
EVENT_FIELDS = {field.attname for field in Event._meta.concrete_fields}


def hosted_events(participant, limit):
    """Event.objects.published().filter(hosts=participant).order_by("-start_date", "-pk")
    [:limit], in plain SQL: built through the ORM the query took longer than it ran
    (issue 7). tests/events/test_member_section.py checks both give the same events."""
    table = Event._meta.db_table
    hosts = Event.hosts.through._meta.db_table
    return read_models(
        Event,
        EVENT_FIELDS,
        f"FROM {table} INNER JOIN {hosts} AS host ON host.event_id = {table}.id "
        f"WHERE {table}.publication_status = %s AND {table}.publish_at <= %s "
        f"AND host.participant_id = %s ORDER BY {table}.start_date DESC, {table}.id DESC "
        "LIMIT %s",
        [PublicationStatus.PUBLISHED.value, timezone.now(), participant.pk, limit],
    )


def context_for(participant, user):
    """Context for templates/events/_participant_section.html: two queries, whatever the count."""
    events_hosted = with_host_names(hosted_events(participant, HOSTED_LIMIT + 1))
    return {
        "events_hosted": events_hosted[:HOSTED_LIMIT],
        "events_hosted_more": len(events_hosted) > HOSTED_LIMIT,
    }
