from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cica_site.partial_dates import DatePrecision, format_partial_date
from cica_site.publishing import Publishable, PublishableQuerySet


class PlanKind(models.TextChoices):
    CONCEPT_PAPER = "concept_paper", _("Concept paper")
    ACTION_PLAN = "action_plan", _("Action plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AGREED_BY_SWG = "agreed_swg", _("Agreed by SWG")
    APPROVED_BY_SOC = "approved_soc", _("Approved by SOC")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


class DecidingBody(models.TextChoices):
    SOC = "soc", _("Senior Officials Committee")
    SWG = "swg", _("Special Working Group")
    MINISTERIAL = "ministerial", _("Ministerial Meeting")
    SUMMIT = "summit", _("Summit")
    SILENCE = "silence", _("Silence procedure")


class CoordinationRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    CO_COORDINATOR = "co_coordinator", _("Co-coordinator")


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
        Dimension, on_delete=models.PROTECT, related_name="priority_areas"
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    note = models.TextField(_("note"), blank=True)

    objects = PriorityAreaQuerySet.as_manager()

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


class PlanQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("dimension", "priority_area")


class Plan(Publishable):
    """A concept paper or an action plan moving through CICA's approval process."""

    kind = models.CharField(_("kind"), max_length=16, choices=PlanKind.choices)
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="plans")
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="plans",
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

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["dimension__position", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
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
        return reverse("plans:detail", kwargs={"slug": self.slug})

    @property
    def period(self):
        if self.start_year and self.end_year:
            return f"{self.start_year}\N{EN DASH}{self.end_year}"
        return str(self.start_year or "")


class Coordination(models.Model):
    """A state coordinating or co-coordinating a dimension, a priority area or a plan."""

    state = models.ForeignKey(
        "members.Participant",
        on_delete=models.PROTECT,
        related_name="coordinations",
        limit_choices_to={"kind": "state"},
    )
    role = models.CharField(_("role"), max_length=16, choices=CoordinationRole.choices)
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, null=True, blank=True, related_name="coordinations"
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="coordinations",
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, null=True, blank=True, related_name="coordinations"
    )
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)

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
            )
        ]

    def __str__(self):
        subject = self.dimension or self.priority_area or self.plan
        return f"{self.state}: {self.get_role_display()} of {subject}"


class StatusChange(models.Model):
    """One step of a plan's approval history. Append-only: see plans.workflow."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=PlanStatus.choices)
    decided_on = models.DateField(_("decided on"))
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

    class Meta:
        ordering = ["plan", "decided_on", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        indexes = [models.Index(fields=["decided_on"])]

    def __str__(self):
        return (
            f"{self.plan}: {self.get_from_status_display() or '—'} → {self.get_to_status_display()}"
        )

    @property
    def decided_on_display(self):
        return format_partial_date(self.decided_on, self.decided_on_precision)


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(models.Model):
    """An implementation measure of an action plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
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

    class Meta:
        ordering = ["plan", "due_date", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return self.title


class PlanDocument(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    date = models.DateField(_("date"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="plans/%Y/")

    class Meta:
        ordering = ["plan", "-date", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title
