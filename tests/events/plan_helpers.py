"""Minimal plans data for the events tests.

The plans factories live in the plans section of tests/factories.py, written on another
branch; these few helpers keep the events tests independent of it.
"""

import datetime

from cica_site.publishing import PublicationStatus
from plans.models import Dimension, Plan, StatusChange


def dimension(slug="economic", name="Economic dimension", position=3):
    return Dimension.objects.get_or_create(
        slug=slug, defaults={"name": name, "position": position}
    )[0]


def plan(slug="smes-concept-paper", title=None, dimension_slug="economic", **kwargs):
    kwargs.setdefault("publication_status", PublicationStatus.PUBLISHED)
    kwargs.setdefault("publish_at", datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    return Plan.objects.create(
        slug=slug,
        title=title or slug.replace("-", " ").capitalize(),
        kind="concept_paper",
        dimension=dimension(dimension_slug, name=f"{dimension_slug.title()} dimension"),
        **kwargs,
    )


def decision(plan, decided_on, to_status="approved_soc", meeting=None):
    return StatusChange.objects.create(
        plan=plan,
        from_status="agreed_swg",
        to_status=to_status,
        decided_on=decided_on,
        deciding_body="soc",
        meeting=meeting,
    )
