from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from cica_site.partial_dates import DatePrecision
from cica_site.preview import PreviewableDetailMixin
from members.models import Participant
from plans.models import Plan, StatusChange

from . import ics, month
from .filters import CalendarFeedForm, EventFilter
from .models import Event, EventKind

LIST_PAGE_SIZE = 25


def published_hosts():
    return Prefetch("hosts", queryset=Participant.objects.published().order_by("name"))


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

    def get_queryset(self):
        if self.filters_are_invalid():
            return self.filterset.queryset.none()
        return self.filterset.qs.prefetch_related(published_hosts())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["is_filtered"] = self.filterset.is_bound and any(
            self.request.GET.get(name) for name in self.filterset.filters
        )
        context["this_month"] = timezone.localdate().replace(day=1)
        return context


class EventListView(FilteredEventListView):
    template_name = "events/event_list.html"

    def base_queryset(self):
        return Event.objects.published().upcoming()


class PastEventListView(FilteredEventListView):
    template_name = "events/event_past.html"

    def base_queryset(self):
        return Event.objects.published().past()


class EventDetailView(PreviewableDetailMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        decisions = StatusChange.objects.filter(plan__in=Plan.objects.published()).select_related(
            "plan"
        )
        return Event.objects.visible_to(self.request.user).prefetch_related(
            published_hosts(),
            Prefetch(
                "plans",
                queryset=Plan.objects.published().select_related("dimension").order_by("title"),
            ),
            Prefetch("decisions", queryset=decisions.order_by("decided_on", "plan__title", "pk")),
            "documents",
        )


class MonthView(TemplateView):
    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first = month.month_or_none(kwargs["year"], kwargs["month"])
        if first is None:
            raise Http404(_("No such month."))
        published = Event.objects.published()
        events = list(published.in_month(first.year, first.month))
        context.update(
            month_start=first,
            month_name=month.month_name(first),
            weeks=month.month_grid(first, events, timezone.localdate()),
            weekdays=month.weekday_headers(),
            events=events,
            undated_events=published.filter(
                date_precision=DatePrecision.MONTH, start_date=first
            ).order_by("title"),
            previous_month=month.previous_month(first),
            next_month=month.next_month(first),
        )
        return context


def calendar_response(body, filename=None):
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CalendarFeedView(View):
    """The whole public calendar, or only some kinds: ?kind=summit&kind=ministerial."""

    def get(self, request):
        form = CalendarFeedForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                _("Unknown event kind. Use one or more of: %(kinds)s")
                % {"kinds": ", ".join(EventKind.values)},
                content_type="text/plain; charset=utf-8",
            )
        events = Event.objects.published().calendar_ready().order_by("start_date", "pk")
        kinds = form.cleaned_data["kind"]
        if kinds:
            events = events.filter(kind__in=kinds)
        name = _("CICA events")
        if kinds:
            labels = ", ".join(str(EventKind(kind).label) for kind in kinds)
            name = f"{name}: {labels}"
        body = ics.build_calendar(
            events, lambda event: request.build_absolute_uri(event.get_absolute_url()), name
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
