"""What the events app shows on other apps' pages: {% load event_tags %}."""

from django import template

from events.models import Event

register = template.Library()

# The most recent events hosted are listed; the event lists filtered by host show them all.
HOSTED_LIMIT = 25


@register.inclusion_tag("events/_participant_section.html", takes_context=True)
def events_hosted(context, participant):
    """A member state's "Events hosted" section: its latest published events, newest
    first, each with its published hosts. Two queries, whatever the number."""
    hosted = list(
        Event.objects.published()
        .hosted_by(participant)
        .with_hosts()
        .order_by("-start_date", "-pk")[: HOSTED_LIMIT + 1]
    )
    return {
        "request": context.get("request"),
        "participant": participant,
        "events_hosted": hosted[:HOSTED_LIMIT],
        "events_hosted_more": len(hosted) > HOSTED_LIMIT,
    }
