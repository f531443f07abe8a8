import zoneinfo

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cica_site.partial_dates import DatePrecision, format_partial_date
from cica_site.publishing import Publishable, PublishableQuerySet


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


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        today = timezone.localdate()
        return self.filter(
            models.Q(end_date__gte=today) | models.Q(end_date__isnull=True, start_date__gte=today)
        ).order_by("start_date", "pk")

    def past(self):
        today = timezone.localdate()
        return self.filter(
            models.Q(end_date__lt=today) | models.Q(end_date__isnull=True, start_date__lt=today)
        ).order_by("-start_date", "-pk")


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
    plans = models.ManyToManyField(
        "plans.Plan", blank=True, related_name="events", verbose_name=_("plans discussed")
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
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
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_all_day(self):
        return self.starts_at is None

    @property
    def date_display(self):
        return format_partial_date(self.start_date, self.date_precision)


class EventDocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    DECLARATION = "declaration", _("Declaration")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class EventDocument(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=12, choices=EventDocumentKind.choices, default=EventDocumentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(_("file"), upload_to="events/%Y/")

    class Meta:
        ordering = ["event", "kind", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title
