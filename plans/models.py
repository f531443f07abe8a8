from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.choice_labels import ChoiceLabelsMixin
from core.partial_dates import DatePrecision, format_partial_date
from core.publishing import Publishable
from core.slug_urls import slug_url
from core.uploads import DocumentField

from .choices import (  # noqa: F401  (re-exported: other apps import them from here)
    CLOSED_STATUSES,
    CoordinationRole,
    DecidingBody,
    MeasureStatus,
    PlanKind,
    PlanStatus,
)
from .progress import Progress
from .querysets import CoordinationQuerySet, MeasureQuerySet, PlanQuerySet, StatusChangeQuerySet
from .tally import PublishedPlanTally  # noqa: F401  (counts kept by the database: tally.py)


class DimensionQuerySet(models.QuerySet):
    def published(self):
        # Dimensions are fixed by CICA's basic documents and always public.
        return self.all()


class Dimension(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.TextField(_("description"), blank=True)

    objects = DimensionQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plans:list") + f"?dimension={self.slug}"


class PriorityAreaQuerySet(models.QuerySet):
    def published(self):
        return self.all()


class PriorityArea(models.Model):
    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.PROTECT,
        related_name="priority_areas",
        verbose_name=_("dimension"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    note = models.TextField(_("note"), blank=True)

    objects = PriorityAreaQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension__position", "name"]
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "name"], name="unique_area_per_dimension")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plans:list") + f"?priority_area={self.slug}"


# Paths under /plans/ that are pages, not plans.
RESERVED_SLUGS = {"status", "decisions"}
# Written by plans.workflow only.
WORKFLOW_FIELDS = {"status", "status_decided_on", "status_decided_precision"}


class Plan(Publishable):
    """A concept paper or an action plan moving through CICA's approval process."""

    kind = models.CharField(_("kind"), max_length=16, choices=PlanKind.choices)
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="plans", verbose_name=_("dimension")
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        help_text=_("Empty for a paper covering the whole dimension."),
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("period from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("period to (year)"), null=True, blank=True)
    predecessor = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("predecessor"),
    )
    # Always equal to the last StatusChange; written only by plans.workflow.
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFT,
        db_index=True,
        editable=False,
    )
    status_decided_on = models.DateField(
        _("status decided on"), null=True, blank=True, editable=False
    )
    status_decided_precision = models.CharField(
        _("status date known to"),
        max_length=8,
        choices=DatePrecision.choices,
        blank=True,
        editable=False,
    )

    objects = PlanQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension__position", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        permissions = [
            ("publish_plan", _("Can publish and unpublish plans")),
            ("change_plan_status", _("Can record status decisions on plans")),
        ]
        # Every sort and count of the public list, the board and the admin (issue 7).
        # Migration 0005 adds, on PostgreSQL only, trigram indexes for the text filter and
        # the descending sorts with NULLS LAST (SQLite cannot index those).
        indexes = [
            # Counts by dimension, area, status and kind read this index only (with "id"
            # for COUNT(id) and MIN(id)).
            models.Index(
                fields=[
                    "publication_status",
                    "publish_at",
                    "dimension",
                    "priority_area",
                    "status",
                    "kind",
                    "id",
                ],
                name="plan_published_counts",
            ),
            # Sort "dimension": one group at a time (see core.pagination).
            models.Index(fields=["dimension", "priority_area", "title", "id"], name="plan_group"),
            # The same, filtered by status (the status board's links: dimension x status).
            models.Index(
                fields=["dimension", "status", "priority_area", "title", "id"],
                name="plan_group_by_status",
            ),
            # The two above for plans outside any priority area: PostgreSQL reads a
            # column's index order only after equality conditions, and "priority_area IS
            # NULL" is not one, so such a group's page sorted all its rows (4 ms for 711).
            models.Index(
                fields=["dimension", "title", "id"],
                condition=models.Q(priority_area__isnull=True),
                name="plan_group_no_area",
            ),
            models.Index(
                fields=["dimension", "status", "title", "id"],
                condition=models.Q(priority_area__isnull=True),
                name="plan_group_by_status_no_area",
            ),
            models.Index(fields=["title", "id"], name="plan_title"),
            models.Index(fields=["start_year", "end_year", "title"], name="plan_period"),
            models.Index(fields=["status_decided_on", "title", "id"], name="plan_decided"),
            # The board's "period ended without being completed".
            models.Index(fields=["end_year", "title"], name="plan_end_year"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="plan_period_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("plans:detail", self.slug)

    def save(self, *args, **kwargs):
        # The status belongs to plans.workflow: a new plan starts as a draft with no history,
        # and saving a plan (admin form, stale object) never overwrites a recorded decision.
        if self._state.adding:
            self.status, self.status_decided_on, self.status_decided_precision = (
                PlanStatus.DRAFT,
                None,
                "",
            )
        else:
            fields = kwargs.get("update_fields")
            if fields is None:
                fields = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = [f for f in fields if f not in WORKFLOW_FIELDS]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another page.")})
        if self.priority_area_id and self.dimension_id:
            if self.priority_area.dimension_id != self.dimension_id:
                raise ValidationError(
                    {"priority_area": _("This priority area belongs to another dimension.")}
                )
        if self.pk and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("A plan cannot follow itself.")})

    @property
    def period(self):
        if self.start_year and self.end_year:
            if self.start_year == self.end_year:
                return str(self.start_year)
            return f"{self.start_year}\N{EN DASH}{self.end_year}"
        return str(self.start_year or "")

    @property
    def status_decided_display(self):
        return format_partial_date(self.status_decided_on, self.status_decided_precision)

    @property
    def is_concept_paper(self):
        return self.kind == PlanKind.CONCEPT_PAPER

    @property
    def progress(self):
        """Progress of the measures; reads the prefetched measures when there are some."""
        statuses = [measure.status for measure in self.measures.all()]
        return Progress(
            total=len(statuses),
            done=statuses.count(MeasureStatus.DONE),
            cancelled=statuses.count(MeasureStatus.CANCELLED),
        )

    @property
    def list_progress(self):
        """Progress from the counts PlanQuerySet.with_measure_counts() annotated."""
        return Progress(
            total=self.measures_total, done=self.measures_done, cancelled=self.measures_cancelled
        )

    def coordination_levels(self):
        """[(subject, roles)] for the plan, its priority area and its dimension, most specific
        first, leaving out levels without roles. Reads the roles PlanQuerySet.with_roles()
        prefetched."""
        subjects = [self, self.priority_area, self.dimension]
        return [
            (subject, subject.published_roles)
            for subject in subjects
            if subject and subject.published_roles
        ]

    def effective_coordinations(self):
        """The roles that apply: the plan's own, else its priority area's, else its dimension's."""
        levels = self.coordination_levels()
        return levels[0][1] if levels else []

    def successor_or_none(self):
        try:
            return self.successor
        except Plan.DoesNotExist:
            return None


def coordination_period(start_year, end_year):
    """A coordination role's years: "2016–2018", "2020–" or ""."""
    if start_year and end_year:
        return f"{start_year}\N{EN DASH}{end_year}"
    if start_year:
        return f"{start_year}\N{EN DASH}"
    return ""


class Coordination(ChoiceLabelsMixin, models.Model):
    """A state coordinating or co-coordinating a dimension, a priority area or a plan."""

    state = models.ForeignKey(
        "members.Participant",
        on_delete=models.PROTECT,
        related_name="coordinations",
        limit_choices_to={"kind": "state"},
        verbose_name=_("state"),
    )
    role = models.CharField(_("role"), max_length=16, choices=CoordinationRole.choices)
    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coordinations",
        verbose_name=_("dimension"),
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coordinations",
        verbose_name=_("priority area"),
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coordinations",
        verbose_name=_("plan"),
    )
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)

    objects = CoordinationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "state__name"]
        verbose_name = _("coordination role")
        verbose_name_plural = _("coordination roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(dimension__isnull=False, priority_area__isnull=True, plan__isnull=True)
                    | models.Q(
                        dimension__isnull=True, priority_area__isnull=False, plan__isnull=True
                    )
                    | models.Q(
                        dimension__isnull=True, priority_area__isnull=True, plan__isnull=False
                    )
                ),
                name="coordination_has_exactly_one_subject",
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="coordination_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.state}: {self.get_role_display()} of {self.subject}"

    @property
    def subject(self):
        return self.dimension or self.priority_area or self.plan

    @property
    def period(self):
        return coordination_period(self.start_year, self.end_year)


class StatusChange(ChoiceLabelsMixin, models.Model):
    """One step of a plan's approval history. Append-only: see plans.workflow."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("plan")
    )
    # 1, 2, 3... per plan: the order of the history, whatever dates are known.
    step = models.PositiveSmallIntegerField(_("step"), editable=False)
    from_status = models.CharField(_("from"), max_length=20, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=PlanStatus.choices)
    decided_on = models.DateField(
        _("decided on"),
        null=True,
        blank=True,
        help_text=_(
            "The date of the decision, not of its entry here. Empty if unknown; for a date "
            "known only to the month or year, enter its first day and choose the precision."
        ),
    )
    decided_on_precision = models.CharField(
        _("date known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    deciding_body = models.CharField(
        _("deciding body"), max_length=16, choices=DecidingBody.choices, blank=True
    )
    meeting = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "step"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        indexes = [
            models.Index(fields=["decided_on"]),
            # The decisions in their public order (in_decision_order), most recent first,
            # undated last: a page of "what changed since" reads its 20 rows from here
            # instead of sorting every match; its count reads only the index. PostgreSQL
            # only (migration 0011): SQLite has no NULLS LAST in an index.
            models.Index(
                models.F("decided_on").desc(nulls_last=True),
                "decided_on_precision",
                "plan",
                name="plan_change_decision_order",
            ),
            # The admin's filters on 200,000 decisions.
            models.Index(fields=["to_status"], name="plan_change_to_status"),
            models.Index(fields=["deciding_body"], name="plan_change_body"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["plan", "step"], name="one_status_change_per_step"),
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="status_change_changes_status",
            ),
        ]

    def __str__(self):
        return (
            f"{self.plan}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
        )

    @property
    def decided_on_display(self):
        return format_partial_date(self.decided_on, self.decided_on_precision)

    @property
    def decided_on_iso(self):
        """The date as far as it is known, for <time datetime>: 2008-08-23, 2023-12 or 2023."""
        if self.decided_on is None:
            return ""
        if self.decided_on_precision == DatePrecision.DAY:
            return self.decided_on.isoformat()
        if self.decided_on_precision == DatePrecision.MONTH:
            return self.decided_on.strftime("%Y-%m")
        return str(self.decided_on.year)


class Measure(ChoiceLabelsMixin, models.Model):
    """An implementation measure of an action plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="measures", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=250)
    responsible_states = models.ManyToManyField(
        "members.Participant",
        blank=True,
        related_name="measures",
        verbose_name=_("responsible states"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("carried out at"),
    )

    objects = MeasureQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "due_date", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return self.title


# CICA's working languages: documents exist in both even while the site is English only.
DOCUMENT_LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]


class PlanDocument(ChoiceLabelsMixin, models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="documents", verbose_name=_("plan")
    )
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(
        _("language"), max_length=8, choices=DOCUMENT_LANGUAGES, default="en"
    )
    date = models.DateField(_("date"), null=True, blank=True)
    file = DocumentField(_("file"), upload_to="plans/%Y/")

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-date", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title
