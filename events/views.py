import datetime

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Exists, Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from core import page_cache, published_rows
from core.pagination import KeysFirstPaginator
from core.partial_dates import DatePrecision
from core.preview import PreviewableDetailMixin
from core.slug_urls import slug_url_function
from plans.models import Plan, StatusChange

from . import ics, month
from .filters import CalendarFeedForm, EventFilter
from .models import Event, EventKind

# The kinds of the summits-and-ministerials calendar the events page links to.
MEETING_CALENDAR_KINDS = (EventKind.SUMMIT, EventKind.MINISTERIAL)

LIST_PAGE_SIZE = 25


class FilteredEventListView(ListView):
    """A filtered, paginated list. Invalid filter values: the form error and a 400."""

    paginate_by = LIST_PAGE_SIZE
    context_object_name = "events"

    def base_queryset(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.filterset = EventFilter(request.GET or None, queryset=self.base_queryset())
        response = super().get(request, *args, **kwargs)
        if self.filters_are_invalid():
            response.status_code = 400
        return response

    def filters_are_invalid(self):
        return self.filterset.is_bound and not self.filterset.is_valid()

    def is_filtered(self):
        return self.filterset.is_bound and any(
            self.request.GET.get(name) for name in self.filterset.filters
        )

    def get_queryset(self):
        if self.filters_are_invalid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["is_filtered"] = self.is_filtered()
        context["this_month"] = timezone.localdate().replace(day=1)
        context["calendars"] = calendar_examples()
        # What the filter form shows besides its options: the values asked for (so
        # its errors), not the page. Its fragment varies on it.
        context["filter_state"] = sorted(
            (key, self.request.GET.getlist(key)) for key in self.request.GET if key != "page"
        )
        context["item_keys"] = [event.pk for event in context["events"]]
        return context


class EventListView(FilteredEventListView):
    template_name = "events/event_list.html"
    # Upcoming events are sorted by start, which their last_date index is not ordered by.
    paginator_class = KeysFirstPaginator

    def base_queryset(self):
        return Event.objects.published().upcoming().with_hosts()


class PastEventsPaginator(Paginator):
    """Counts the past events as every published event less the upcoming ones.

    The published total is kept by the database (core/published_rows.py) and the
    upcoming events are a short range of the last_date index, while counting the past
    events read the whole archive: 44,000 index entries, 8 ms at 50,000 events (issue 7).
    Past and upcoming are complements within the published events (EventQuerySet).
    """

    @cached_property
    def count(self):
        return published_rows.published_total(Event, less=Event.objects.published().upcoming())


class PastEventListView(FilteredEventListView):
    template_name = "events/event_past.html"

    def base_queryset(self):
        return Event.objects.published().past().with_hosts()

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.is_filtered():
            # The past events that match, counted.
            return super().get_paginator(queryset, per_page, **kwargs)
        return PastEventsPaginator(queryset, per_page, **kwargs)


class EventDetailView(PreviewableDetailMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        plans = Plan.objects.published()
        decisions = (
            StatusChange.objects.filter(plan__in=plans)
            .select_related("plan")
            .order_by("decided_on", "plan__title", "pk")
        )
        return (
            Event.objects.visible_to(self.request.user)
            .with_hosts()
            .prefetch_related(
                Prefetch("plans", queryset=plans.select_related("dimension").order_by("title")),
                Prefetch("decisions", queryset=decisions),
                "documents",
            )
        )


class MonthCalendar:
    """The events of the month page, its grid and its events without a known day."""

    def __init__(self, first, today):
        self.first, self.today = first, today

    @cached_property
    def events(self):
        return list(Event.objects.published().in_month(self.first.year, self.first.month))

    @cached_property
    def weeks(self):
        return month.month_grid(self.first, self.events, self.today)

    @cached_property
    def undated_events(self):
        return list(
            Event.objects.published()
            .filter(date_precision=DatePrecision.MONTH, start_date=self.first)
            .order_by("title")
        )


class MonthView(TemplateView):
    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first = month.month_or_none(kwargs["year"], kwargs["month"])
        if first is None:
            raise Http404(_("No such month."))
        context.update(
            month_start=first,
            month_name=month.month_name(first),
            # Read only when drawn: a page whose calendar comes from the fragment cache
            # reads no event.
            calendar=MonthCalendar(first, timezone.localdate()),
            weekdays=month.weekday_headers(),
            previous_month=month.previous_month(first),
            next_month=month.next_month(first),
        )
        return context


def calendar_response(body, filename=None):
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# A calendar file of the whole archive would grow without end (and takes about 50 us an
# event to write and send), so each file is bounded (issue 7):
# - /events/calendar.ics: the CALENDAR_UPCOMING events ahead nearest to today and the
#   CALENDAR_RECENT most recent ones behind, however old (issue 20: CICA's archive has long
#   gaps, and a "last year onward" window left the demo calendar empty);
# - /events/calendar.ics?year=2010: the earliest CALENDAR_MAX_EVENTS events of that year.
# CICA holds a few dozen meetings a year, so real calendars stay far below the bounds; they
# keep a file of the synthetic archive (thousands of events a year) at about 10 ms without
# the page cache.
CALENDAR_UPCOMING = 100
CALENDAR_RECENT = 100
CALENDAR_MAX_EVENTS = 200


def calendar_event_keys(kinds=(), year=None, today=None):
    """The keys of the events of one calendar file (see CALENDAR_UPCOMING), ascending:
    one query."""
    today = today or timezone.localdate()
    events = Event.objects.published().calendar_ready()
    if kinds:
        events = events.filter(kind__in=kinds)
    if not year:
        return sorted(nearest_keys(events, today))
    # Sorted on COALESCE(start_date, ...), which equals start_date: on start_date
    # itself PostgreSQL walked that index from the first event ever (43 ms).
    chosen = events.filter(
        start_date__lte=datetime.date(year, 12, 31), last_date__gte=datetime.date(year, 1, 1)
    ).order_by(Coalesce("start_date", "end_date"), "pk")
    return sorted(chosen.values_list("pk", flat=True)[:CALENDAR_MAX_EVENTS])


def calendar_events(keys):
    """The events of these keys, with what a calendar file shows, by date (the file lists
    them so, whichever were chosen)."""
    return Event.objects.filter(pk__in=keys).for_calendar().order_by("start_date", "pk")


def nearest_keys(events, today):
    """The keys of the current calendar's ``events``, in one query: the CALENDAR_UPCOMING
    events not over (last day today or later) soonest first, and the CALENDAR_RECENT
    events over (last day before today) that ended most recently.

    Each half is read from the last_date index up to its bound, as the two parts of one
    UNION ALL: the events ahead are a short range of it, sorted on start_date's equal
    COALESCE(start_date, end_date), which keeps PostgreSQL on that index; the events
    behind are read backwards along it from today, however far back the archive goes.
    """
    ahead = events.filter(last_date__gte=today).order_by(Coalesce("start_date", "end_date"), "pk")
    behind = events.filter(last_date__lt=today).order_by("-last_date", "-pk")
    sliced_parts = connections[events.db].features.supports_slicing_ordering_in_compound
    first, second = (
        _nearest_half(half, limit, sliced_parts)
        for half, limit in ((ahead, CALENDAR_UPCOMING), (behind, CALENDAR_RECENT))
    )
    return list(first.union(second, all=True))


def _nearest_half(half, limit, sliced_parts):
    """The keys of the first ``limit`` events of ``half``, as a part of the UNION ALL in
    nearest_keys()."""
    if sliced_parts:
        return half.values_list("pk", flat=True)[:limit]
    # SQLite takes no LIMIT in a part of a UNION: the part reads the half's keys through
    # a subquery instead (on PostgreSQL that costs 400 more index probes).
    limited = half.values("pk")[:limit]
    return Event.objects.filter(pk__in=limited).order_by().values_list("pk", flat=True)


def calendar_examples():
    """What the events page may offer as calendars, chosen from the data so that no link
    leads to an empty file: the first year with an event whose day is known (the example
    of ``?year=``, None without such an event) and whether any summit or ministerial
    meeting has a known day (the link to their calendar). One query."""
    dated = Event.objects.published().calendar_ready()
    meetings = dated.filter(kind__in=MEETING_CALENDAR_KINDS)
    first = (
        dated.order_by("start_date", "pk")
        .values("start_date")
        .annotate(has_meetings=Exists(meetings))
        .first()
    )
    return {
        "upcoming": CALENDAR_UPCOMING,
        "recent": CALENDAR_RECENT,
        "example_year": first and first["start_date"].year,
        "has_meetings": bool(first and first["has_meetings"]),
    }


class CalendarFeedView(View):
    """The public calendar (see calendar_events), or only some kinds: ?kind=summit&kind=soc."""

    def get(self, request):
        form = CalendarFeedForm(request.GET)
        if not form.is_valid():
            message = _("Unknown event kind. Use one or more of: %(kinds)s") % {
                "kinds": ", ".join(EventKind.values)
            }
            if "year" in form.errors:
                message = _("The year must be a number from %(first)s to %(last)s.") % {
                    "first": month.FIRST_YEAR,
                    "last": month.LAST_YEAR,
                }
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        kinds, year = form.cleaned_data["kind"], form.cleaned_data["year"]
        name = _("CICA events")
        if kinds:
            labels = ", ".join(str(EventKind(kind).label) for kind in kinds)
            name = f"{name}: {labels}"
        if year:
            name = f"{name} ({year})"
        # Up to CALENDAR_MAX_EVENTS addresses: the host and the URL pattern looked up once.
        site = request.build_absolute_uri("/").removesuffix("/")
        detail_url = slug_url_function("events:detail")
        # Keys first: the events' rows are read and the file built only when it is not
        # cached for these events, the events' content and the site's address.
        keys = calendar_event_keys(kinds, year)
        body = page_cache.request_fragment(
            request,
            "calendar-ics",
            [name, *keys],
            lambda: ics.build_calendar(
                calendar_events(keys), lambda event: site + detail_url(event.slug), name
            ),
        )
        return calendar_response(body)


class EventCalendarView(View):
    """One event as an .ics file ("Add to calendar")."""

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published().calendar_ready(), slug=slug)
        body = ics.build_calendar(
            [event],
            lambda item: request.build_absolute_uri(item.get_absolute_url()),
            event.title,
        )
        return calendar_response(body, filename=f"{event.slug}.ics")
