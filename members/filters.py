"""Filters of the member states and observers (the API's; the member page lists them all)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Participant, ParticipantKind, ParticipationStatus

# The member page lists member states and observers; partners and former participants
# have no page of their own.
LISTED_STATUSES = [ParticipationStatus.MEMBER, ParticipationStatus.OBSERVER]
LISTED_STATUS_CHOICES = [(status.value, status.label) for status in LISTED_STATUSES]

# sort parameter -> ORDER BY, as on the member page.
SORT_ORDERS = {
    "name": ["name", "pk"],
    "-name": ["-name", "-pk"],
    "year": ["accession_date", "name", "pk"],
    "-year": ["-accession_date", "name", "pk"],
}


class ParticipantFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        field_name="current_status",
        label=_("Status"),
        choices=LISTED_STATUS_CHOICES,
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ParticipantKind.choices)
    sort = django_filters.ChoiceFilter(
        label=_("Sort"),
        choices=[(key, key) for key in SORT_ORDERS],
        method="sort_by",
    )

    class Meta:
        model = Participant
        fields = ["status", "kind", "sort"]

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORT_ORDERS[value])
