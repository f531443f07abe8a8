"""factory_boy factories for every model, one section per app."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from cica_site.partial_dates import DatePrecision
from cica_site.publishing import PublicationStatus
from events.models import Event, EventKind
from members.models import (
    Chairmanship,
    Participant,
    ParticipantKind,
    ParticipationStatus,
    StatusChange,
)
from plans.models import Dimension, Plan, PlanKind, PlanStatus
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


# --- events --------------------------------------------------------------------------
# (events factories go below this line)


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


# Minimal plans and events for linking publications, search and the home page; the
# plans and events sections above may hold richer factories for those apps' own tests.
class PublicationsDimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Dimension {n}")
    slug = factory.Sequence(lambda n: f"dimension-{n}")
    position = factory.Sequence(int)


class PublicationsPlanFactory(PublishedFactory):
    class Meta:
        model = Plan
        django_get_or_create = ["slug"]

    kind = PlanKind.CONCEPT_PAPER
    dimension = factory.SubFactory(PublicationsDimensionFactory)
    title = factory.Sequence(lambda n: f"Concept paper {n}")
    slug = factory.Sequence(lambda n: f"concept-paper-{n}")
    summary = "What the paper covers."
    status = PlanStatus.APPROVED_BY_SOC


class PublicationsEventFactory(PublishedFactory):
    class Meta:
        model = Event
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = EventKind.SOC
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    city = "Astana"
    summary = "A CICA meeting."
