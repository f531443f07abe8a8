"""factory_boy factories for every model, one section per app."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from events.models import EventKind
from members.models import (
    Chairmanship,
    Participant,
    ParticipantKind,
    ParticipationStatus,
    StatusChange,
)
from plans.models import (
    Coordination,
    CoordinationRole,
    Dimension,
    Measure,
    Plan,
    PlanDocument,
    PlanKind,
    PlanStatus,
    PriorityArea,
)
from plans.workflow import record_status_change
from publications.models import Publication, PublicationKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery-staple")


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class PublishedFactory(factory.django.DjangoModelFactory):
    """Base for content: published a minute ago unless told otherwise."""

    class Meta:
        abstract = True

    publication_status = PublicationStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=1))


# --- members -------------------------------------------------------------------------


class ParticipantFactory(PublishedFactory):
    class Meta:
        model = Participant
        django_get_or_create = ["slug"]

    kind = ParticipantKind.STATE
    name = factory.Sequence(lambda n: f"State {n}")
    slug = factory.LazyAttribute(lambda p: p.name.lower().replace(" ", "-"))
    iso_code = ""


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    participant = factory.SubFactory(ParticipantFactory)
    status = ParticipationStatus.MEMBER
    date = datetime.date(2010, 1, 1)
    precision = DatePrecision.YEAR


def member_state(name=None, year=2010, **kwargs):
    """A published member state that joined in the given year."""
    state = ParticipantFactory(**({"name": name} if name else {}), **kwargs)
    StatusChangeFactory(participant=state, date=datetime.date(year, 1, 1))
    state.refresh_from_db()
    return state


class ChairmanshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chairmanship

    state = factory.SubFactory(ParticipantFactory)
    start_year = 2020
    end_year = 2024


# --- plans ---------------------------------------------------------------------------
# (plans factories go below this line)

# Imported here so that each app's section merges on its own.


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Dimension {n}")
    slug = factory.Sequence(lambda n: f"dimension-{n}")
    position = factory.Sequence(lambda n: n)


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea
        django_get_or_create = ["slug"]

    dimension = factory.SubFactory(DimensionFactory)
    name = factory.Sequence(lambda n: f"Priority area {n}")
    slug = factory.Sequence(lambda n: f"priority-area-{n}")


class PlanFactory(PublishedFactory):
    """A published draft action plan; use plan_with_status() for any other status."""

    class Meta:
        model = Plan

    kind = PlanKind.ACTION_PLAN
    dimension = factory.SubFactory(DimensionFactory)
    priority_area = factory.SubFactory(
        PriorityAreaFactory, dimension=factory.SelfAttribute("..dimension")
    )
    title = factory.Sequence(lambda n: f"Action plan {n:04d}")
    slug = factory.Sequence(lambda n: f"action-plan-{n:04d}")
    start_year = 2020
    end_year = 2022


class CoordinationFactory(factory.django.DjangoModelFactory):
    """A coordinator of a plan; pass dimension= or priority_area= (and plan=None) instead."""

    class Meta:
        model = Coordination

    state = factory.SubFactory(ParticipantFactory)
    role = CoordinationRole.COORDINATOR
    plan = factory.SubFactory(PlanFactory)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Measure {n}")


class PlanDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanDocument

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    date = datetime.date(2020, 5, 1)
    file = factory.django.FileField(filename="action-plan.pdf", data=b"%PDF-1.4 test")


# The shortest road from draft to each status.
PATHS_TO_STATUS = {
    PlanStatus.DRAFT: [],
    PlanStatus.AGREED_BY_SWG: [PlanStatus.AGREED_BY_SWG],
    PlanStatus.APPROVED_BY_SOC: [PlanStatus.AGREED_BY_SWG, PlanStatus.APPROVED_BY_SOC],
    PlanStatus.IN_IMPLEMENTATION: [
        PlanStatus.AGREED_BY_SWG,
        PlanStatus.APPROVED_BY_SOC,
        PlanStatus.IN_IMPLEMENTATION,
    ],
    PlanStatus.COMPLETED: [
        PlanStatus.AGREED_BY_SWG,
        PlanStatus.APPROVED_BY_SOC,
        PlanStatus.IN_IMPLEMENTATION,
        PlanStatus.COMPLETED,
    ],
    PlanStatus.WITHDRAWN: [PlanStatus.WITHDRAWN],
    PlanStatus.SUPERSEDED: [
        PlanStatus.AGREED_BY_SWG,
        PlanStatus.APPROVED_BY_SOC,
        PlanStatus.SUPERSEDED,
    ],
}


def plan_with_status(status, decided_on=datetime.date(2020, 1, 15), **kwargs):
    """A plan brought to the status through the workflow; the last step dated decided_on."""
    plan = PlanFactory(**kwargs)
    steps = PATHS_TO_STATUS[status]
    for index, step in enumerate(steps, start=1):
        record_status_change(plan, step, decided_on if index == len(steps) else None)
    return plan


# --- events --------------------------------------------------------------------------
# (events factories go below this line)


class EventFactory(PublishedFactory):
    """A published all-day summit on a known day; pass starts_at/ends_at for a timed one."""

    class Meta:
        model = "events.Event"
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Meeting {n:04d}")
    slug = factory.LazyAttribute(lambda e: slugify(e.title))
    kind = "summit"
    start_date = datetime.date(2030, 6, 4)
    date_precision = DatePrecision.DAY
    timezone = "Asia/Almaty"
    city = "Almaty"

    @factory.post_generation
    def hosts(self, create, extracted, **kwargs):
        if create and extracted:
            self.hosts.set(extracted)

    @factory.post_generation
    def plans(self, create, extracted, **kwargs):
        if create and extracted:
            self.plans.set(extracted)


class EventDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.EventDocument"

    event = factory.SubFactory(EventFactory)
    kind = "declaration"
    title = factory.Sequence(lambda n: f"Declaration {n}")
    file = factory.django.FileField(filename="declaration.pdf", data=b"%PDF-1.4 test")


# --- publications --------------------------------------------------------------------
# (publications factories go below this line)


class PublicationFactory(PublishedFactory):
    class Meta:
        model = Publication
        django_get_or_create = ["slug"]

    kind = PublicationKind.NEWS
    title = factory.Sequence(lambda n: f"Publication {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    standfirst = "A short standfirst."
    body = "First paragraph.\n\nSecond paragraph."
    posted_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    author = "Press Office"


# Plans and events as the publications, search and home tests use them.
PublicationsDimensionFactory = DimensionFactory


class PublicationsPlanFactory(PlanFactory):
    """A published concept paper approved by the SOC (through the workflow)."""

    class Meta:
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    kind = PlanKind.CONCEPT_PAPER
    priority_area = None
    start_year = None
    end_year = None
    title = factory.Sequence(lambda n: f"Concept paper {n}")
    slug = factory.Sequence(lambda n: f"concept-paper-{n}")
    summary = "What the paper covers."

    @factory.post_generation
    def status(plan, create, extracted, **kwargs):
        target = extracted or PlanStatus.APPROVED_BY_SOC
        if target in (PlanStatus.IN_IMPLEMENTATION, PlanStatus.COMPLETED):
            # Only action plans are implemented; concept papers end at approval.
            plan.kind = PlanKind.ACTION_PLAN
            plan.save(update_fields=["kind"])
        if create and plan.status == PlanStatus.DRAFT and target != PlanStatus.DRAFT:
            for step in PATHS_TO_STATUS[target]:
                record_status_change(plan, step)


class PublicationsEventFactory(EventFactory):
    class Meta:
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = EventKind.SOC
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    city = "Astana"
    summary = "A CICA meeting."
