"""What the events app adds to a member state's page (see members.views.MemberDetailView)."""

from .host_names import with_host_names
from .models import Event

# The most recent events hosted are listed; the event lists filtered by host show them all.
HOSTED_LIMIT = 25


def context_for(participant, user):
    """Context for templates/events/_participant_section.html: two queries, whatever the count."""
    events_hosted = with_host_names(
        Event.objects.published()
        .filter(hosts=participant)
        .order_by("-start_date", "-pk")[: HOSTED_LIMIT + 1]
    )
    return {
        "events_hosted": events_hosted[:HOSTED_LIMIT],
        "events_hosted_more": len(events_hosted) > HOSTED_LIMIT,
    }
