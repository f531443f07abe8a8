"""The fixed vocabularies of the plans app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


# A plan in one of these states needs no further action.
CLOSED_STATUSES = [PlanStatus.COMPLETED, PlanStatus.WITHDRAWN, PlanStatus.SUPERSEDED]


class DecidingBody(models.TextChoices):
    SOC = "soc", _("Senior Officials Committee")
    SWG = "swg", _("Special Working Group")
    MINISTERIAL = "ministerial", _("Ministerial Meeting")
    SUMMIT = "summit", _("Summit")
    SILENCE = "silence", _("Silence procedure")


class CoordinationRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    CO_COORDINATOR = "co_coordinator", _("Co-coordinator")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
