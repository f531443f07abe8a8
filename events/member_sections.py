"""What the events app adds to a member state's page (see members.views.MemberDetailView)."""


def context_for(participant, user):
    """Extra context for templates/events/_participant_section.html. Fixed number of queries."""
    return {}
