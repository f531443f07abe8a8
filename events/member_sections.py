"""What the events app adds to a member state's page (see members.views.MemberDetailView)."""

from django.db.models import Prefetch

from members.models import Participant

from .models import Event


def context_for(participant, user):
    """Context for templates/events/_participant_section.html: two queries, whatever the count."""
    events_hosted = (
        Event.objects.published()
        .filter(hosts=participant)
        .order_by("-start_date", "-pk")
        .prefetch_related(
            Prefetch("hosts", queryset=Participant.objects.published().order_by("name"))
        )
    )
    return {"events_hosted": list(events_hosted)}
