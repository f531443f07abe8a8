"""What the plans app adds to a member state's page (see members.views.MemberDetailView)."""


def context_for(participant, user):
    """Extra context for templates/plans/_participant_section.html. Fixed number of queries."""
    return {}
