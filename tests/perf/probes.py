"""Hand-made content that stays the same while the seeded data around it grows.

Detail pages and change forms are measured on these, so that a difference in query
counts between two data sizes can only come from the size of the data, not from a
different object being shown.
"""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from cica_site import demo as site_demo
from core.staff.roles import PUBLISHER
from plans.models import PlanStatus
from tests.factories import (
    ChairmanshipFactory,
    CoordinationFactory,
    DimensionFactory,
    EventDocumentFactory,
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PriorityAreaFactory,
    PublicationFactory,
    UserFactory,
    member_state,
    plan_with_status,
)


def build():
    """Probe objects of every kind, each with a few of every related item."""
    site_demo.load()  # the About pages
    today = timezone.localdate()
    state = member_state(name="Probeland", year=2005)
    neighbour = member_state(name="Probe Neighbour", year=2008)
    ChairmanshipFactory(state=state, start_year=2010, end_year=2012)
    dimension = DimensionFactory(name="Probe dimension", slug="probe-dimension")
    area = PriorityAreaFactory(dimension=dimension, name="Probe area", slug="probe-area")
    CoordinationFactory(state=state, plan=None, dimension=dimension)
    CoordinationFactory(state=neighbour, plan=None, priority_area=area)
    event = EventFactory(
        title="Probe meeting",
        slug="probe-meeting",
        kind="soc",
        start_date=today - datetime.timedelta(days=20),
        hosts=[state, neighbour],
    )
    EventDocumentFactory(event=event)
    predecessor = plan_with_status(
        PlanStatus.SUPERSEDED, title="Probe plan 1", slug="probe-plan-1", dimension=dimension,
        priority_area=area, decided_on=today - datetime.timedelta(days=400),
    )  # fmt: skip
    plan = plan_with_status(
        PlanStatus.IN_IMPLEMENTATION, title="Probe plan 2", slug="probe-plan-2",
        dimension=dimension, priority_area=area, predecessor=predecessor,
        decided_on=today - datetime.timedelta(days=30),
    )  # fmt: skip
    CoordinationFactory(state=state, plan=plan)
    CoordinationFactory(state=neighbour, plan=plan, role="co_coordinator")
    for number in range(3):
        measure = MeasureFactory(plan=plan, title=f"Probe measure {number}", event=event)
        measure.responsible_states.set([state, neighbour])
    PlanDocumentFactory(plan=plan)
    event.plans.set([plan, predecessor])
    plan.status_changes.update(meeting=event)
    publication = PublicationFactory(title="Probe publication", slug="probe-publication")
    publication.related_states.set([state, neighbour])
    publication.related_plans.set([plan, predecessor])
    publication.related_events.set([event])
    staff = UserFactory(username="probe-publisher", is_staff=True, is_superuser=True)
    staff.groups.add(Group.objects.get(name=PUBLISHER))
    return {
        "state": state,
        "dimension": dimension,
        "area": area,
        "event": event,
        "plan": plan,
        "publication": publication,
        "staff": staff,
    }
