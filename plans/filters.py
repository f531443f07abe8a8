"""The filters of the public plan list, shared by the HTML page and the CSV export."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from core.widgets import FilterSelect, ModelChoiceFilter
from members.models import Participant

from .models import Coordination, Dimension, Plan, PlanKind, PlanStatus, PriorityArea

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
