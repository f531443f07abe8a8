"""Filters of the public event lists. Invalid values become form errors (see views)."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.publishing import PublicationStatus
from core.queries import read_models, years_with
from core.widgets import ModelChoiceFilter, QuickSelect
from members.models import Participant
from plans.filters import dimension_options
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


def hosting_state_options():
    """hosting_states() in plain SQL: the select's options on every event list page,
    whose ORM form (a subquery, alias, only(), two publications) took longer to build
    than to run. tests/events/test_views.py checks that both give the same states."""
    table = Participant._meta.db_table
    published = "publication_status = %s AND publish_at <= %s"
    now = timezone.now()
    return read_models(
        Participant,
        {"id", "name", "slug"},
        f"FROM {table} WHERE {table}.{published} AND (SELECT event.id "
        f"FROM {Event._meta.db_table} AS event INNER JOIN {Event.hosts.through._meta.db_table} "
        f"AS host ON event.id = host.event_id WHERE event.{published} "
        f"AND host.participant_id = {table}.id LIMIT 1) IS NOT NULL ORDER BY name",
        [PublicationStatus.PUBLISHED.value, now, PublicationStatus.PUBLISHED.value, now],
    )


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        widget=QuickSelect, label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    year = django_filters.ChoiceFilter(
        widget=QuickSelect,
        label=_("Year"),
        choices=[],
        empty_label=_("All years"),
        method="filter_year",
    )
    host = ModelChoiceFilter(
        label=_("Host state"),
        field_name="hosts",
        queryset=hosting_states,
        options=hosting_state_options,
        to_field_name="slug",
        empty_label=_("All host states"),
    )
    dimension = ModelChoiceFilter(
        label=_("Dimension of plans discussed"),
        queryset=Dimension.objects.published(),
        options=dimension_options,
        to_field_name="slug",
        empty_label=_("All dimensions"),
        method="filter_dimension",
    )

    class Meta:
        model = Event
        fields = ["kind", "year", "host", "dimension"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the year choices, shared by validation and rendering.
        years = years_with(Event.objects.published(), "start_date")
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]

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
