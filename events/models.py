import calendar
import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.timezone import now as timezone_now
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choice_labels import ChoiceLabelsMixin
from core.partial_dates import DatePrecision, format_partial_date, normalise_partial_date
from core.publishing import Publishable, PublishableQuerySet
from core.slug_urls import slug_url
from core.uploads import DocumentField

from .dates import describe_when, machine_date


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    MINISTERIAL = "ministerial", _("Ministerial meeting")
    SOC = "soc", _("Senior Officials Committee")
    SWG = "swg", _("Special Working Group")
    EXPERTS = "experts", _("Experts meeting")
    SPECIALISED = "specialised", _("Specialised meeting")
    SEMINAR = "seminar", _("Seminar, workshop or conference")
    BUSINESS_FORUM = "business_forum", _("Business forum")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


def _timezone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


# Paths under /events/ that a slug must not shadow.
RESERVED_SLUGS = {"past", "feed", "calendar"}

# Fields whose change alters what the public (pages, feeds, calendars) sees: a save that
# changes one of them bumps ``sequence`` and ``updated_at`` (iCalendar SEQUENCE/LAST-MODIFIED).
PUBLIC_FIELDS = (
    "title",
    "slug",
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "starts_at",
    "ends_at",
    "timezone",
    "city",
    "venue",
    "organiser",
    "summary",
    "body",
    "source_url",
    "publication_status",
    "publish_at",
)


# What events.ics reads of an event (EventQuerySet.for_calendar).
CALENDAR_FIELDS = (
    "title slug kind status start_date end_date date_precision starts_at ends_at timezone "
    "city venue summary sequence updated_at"
).split()


def last_day_covered(start_date, end_date, precision):
    """The last calendar day an event may cover: a month-only event may be any day of it."""
    if end_date:
        return end_date
    if precision == DatePrecision.MONTH:
        days_in_month = calendar.monthrange(start_date.year, start_date.month)[1]
        return start_date.replace(day=days_in_month)
    if precision in (DatePrecision.YEAR, DatePrecision.BY_YEAR):
        return datetime.date(start_date.year, 12, 31)
    return start_date


# A timed event's last_date is the day its end time falls on in the venue's zone, which
# is at most a day and a bit from the site's own date. So an event that is not over has
# last_date >= today - 2, and one that is over has last_date < today + 2. These bounds
# change no result; they let the database find the events through the last_date index
# instead of walking the start_date index past every older event (issue 7).
ZONE_MARGIN = datetime.timedelta(days=2)


class EventQuerySet(PublishableQuerySet):
    def deciding_meetings(self):
        """The meetings that take decisions on plans (a status decision's meeting)."""
        return self.filter(
            kind__in=[EventKind.SUMMIT, EventKind.MINISTERIAL, EventKind.SOC, EventKind.SWG]
        )

    # A timed event is over at its end time; any other event at the end of its last day
    # (an event known only by its month stays upcoming until that month is over).
    def upcoming(self):
        """Events that are not over yet, soonest first."""
        today = timezone.localdate()
        not_over = models.Q(ends_at__isnull=False, ends_at__gte=timezone.now()) | models.Q(
            ends_at__isnull=True, last_date__gte=today
        )
        # Sorted on COALESCE(start_date, ...), which equals start_date (never empty) but
        # matches no index: walking the start_date index for the first few upcoming
        # events would read nearly every past event first, as the database cannot know
        # they all lie at its end. It takes the last_date index and sorts what it finds.
        return (
            self.filter(last_date__gte=today - ZONE_MARGIN)
            .filter(not_over)
            .order_by(
                Coalesce("start_date", "end_date"),
                models.F("starts_at").asc(nulls_first=True),
                "pk",
            )
        )

    def past(self):
        """Events that are over, most recent first."""
        today = timezone.localdate()
        over = models.Q(ends_at__isnull=False, ends_at__lt=timezone.now()) | models.Q(
            ends_at__isnull=True, last_date__lt=today
        )
        return (
            self.filter(last_date__lt=today + ZONE_MARGIN)
            .filter(over)
            .order_by("-start_date", models.F("starts_at").desc(nulls_last=True), "-pk")
        )

    def in_month(self, year, month):
        """Events with a known day that touch the given month."""
        first = datetime.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        return self.filter(
            date_precision=DatePrecision.DAY, start_date__lte=last, last_date__gte=first
        ).order_by("start_date", models.F("starts_at").asc(nulls_first=True), "pk")

    def calendar_ready(self):
        """Events whose day is known, so that they can go into a calendar."""
        return self.filter(date_precision=DatePrecision.DAY)

    def for_calendar(self):
        """Only the columns an iCalendar entry shows (events.ics): a calendar file holds
        up to 200 events, and the body and the rest would be read for nothing."""
        return self.only(*CALENDAR_FIELDS)

    def hosted_by(self, participant):
        return self.filter(hosts=participant)

    def with_hosts(self):
        """Each event's published host states, by name, as ``event.hosts.all()``."""
        participant = self.model._meta.get_field("hosts").related_model
        published_hosts = participant.objects.published().order_by("name")
        return self.prefetch_related(models.Prefetch("hosts", queryset=published_hosts))


class Event(Publishable):
    """A CICA meeting. Dates may be known only to the month or year (old meetings)."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    # Calendar dates in the venue's zone; always set, used for sorting and the calendar.
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    # Timed events only: exact aware moments. Empty for all-day events.
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    timezone = models.CharField(
        _("venue time zone"), max_length=64, choices=_timezone_choices, default="Asia/Almaty"
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    hosts = models.ManyToManyField(
        "members.Participant",
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host states"),
    )
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    source_url = models.URLField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the facts about this meeting were read, if it is not our own record."),
    )
    plans = models.ManyToManyField(
        "plans.Plan", blank=True, related_name="events", verbose_name=_("plans discussed")
    )
    # Derived in save(): end_date, or the end of the month/year for partly known dates.
    last_date = models.DateField(_("last day covered"), editable=False, db_index=True)
    # iCalendar SEQUENCE and LAST-MODIFIED: changed by save() only when PUBLIC_FIELDS change.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("last modified"), default=timezone_now, editable=False)

    objects = EventQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish and unpublish events"))]
        # Lists, filters, calendars, the sitemap and the admin at scale (issue 7).
        indexes = [
            # upcoming()/past() find events by their last day. The other columns let a
            # count, and the keys of a page sorted by start (core.queries.keys_first),
            # be read from the index alone (PostgreSQL; other databases ignore include).
            models.Index(
                fields=["last_date", "ends_at", "publication_status", "publish_at"],
                include=["start_date", "end_date", "starts_at", "date_precision", "kind", "id"],
                name="event_last_date_cover",
            ),
            models.Index(fields=["start_date", "id"], name="event_start"),
            models.Index(fields=["kind", "start_date", "id"], name="event_kind_start"),
            models.Index(fields=["status", "start_date"], name="event_status_start"),
            models.Index(fields=["publication_status", "publish_at"], name="event_published"),
            models.Index(fields=["updated_at"], name="event_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("events:detail", self.slug)

    def get_ics_url(self):
        return slug_url("events:detail_ics", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_public_values = instance._public_values()
        return instance

    def _public_values(self):
        # Deferred fields are left out, so that save() knows to read them from the database.
        values = {name: self.__dict__[name] for name in PUBLIC_FIELDS if name in self.__dict__}
        values["sequence"] = self.__dict__.get("sequence")
        return values

    def clean(self):
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This slug is reserved for a page of the events section.")
        if self.starts_at and self.date_precision != DatePrecision.DAY:
            errors["date_precision"] = _("An event with a start time has an exact day.")
        if self.ends_at and not self.starts_at:
            errors["ends_at"] = _("Give the start time too.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if not self.starts_at and self.start_date and self.end_date:
            if self.end_date < self.start_date:
                errors["end_date"] = _("The event cannot end before it starts.")
            elif self.date_precision != DatePrecision.DAY:
                errors["end_date"] = _("Only an event with an exact day can have an end date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self._derive_dates()
        changed = self._public_data_changed()
        if changed:
            self.updated_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            extra = {"start_date", "end_date", "last_date"}
            if changed:
                extra |= {"sequence", "updated_at"}
            kwargs["update_fields"] = set(update_fields) | extra
        super().save(*args, **kwargs)
        self._loaded_public_values = self._public_values()

    def _derive_dates(self):
        # Timed events: the calendar days follow from the moments, seen in the venue's zone.
        if self.starts_at:
            zone = self.zone
            self.date_precision = DatePrecision.DAY
            self.start_date = self.starts_at.astimezone(zone).date()
            self.end_date = self.ends_at.astimezone(zone).date() if self.ends_at else None
        else:
            self.start_date = normalise_partial_date(self.start_date, self.date_precision)
        if self.end_date == self.start_date:
            self.end_date = None
        self.last_date = last_day_covered(self.start_date, self.end_date, self.date_precision)

    def _public_data_changed(self):
        """True for a new event or when public data differ from the stored row."""
        if self._state.adding or self.pk is None:
            return True
        before = getattr(self, "_loaded_public_values", None)
        if before is None or any(name not in before for name in PUBLIC_FIELDS):
            stored = type(self).objects.filter(pk=self.pk).values(*PUBLIC_FIELDS, "sequence")
            before = stored.first()
            if before is None:
                return True
        if all(before.get(name) == getattr(self, name) for name in PUBLIC_FIELDS):
            return False
        self.sequence = (before.get("sequence") or 0) + 1
        return True

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_all_day(self):
        return self.starts_at is None

    @property
    def has_known_day(self):
        return self.date_precision == DatePrecision.DAY

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone) if self.starts_at else None

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone) if self.ends_at else None

    @property
    def date_display(self):
        return format_partial_date(self.start_date, self.date_precision)

    @property
    def when_display(self):
        """Dates (and times with the UTC offset, in the venue's zone) as far as known."""
        return describe_when(self)

    @property
    def when_iso(self):
        return machine_date(self)

    @property
    def place_display(self):
        return ", ".join(part for part in (self.venue, self.city) if part)

    @property
    def is_over(self):
        """The same test as EventQuerySet.past(), for one event already in memory."""
        if self.ends_at is not None:
            return self.ends_at < timezone.now()
        return self.last_date < timezone.localdate()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED


class EventDocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    DECLARATION = "declaration", _("Declaration")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class EventDocument(ChoiceLabelsMixin, models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="documents", verbose_name=_("event")
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=EventDocumentKind.choices, default=EventDocumentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=250)
    file = DocumentField(_("file"), upload_to="events/%Y/", blank=True)
    # A document we hold no copy of is linked to where its text (or the report of its
    # adoption) was read.
    source_url = models.URLField(
        _("source link"),
        max_length=500,
        blank=True,
        help_text=_("Instead of a file: the address where the document can be read."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "kind", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(file="") | ~models.Q(source_url=""),
                name="event_document_file_or_source",
                violation_error_message=_("Upload a file or give a source link."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.file and not self.source_url:
            raise ValidationError(_("Upload a file or give a source link."))

    @property
    def url(self):
        return self.file.url if self.file else self.source_url
