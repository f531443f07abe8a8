"""Events, read-only, for the API: published events with their published hosts, the
published plans they discussed and the status decisions taken at them."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from core.api import (
    ApiUrlField,
    PageUrlField,
    PartialDateField,
    ReadOnlyViewSet,
    choice_label,
    describe_filters,
)
from plans.api import DecisionInPlanSerializer, PlanLink, StateLink
from plans.models import Plan, StatusChange

from .filters import EventFilter
from .models import Event, EventDocument

WHEN = {"upcoming": _("Not over yet, soonest first"), "past": _("Over, most recent first")}


class EventApiFilter(EventFilter):
    """The event lists' filters; ?when= chooses the upcoming or the past list."""

    when = ChoiceFilter(label=_("When"), choices=list(WHEN.items()), method="filter_when")

    class Meta(EventFilter.Meta):
        fields = [*EventFilter.Meta.fields, "when"]

    def filter_when(self, queryset, name, value):
        return queryset.upcoming() if value == "upcoming" else queryset.past()


describe_filters(EventApiFilter, year=OpenApiTypes.INT, dimension=OpenApiTypes.STR)


class EventDecisionSerializer(DecisionInPlanSerializer):
    plan = PlanLink(read_only=True)

    class Meta(DecisionInPlanSerializer.Meta):
        fields = [
            "plan",
            *(name for name in DecisionInPlanSerializer.Meta.fields if name != "meeting"),
        ]


class EventDocumentSerializer(serializers.ModelSerializer):
    kind_label = choice_label("kind")
    link = serializers.SerializerMethodField()

    class Meta:
        model = EventDocument
        fields = ["kind", "kind_label", "title", "link"]

    def get_link(self, document) -> str:
        """Our copy of the file, or where the document can be read."""
        return self.context["request"].build_absolute_uri(document.url)


class EventSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("event")
    kind_label = choice_label("kind")
    status_label = choice_label("status")
    start = PartialDateField(date="start_date", precision="date_precision")
    when_text = serializers.CharField(source="when_display", read_only=True)
    hosts = StateLink(many=True, read_only=True)
    plans_discussed = PlanLink(source="published_plans", many=True, read_only=True)
    decisions = EventDecisionSerializer(source="published_decisions", many=True, read_only=True)
    documents = EventDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "start",
            "end_date",
            "starts_at",
            "ends_at",
            "timezone",
            "when_text",
            "city",
            "venue",
            "hosts",
            "organiser",
            "summary",
            "source_url",
            "plans_discussed",
            "decisions",
            "documents",
            "url",
            "api_url",
        ]


class EventDetailSerializer(EventSerializer):
    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields[:-2], "body", "url", "api_url"]


class EventViewSet(ReadOnlyViewSet):
    """Published events, most recent first (?when=upcoming: soonest first), filtered as on
    the event lists."""

    serializer_class = EventDetailSerializer
    list_serializer_class = EventSerializer
    filterset_class = EventApiFilter

    def get_queryset(self):
        events = Event.objects.published().with_hosts().order_by("-start_date", "-pk")
        if self.action == "list":
            events = events.defer("body")
        return events.prefetch_related(
            Prefetch(
                "plans",
                queryset=Plan.objects.published().only("title", "slug").order_by("title", "pk"),
                to_attr="published_plans",
            ),
            Prefetch(
                "decisions",
                queryset=StatusChange.objects.of_published_plans()
                .select_related("plan")
                .order_by("plan__title", "step"),
                to_attr="published_decisions",
            ),
            "documents",
        )
