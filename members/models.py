import datetime

from django.db import models
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choice_labels import ChoiceLabelsMixin
from core.partial_dates import DatePrecision, format_partial_date, normalise_partial_date
from core.publishing import Publishable, PublishableQuerySet
from core.slug_urls import slug_url


class ParticipantKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANISATION = "organisation", _("International organisation")


class ParticipationStatus(models.TextChoices):
    MEMBER = "member", _("Member state")
    OBSERVER = "observer", _("Observer")
    PARTNER = "partner", _("Partner")
    FORMER = "former", _("No longer participating")


class ParticipantQuerySet(PublishableQuerySet):
    def states(self):
        return self.filter(kind=ParticipantKind.STATE)

    def organisations(self):
        return self.filter(kind=ParticipantKind.ORGANISATION)

    def members(self):
        return self.filter(current_status=ParticipationStatus.MEMBER)

    def observers(self):
        return self.filter(current_status=ParticipationStatus.OBSERVER)

    def with_profile(self):
        """With the status history and the chairmanships a member page lists, in their
        order: two more queries, whatever the number of rows."""
        return self.prefetch_related(
            Prefetch("status_changes", queryset=StatusChange.objects.in_history_order()),
            Prefetch("chairmanships", queryset=Chairmanship.objects.in_term_order()),
        )


class Participant(Publishable):
    """A member state, observer state or observer organisation."""

    # What other apps' pages show of a state (a coordinator's or host's name and link, the
    # states offered in their filters): an edit of anything else, such as the summary,
    # leaves those pages in the page cache (core/page_cache.py).
    listed_fields = ("name", "slug", "kind", "current_status", "publication_status", "publish_at")

    kind = models.CharField(
        _("kind"), max_length=16, choices=ParticipantKind.choices, default=ParticipantKind.STATE
    )
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    official_name = models.CharField(_("official name"), max_length=250, blank=True)
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        blank=True,
        help_text=_("States only."),
    )
    summary = models.TextField(_("summary"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # The day each first member joined (between the 1999 Declaration and the 2002 summit)
    # is not known: they are shown as founding members rather than by an invented date.
    founding_member = models.BooleanField(
        _("founding member"),
        default=False,
        help_text=_(
            "One of CICA's first member states, shown as a founding member instead of its "
            "accession date."
        ),
    )
    # Derived from the status history (see sync_from_history); stored so that
    # lists can filter and sort on them without reading every history row.
    current_status = models.CharField(
        _("current status"),
        max_length=12,
        choices=ParticipationStatus.choices,
        blank=True,
        db_index=True,
        editable=False,
    )
    accession_date = models.DateField(_("accession date"), null=True, blank=True, editable=False)
    accession_precision = models.CharField(
        _("accession date known to"),
        max_length=8,
        choices=DatePrecision.choices,
        blank=True,
        editable=False,
    )

    objects = ParticipantQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["current_status", "accession_date", "accession_precision"]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        permissions = [("publish_participant", _("Can publish and unpublish participants"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="state") | models.Q(iso_code=""),
                name="iso_code_only_for_states",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("members:detail", self.slug)

    @property
    def accession_display(self):
        if self.founding_member and self.current_status == ParticipationStatus.MEMBER:
            return _("Founding member")
        return format_partial_date(self.accession_date, self.accession_precision)

    @property
    def accession_year(self):
        return self.accession_date.year if self.accession_date else None

    def sync_from_history(self, save=True):
        """Recompute current status and accession from the dated history."""
        changes = sorted(self.status_changes.all(), key=_history_order)
        self.current_status = changes[-1].status if changes else ""
        first_membership = next(
            (c for c in changes if c.status == ParticipationStatus.MEMBER), None
        )
        if first_membership and self.current_status == ParticipationStatus.MEMBER:
            self.accession_date = first_membership.date
            self.accession_precision = first_membership.precision
        else:
            self.accession_date = None
            self.accession_precision = ""
        if save:
            Participant.objects.filter(pk=self.pk).update(
                current_status=self.current_status,
                accession_date=self.accession_date,
                accession_precision=self.accession_precision,
            )


def _history_order(change):
    # An undated entry is taken as the earliest: a dated one always tells more.
    return (change.date is not None, change.date or datetime.date.min, change.pk or 0)


class StatusChangeQuerySet(models.QuerySet):
    def in_history_order(self):
        return self.order_by(F("date").asc(nulls_first=True), "pk")


class StatusChange(ChoiceLabelsMixin, models.Model):
    """From this date on, the participant had this status."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("participant"),
    )
    status = models.CharField(_("status"), max_length=12, choices=ParticipationStatus.choices)
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty if unknown. For a date known only to the year, enter 1 January "
            "of that year and choose the precision."
        ),
    )
    precision = models.CharField(
        _("date known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    note = models.CharField(_("note"), max_length=250, blank=True)

    objects = StatusChangeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["participant", "date", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        indexes = [models.Index(fields=["status", "date"])]

    def __str__(self):
        return f"{self.participant}: {self.get_status_display()} ({self.date_display})"

    def save(self, *args, **kwargs):
        self.date = normalise_partial_date(self.date, self.precision)
        super().save(*args, **kwargs)

    @property
    def date_display(self):
        return format_partial_date(self.date, self.precision)


class ChairmanshipQuerySet(models.QuerySet):
    def in_term_order(self):
        return self.order_by("start_year", "pk")

    def current(self, today=None):
        year = (today or timezone.localdate()).year
        return (
            self.filter(start_year__lte=year)
            .filter(models.Q(end_year__isnull=True) | models.Q(end_year__gte=year))
            .select_related("state")
            .order_by("-start_year")
            .first()
        )


class Chairmanship(models.Model):
    state = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="chairmanships",
        limit_choices_to={"kind": ParticipantKind.STATE},
        verbose_name=_("state"),
    )
    start_year = models.PositiveSmallIntegerField(_("from (year)"))
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    start_date = models.DateField(_("exact start date"), null=True, blank=True)
    end_date = models.DateField(_("exact end date"), null=True, blank=True)

    objects = ChairmanshipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="chairmanship_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.state} ({self.period})"

    def get_absolute_url(self):
        return self.state.get_absolute_url()

    @property
    def period(self):
        if self.end_year:
            return f"{self.start_year}\N{EN DASH}{self.end_year}"
        return f"{self.start_year}\N{EN DASH}"


def membership_growth(states, first_year=None, last_year=None):
    """[(year, number of member states or None)] from accession dates, for the chart.

    A year is unknown (None) while some state is recorded only as a member "by" a
    later year: we cannot tell whether it had joined yet. Without ``first_year`` the
    chart starts at the first year whose count is known (the founding members' "by
    2002"), so that it draws no years of question marks.
    """
    last_year = last_year or datetime.date.today().year
    accessions = [(s.accession_year, s.accession_precision) for s in states if s.accession_year]
    by_years = [year for year, precision in accessions if precision == DatePrecision.BY_YEAR]
    if first_year is None:
        first_year = max(by_years, default=min((y for y, _ in accessions), default=last_year))
    known_from = max(by_years, default=first_year)
    return [
        (year, sum(1 for y, _ in accessions if y <= year) if year >= known_from else None)
        for year in range(first_year, last_year + 1)
    ]
