"""Dimensions, priority areas, plans and their status decisions, read-only, for the API.

Only what the public pages show: published plans, roles of published states, meetings
and events that are published, responsible states that are published. Who recorded a
decision, and when, stays in the admin.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django_filters import ChoiceFilter
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from core import page_cache
from core.api import (
    ApiUrlField,
    PageUrlField,
    PartialDateField,
    ReadOnlyViewSet,
    choice_label,
    describe_filters,
    link_serializer,
)

from .filters import (
    DEFAULT_SORT,
    SORT_ORDERS,
    DecisionFilter,
    PlanFilter,
    PriorityAreaFilter,
    sort_key,
)
from .models import (
    Coordination,
    Dimension,
    Measure,
    Plan,
    PlanDocument,
    PriorityArea,
    StatusChange,
)
from .pagination import plan_list_paginator

StateLink = link_serializer("State", "state")
DimensionLink = link_serializer("Dimension", "dimension")
PriorityAreaLink = link_serializer("PriorityArea", "priority-area")
PlanLink = link_serializer("Plan", "plan", name_field="title")
EventLink = link_serializer("Event", "event", name_field="title")


def published_events():
    """Published events (plans sit below events: the model is reached through a field)."""
    return StatusChange._meta.get_field("meeting").related_model.objects.published()


class RoleSerializer(serializers.ModelSerializer):
    state = StateLink(read_only=True)
    role_label = choice_label("role")

    class Meta:
        model = Coordination
        fields = ["state", "role", "role_label", "start_year", "end_year"]


def published_roles():
    return Prefetch(
        "coordinations",
        queryset=Coordination.objects.of_published_states().in_role_order(),
        to_attr="published_roles",
    )


class PriorityAreaSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("priority-area")
    dimension = DimensionLink(read_only=True)
    coordinators = RoleSerializer(source="published_roles", many=True, read_only=True)

    class Meta:
        model = PriorityArea
        fields = ["slug", "name", "note", "dimension", "coordinators", "url", "api_url"]


class AreaInDimensionSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("priority-area")

    class Meta:
        model = PriorityArea
        fields = ["slug", "name", "note", "url", "api_url"]


class DimensionSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("dimension")
    priority_areas = AreaInDimensionSerializer(many=True, read_only=True)
    coordinators = RoleSerializer(source="published_roles", many=True, read_only=True)

    class Meta:
        model = Dimension
        fields = [
            "slug",
            "name",
            "position",
            "description",
            "priority_areas",
            "coordinators",
            "url",
            "api_url",
        ]


class DimensionViewSet(ReadOnlyViewSet):
    """CICA's five dimensions of cooperation, each with its priority areas and coordinators."""

    serializer_class = DimensionSerializer
    filter_backends = []

    def get_queryset(self):
        return (
            Dimension.objects.published()
            .prefetch_related("priority_areas", published_roles())
            .order_by("position", "name", "pk")
        )


class PriorityAreaViewSet(ReadOnlyViewSet):
    """Priority areas within the dimensions, with their coordinators."""

    serializer_class = PriorityAreaSerializer
    filterset_class = PriorityAreaFilter

    def get_queryset(self):
        return (
            PriorityArea.objects.published()
            .select_related("dimension")
            .prefetch_related(published_roles())
            .order_by("dimension__position", "name", "pk")
        )


class EffectiveRoleSerializer(RoleSerializer):
    level = serializers.SerializerMethodField()

    class Meta(RoleSerializer.Meta):
        fields = [*RoleSerializer.Meta.fields, "level"]

    def get_level(self, role) -> str:
        """Whose role it is: the plan's own, its priority area's or its dimension's."""
        if role.plan_id:
            return "plan"
        return "priority_area" if role.priority_area_id else "dimension"


class ProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    cancelled = serializers.IntegerField()
    percent = serializers.IntegerField(allow_null=True)


class PlanSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("plan")
    kind_label = choice_label("kind")
    dimension = DimensionLink(read_only=True)
    priority_area = PriorityAreaLink(read_only=True, allow_null=True)
    status_label = choice_label("status")
    status_decided = PartialDateField(
        date="status_decided_on", precision="status_decided_precision", allow_null=True
    )
    coordinators = EffectiveRoleSerializer(
        source="effective_coordinations", many=True, read_only=True
    )
    progress = ProgressSerializer(read_only=True)

    class Meta:
        model = Plan
        fields = [
            "slug",
            "title",
            "kind",
            "kind_label",
            "dimension",
            "priority_area",
            "start_year",
            "end_year",
            "status",
            "status_label",
            "status_decided",
            "summary",
            "coordinators",
            "progress",
            "url",
            "api_url",
        ]


class DecisionInPlanSerializer(serializers.ModelSerializer):
    from_status_label = choice_label("from_status")
    to_status_label = choice_label("to_status")
    decided_on = PartialDateField(date="decided_on", precision="decided_on_precision")
    deciding_body_label = choice_label("deciding_body")
    meeting = EventLink(read_only=True, allow_null=True)

    class Meta:
        model = StatusChange
        fields = [
            "step",
            "from_status",
            "from_status_label",
            "to_status",
            "to_status_label",
            "decided_on",
            "deciding_body",
            "deciding_body_label",
            "meeting",
            "note",
        ]


class MeasureSerializer(serializers.ModelSerializer):
    status_label = choice_label("status")
    responsible_states = StateLink(source="published_responsible_states", many=True, read_only=True)
    event = EventLink(read_only=True, allow_null=True)

    class Meta:
        model = Measure
        fields = ["title", "status", "status_label", "due_date", "responsible_states", "event"]


class DocumentSerializer(serializers.ModelSerializer):
    language_label = choice_label("language")
    file = serializers.SerializerMethodField()

    class Meta:
        model = PlanDocument
        fields = ["title", "language", "language_label", "date", "file"]

    def get_file(self, document) -> str:
        return self.context["request"].build_absolute_uri(document.file.url)


class PlanDetailSerializer(PlanSerializer):
    predecessor = PlanLink(read_only=True, allow_null=True)
    successor = PlanLink(source="successor_or_none", read_only=True, allow_null=True)
    status_history = DecisionInPlanSerializer(source="status_changes", many=True, read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields[:-2],
            "body",
            "predecessor",
            "successor",
            "status_history",
            "measures",
            "documents",
            "url",
            "api_url",
        ]


class PlanApiFilter(PlanFilter):
    """The plan list's filters, and its sort as a validated parameter."""

    sort = ChoiceFilter(choices=[(key, key) for key in SORT_ORDERS], method="sort_by")

    class Meta(PlanFilter.Meta):
        fields = [*PlanFilter.Meta.fields, "sort"]

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORT_ORDERS[value])


describe_filters(PlanApiFilter, year=OpenApiTypes.INT, coordinator=OpenApiTypes.STR)


class PlanViewSet(ReadOnlyViewSet):
    """Published concept papers and action plans, filtered as on the plan list.

    The list gives each plan's coordinators and progress; a plan's own address adds its
    status history, measures and documents.
    """

    serializer_class = PlanDetailSerializer
    list_serializer_class = PlanSerializer
    filterset_class = PlanApiFilter

    def get_paginator(self, queryset, per_page):
        # The HTML list's: sorted by dimension, a page reads only the groups it shows.
        return plan_list_paginator(
            queryset,
            per_page,
            sort=sort_key(self.request.query_params.get("sort")),
            filterset=getattr(self, "filterset", None),
        )

    def get_queryset(self):
        plans = (
            Plan.objects.published()
            .select_related("dimension", "priority_area")
            .with_roles()
            .order_by(*SORT_ORDERS[DEFAULT_SORT])
        )
        if self.action == "list":
            # Only what the progress counts read.
            return plans.prefetch_related(
                Prefetch("measures", queryset=Measure.objects.only("plan_id", "status"))
            )
        return plans.prefetch_related(
            Prefetch("predecessor", queryset=Plan.objects.published()),
            Prefetch("successor", queryset=Plan.objects.published()),
            Prefetch(
                "status_changes",
                queryset=StatusChange.objects.order_by("step").prefetch_related(
                    Prefetch("meeting", queryset=published_events())
                ),
            ),
            Prefetch(
                "measures",
                queryset=Measure.objects.with_responsible_states().prefetch_related(
                    Prefetch("event", queryset=published_events())
                ),
            ),
            "documents",
        )


class DecisionSerializer(DecisionInPlanSerializer):
    plan = PlanLink(read_only=True)
    api_url = ApiUrlField("decision", lookup_field="pk")

    class Meta(DecisionInPlanSerializer.Meta):
        fields = ["id", "plan", *DecisionInPlanSerializer.Meta.fields, "api_url"]


class DecisionViewSet(ReadOnlyViewSet):
    """Status decisions on all published plans, most recent first: ?decided_after=2024-01-01
    asks what changed since then."""

    lookup_field = "pk"
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter

    def get_paginator(self, queryset, per_page):
        # Counting "what changed since" checks every matching decision's plan (14 ms for
        # 11,000 of 200,000): the count is kept, like a fragment, until the content
        # changes, for these filters.
        request = self.request
        filters = sorted(
            (key, request.query_params.getlist(key))
            for key in request.query_params
            if key not in ("page", "page_size")
        )
        paginator = Paginator(queryset, per_page)
        paginator.count = page_cache.request_fragment(
            request, "api-decisions-count", filters, queryset.count
        )
        return paginator

    def get_queryset(self):
        # The one definition of what is public, shared with the decision feeds.
        return StatusChange.objects.shown_publicly()
