"""Member and observer states (and observer organisations), read-only, for the API."""

from django.db.models import Prefetch
from rest_framework import serializers

from core.api import ApiUrlField, PageUrlField, PartialDateField, ReadOnlyViewSet, choice_label

from .filters import LISTED_STATUSES, ParticipantFilter
from .models import Chairmanship, Participant, StatusChange


class StatusChangeSerializer(serializers.ModelSerializer):
    status_label = choice_label("status")
    date = PartialDateField(date="date", precision="precision")

    class Meta:
        model = StatusChange
        fields = ["status", "status_label", "date", "note"]


class ChairmanshipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Chairmanship
        fields = ["start_year", "end_year", "start_date", "end_date"]


class ParticipantSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("state")
    kind_label = choice_label("kind")
    status = serializers.CharField(source="current_status", read_only=True)
    status_label = choice_label("current_status")
    accession = PartialDateField(date="accession_date", precision="accession_precision")
    status_history = StatusChangeSerializer(source="status_changes", many=True, read_only=True)
    chairmanships = ChairmanshipSerializer(many=True, read_only=True)

    class Meta:
        model = Participant
        fields = [
            "slug",
            "name",
            "official_name",
            "kind",
            "kind_label",
            "iso_code",
            "status",
            "status_label",
            "founding_member",
            "accession",
            "summary",
            "website",
            "status_history",
            "chairmanships",
            "url",
            "api_url",
        ]


class ParticipantViewSet(ReadOnlyViewSet):
    """Member states and observers (states and organisations), with their status history
    and chairmanships."""

    serializer_class = ParticipantSerializer
    filterset_class = ParticipantFilter

    def get_queryset(self):
        return (
            Participant.objects.published()
            .filter(current_status__in=LISTED_STATUSES)
            .prefetch_related(
                Prefetch("status_changes", queryset=StatusChange.objects.in_history_order()),
                Prefetch("chairmanships", queryset=Chairmanship.objects.in_term_order()),
            )
            .order_by("name", "pk")
        )
