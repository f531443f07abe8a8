"""The filters of the public plan list, shared by the HTML page and the CSV export."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from core.widgets import FilterSelect, ModelChoiceFilter
from members.models import Participant

from .models import (
    Coordination,
    DecidingBody,
    Dimension,
    Plan,
    PlanKind,
    PlanStatus,
    PriorityArea,
    StatusChange,
)

# sort parameter -> ORDER BY; anything else falls back to the default. Empty periods and
# unknown dates go last either way, on every database.
SORT_ORDERS = {
    "title": ["title", "pk"],
    "-title": ["-title", "-pk"],
    "dimension": ["dimension__position", "priority_area__name", "title", "pk"],
    "-dimension": ["-dimension__position", "-priority_area__name", "title", "pk"],
    "period": [
        F("start_year").asc(nulls_last=True),
        F("end_year").asc(nulls_last=True),
        "title",
        "pk",
    ],
    "-period": [
        F("start_year").desc(nulls_last=True),
        F("end_year").desc(nulls_last=True),
        "title",
        "pk",
    ],
    "decided": [F("status_decided_on").asc(nulls_last=True), "title", "pk"],
    "-decided": [F("status_decided_on").desc(nulls_last=True), "title", "pk"],
}
DEFAULT_SORT = "dimension"
SORT_LABELS = {
    "dimension": _("Dimension"),
    "title": _("Title"),
    "period": _("Period"),
    "decided": _("Status decided on"),
}


def sort_key(value):
    return value if value in SORT_ORDERS else DEFAULT_SORT


def coordinating_states():
    # EXISTS, not a join made DISTINCT: thousands of roles name a few dozen states. Only
    # the columns an option shows.
    return (
        Participant.objects.published()
        .states()
        .filter(Exists(Coordination.objects.filter(state=OuterRef("pk"))))
        .only("name", "slug")
        .order_by("name")
    )


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Text"),
        method="filter_text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    dimension = ModelChoiceFilter(
        label=_("Dimension"),
        queryset=Dimension.objects.published(),
        to_field_name="slug",
        empty_label=_("All dimensions"),
    )
    priority_area = ModelChoiceFilter(
        label=_("Priority area"),
        queryset=PriorityArea.objects.published(),
        to_field_name="slug",
        empty_label=_("All priority areas"),
    )
    kind = django_filters.ChoiceFilter(
        widget=FilterSelect, label=_("Kind"), choices=PlanKind.choices, empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        widget=FilterSelect,
        label=_("Status"),
        choices=PlanStatus.choices,
        empty_label=_("All statuses"),
    )
    coordinator = ModelChoiceFilter(
        label=_("Coordinating state"),
        queryset=lambda request: coordinating_states(),
        to_field_name="slug",
        method="filter_coordinator",
        empty_label=_("Any state"),
        help_text=_(
            "Coordinator or co-coordinator of the plan, of its priority area or of its dimension."
        ),
    )
    year = YearFilter(
        label=_("Year"),
        method="filter_year",
        min_value=1990,
        max_value=2100,
        help_text=_("Action plans whose period includes this year."),
    )

    class Meta:
        model = Plan
        fields = ["q", "dimension", "priority_area", "kind", "status", "coordinator", "year"]

    def filter_text(self, queryset, name, value):
        return queryset.search(value)

    def filter_coordinator(self, queryset, name, value):
        return queryset.coordinated_by(value)

    def filter_year(self, queryset, name, value):
        return queryset.covering_year(value)


class PriorityAreaFilter(django_filters.FilterSet):
    dimension = ModelChoiceFilter(
        label=_("Dimension"), queryset=Dimension.objects.published(), to_field_name="slug"
    )

    class Meta:
        model = PriorityArea
        fields = ["dimension"]


# sort parameter -> ORDER BY of status decisions.
DECISION_SORT_ORDERS = {
    "-decided": None,  # StatusChangeQuerySet.in_decision_order, the default
    "decided": [F("decided_on").asc(nulls_last=True), "plan__title", "plan_id", "step"],
}


class DecisionFilter(django_filters.FilterSet):
    """Status decisions across all plans: what changed since a day, by plan, dimension,
    new status or deciding body."""

    decided_after = django_filters.DateFilter(
        label=_("Decided on or after"),
        method="filter_decided_after",
        help_text=_("A decision known only to its month or year counts if it may fall then."),
    )
    decided_before = django_filters.DateFilter(
        label=_("Decided on or before"), method="filter_decided_before"
    )
    plan = django_filters.CharFilter(
        label=_("Plan (slug)"), field_name="plan__slug", max_length=250
    )
    dimension = ModelChoiceFilter(
        label=_("Dimension"),
        queryset=Dimension.objects.published(),
        to_field_name="slug",
        field_name="plan__dimension",
    )
    status = django_filters.ChoiceFilter(
        label=_("New status"), field_name="to_status", choices=PlanStatus.choices
    )
    deciding_body = django_filters.ChoiceFilter(
        label=_("Deciding body"), choices=DecidingBody.choices
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort"), choices=[(key, key) for key in DECISION_SORT_ORDERS], method="sort_by"
    )

    class Meta:
        model = StatusChange
        fields = ["decided_after", "decided_before", "plan", "dimension", "status", "deciding_body"]

    def filter_decided_after(self, queryset, name, value):
        return queryset.decided_since(value)

    def filter_decided_before(self, queryset, name, value):
        return queryset.decided_until(value)

    def sort_by(self, queryset, name, value):
        orders = DECISION_SORT_ORDERS[value]
        return queryset.order_by(*orders) if orders else queryset.in_decision_order()
