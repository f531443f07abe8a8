"""Filters of the public event lists. Invalid values become form errors (see views)."""

import datetime
import functools

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from core.queries import years_with
from core.widgets import FilterSelect, ModelChoiceFilter
from members.models import Participant
from plans.models import Dimension, Plan

from .models import Event, EventKind
from .month import FIRST_YEAR, LAST_YEAR


def hosting_states(request):
    """Published states that hosted at least one published event."""
    # A scalar subquery that stops at the first event, not EXISTS: PostgreSQL turns
    # EXISTS into a semi-join over every published event (45 ms at 50,000 events), and
    # this into an index probe per state.
    first_hosted = (
        Event.objects.published().filter(hosts=OuterRef("pk")).order_by().values("pk")[:1]
    )
    return (
        Participant.objects.published()
        .alias(first_hosted=Subquery(first_hosted))
        .filter(first_hosted__isnull=False)
        .only("name", "slug")
        .order_by("name")
    )


def _year_choices():
    years = years_with(Event.objects.published(), "start_date")
    return [(str(year), str(year)) for year in years]


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        widget=FilterSelect, label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    year = django_filters.ChoiceFilter(
        widget=FilterSelect,
        label=_("Year"),
        choices=[],
        empty_label=_("All years"),
        method="filter_year",
    )
    host = ModelChoiceFilter(
        label=_("Host state"),
        field_name="hosts",
        queryset=hosting_states,
        to_field_name="slug",
        empty_label=_("All host states"),
    )
    dimension = ModelChoiceFilter(
        label=_("Dimension of plans discussed"),
        queryset=Dimension.objects.published(),
        to_field_name="slug",
        empty_label=_("All dimensions"),
        method="filter_dimension",
    )

    class Meta:
        model = Event
        fields = ["kind", "year", "host", "dimension"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The year choices are read when first needed, once for checking a year asked
        # for and drawing the select; a page whose form comes from the fragment cache
        # and asks for no year reads none.
        self.filters["year"].extra["choices"] = functools.cache(_year_choices)
        # A form field built on the class's own filter (the OpenAPI description builds
        # them) would come along in the copy with no choices, refusing every year.
        self.filters["year"].__dict__.pop("_field", None)

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(
            start_date__lte=datetime.date(year, 12, 31), last_date__gte=datetime.date(year, 1, 1)
        )

    def filter_dimension(self, queryset, name, value):
        discussed = Event.plans.through.objects.filter(
            event_id=OuterRef("pk"), plan__dimension=value, plan__in=Plan.objects.published()
        )
        return queryset.filter(Exists(discussed))


class CalendarFeedForm(forms.Form):
    """?kind=summit&kind=ministerial on /events/calendar.ics; no kind means every kind.

    ?year=2010 gives that year's events instead of the current window (see the view).
    """

    kind = forms.MultipleChoiceField(choices=EventKind.choices, required=False)
    year = forms.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)
