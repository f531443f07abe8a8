"""Plans data for the events tests, built with the plans factories and workflow."""

import datetime

from plans.models import PlanKind, PlanStatus
from plans.workflow import record_status_change
from tests.factories import DimensionFactory, PlanFactory


def dimension(slug="economic", name="Economic dimension", position=3):
    return DimensionFactory(slug=slug, name=name, position=position)


def plan(slug="smes-concept-paper", title=None, dimension_slug="economic", **kwargs):
    kwargs.setdefault("publish_at", datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    return PlanFactory(
        slug=slug,
        title=title or slug.replace("-", " ").capitalize(),
        kind=PlanKind.CONCEPT_PAPER,
        dimension=dimension(dimension_slug, name=f"{dimension_slug.title()} dimension"),
        priority_area=None,
        start_year=None,
        end_year=None,
        **kwargs,
    )


def decision(plan, decided_on, to_status=PlanStatus.APPROVED_BY_SOC, meeting=None):
    """Record the decision through the workflow, after an undated SWG agreement."""
    if plan.status == PlanStatus.DRAFT and to_status != PlanStatus.AGREED_BY_SWG:
        record_status_change(plan, PlanStatus.AGREED_BY_SWG)
    return record_status_change(plan, to_status, decided_on, deciding_body="soc", meeting=meeting)
