import zoneinfo

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.partial_dates import DatePrecision
from core.staff.admin import TranslatedContentAdmin
from core.staff.filters import year_filter
from core.staff.locking import LockedModelForm
from core.staff.translation_admin import TranslatedTabularInline
from members.models import Participant
from plans.models import Plan

from .duplication import duplicate_as_draft
from .models import Event, EventDocument


class EventDocumentInline(TranslatedTabularInline):
    model = EventDocument
    extra = 0
    fields = ["kind", "title", "file", "source_url"]


class HostFilter(admin.SimpleListFilter):
    """States that hosted an event, found one state at a time (not by reading every event)."""

    title = _("host states")
    parameter_name = "host"

    def lookups(self, request, model_admin):
        hosted = Event.hosts.through.objects.filter(participant_id=OuterRef("pk"))
        states = Participant.objects.filter(Exists(hosted)).order_by("name")
        return [(str(state.pk), state.name) for state in states]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(hosts=int(value))
        return queryset


class EventAdminForm(LockedModelForm):
    """Start and end times are typed and shown as wall-clock time in the venue's zone."""

    class Meta:
        model = Event
        fields = [
            "title", "slug", "kind", "status", "date_precision", "start_date", "end_date",
            "timezone", "starts_at", "ends_at", "city", "venue", "hosts", "organiser",
            "summary", "body", "source_url", "plans", "publication_status", "publish_at",
        ]  # fmt: skip
        help_texts = {
            "start_date": _(
                "For an event known only by month or year, any day of it. "
                "Filled from the start time for timed events."
            ),
            "starts_at": _(
                "Wall-clock time at the venue (see the venue time zone). "
                "Leave empty for an all-day event."
            ),
            "ends_at": _("Wall-clock time at the venue."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_date"].required = False
        event = self.instance
        for name, moment in (("starts_at", event.local_start), ("ends_at", event.local_end)):
            if moment is not None and name in self.fields:
                self.initial[name] = moment.replace(tzinfo=None)

    def clean(self):
        data = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(data.get("timezone") or "UTC")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return data
        for name in ("starts_at", "ends_at"):
            if data.get(name):
                # The field read the time in the site's zone; it meant the venue's.
                wall_clock = timezone.make_naive(data[name])
                data[name] = wall_clock.replace(tzinfo=zone)
        if data.get("starts_at"):
            data["start_date"] = data["starts_at"].date()
            data["date_precision"] = DatePrecision.DAY
        elif not data.get("start_date") and "start_date" not in self.errors:
            self.add_error("start_date", _("Give a start date or a start time."))
        return data


@admin.register(Event)
class EventAdmin(TranslatedContentAdmin):
    form = EventAdminForm
    show_full_result_count = False  # one count per page at scale (issue 7)
    list_display = ["title", "kind", "when", "city", "status", "publication_status"]
    list_filter = [
        "kind",
        "status",
        HostFilter,
        year_filter("start_date"),
        "publication_status",
    ]
    search_fields = ["title", "slug", "city", "venue", "summary", "hosts__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["hosts"]
    # Until plans registers a searchable PlanAdmin: see get_autocomplete_fields.
    filter_horizontal = ["plans"]
    readonly_fields = ["sequence", "updated_at"]
    markdown_fields = ["body"]
    inlines = [EventDocumentInline]
    actions = [*TranslatedContentAdmin.actions, "duplicate_as_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status"]}),
        (
            _("When"),
            {
                "fields": [
                    "date_precision",
                    "start_date",
                    "end_date",
                    "timezone",
                    "starts_at",
                    "ends_at",
                ]
            },
        ),
        (_("Where and who"), {"fields": ["city", "venue", "hosts", "organiser"]}),
        (_("Content"), {"fields": ["summary", "body", "source_url", "plans"]}),
        (
            _("Publication"),
            {"fields": ["publication_status", "publish_at", "sequence", "updated_at"]},
        ),
    ]

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        plan_admin = self.admin_site._registry.get(Plan)
        if plan_admin is not None and plan_admin.search_fields:
            fields.append("plans")
        return fields

    @admin.display(description=_("date"), ordering="start_date")
    def when(self, obj):
        return obj.when_display

    @admin.action(description=_("Duplicate as draft, a year later"))
    def duplicate_as_draft(self, request, queryset):
        copies = [
            duplicate_as_draft(event) for event in queryset.prefetch_related("hosts", "plans")
        ]
        self.message_user(
            request,
            ngettext(
                "Created %(count)d draft: %(titles)s.",
                "Created %(count)d drafts: %(titles)s.",
                len(copies),
            )
            % {"count": len(copies), "titles": ", ".join(copy.title for copy in copies)},
        )
