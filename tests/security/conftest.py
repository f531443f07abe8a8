import datetime
import os

import pytest
from django.conf import settings as django_settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from hypothesis import HealthCheck, settings

from core.partial_dates import DatePrecision
from plans.models import PlanKind, PlanStatus
from publications.models import PublicationKind
from tests.factories import (
    ChairmanshipFactory,
    CoordinationFactory,
    DimensionFactory,
    EventFactory,
    MeasureFactory,
    ParticipantFactory,
    PlanDocumentFactory,
    PriorityAreaFactory,
    PublicationFactory,
    member_state,
    plan_with_status,
)

# Each test reads one small site built once by a fixture; the examples only send GETs, so
# sharing the function-scoped database between examples is what we want.
settings.register_profile(
    "cica",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# For a long hand run: HYPOTHESIS_PROFILE=thorough make test
settings.register_profile("thorough", parent=settings.get_profile("cica"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "cica"))


@pytest.fixture
def small_site(db):
    """One published item of each kind, with the links between them the pages show."""
    today = datetime.date.today()
    host = member_state(name="Hostland", year=2002)
    observer = ParticipantFactory(name="Watching Organisation", kind="organisation")
    ChairmanshipFactory(state=host, start_year=today.year - 1, end_year=today.year + 1)
    dimension = DimensionFactory(name="Economic dimension", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Small business", slug="small-business")
    plan = plan_with_status(
        PlanStatus.IN_IMPLEMENTATION,
        title="Action plan on small business",
        slug="small-business-plan",
        dimension=dimension,
        priority_area=area,
        start_year=2021,
        end_year=2025,
    )
    concept = plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        kind=PlanKind.CONCEPT_PAPER,
        title="Concept paper on trade",
        slug="trade-concept-paper",
        dimension=dimension,
        priority_area=None,
        start_year=None,
        end_year=None,
    )
    CoordinationFactory(state=host, plan=plan)
    upcoming = EventFactory(
        title="Summit ahead",
        slug="summit-ahead",
        start_date=today + datetime.timedelta(days=40),
        hosts=[host],
        plans=[plan, concept],
    )
    past = EventFactory(
        title="Ministerial before",
        slug="ministerial-before",
        kind="ministerial",
        start_date=datetime.date(2016, 3, 1),
        hosts=[host],
    )
    EventFactory(
        title="Seminar some day",
        slug="seminar-some-day",
        kind="seminar",
        start_date=datetime.date(2018, 5, 1),
        date_precision=DatePrecision.MONTH,
    )
    MeasureFactory(plan=plan, title="Training course", event=past)
    PlanDocumentFactory(plan=plan, title="Plan text")
    for number, kind in enumerate(PublicationKind.values * 3):
        PublicationFactory(
            kind=kind,
            title=f"{kind} number {number}",
            slug=f"{kind}-{number}".replace("_", "-"),
            posted_on=today - datetime.timedelta(days=30 * number),
        )
    site = Site.objects.get(pk=django_settings.SITE_ID)
    for url, title in [("/about/", "About CICA"), ("/about/secretariat/", "Secretariat")]:
        page = FlatPage.objects.create(url=url, title=title, content=f"{title} text.")
        page.sites.add(site)
    return {
        "host": host,
        "observer": observer,
        "dimension": dimension,
        "area": area,
        "plan": plan,
        "concept": concept,
        "upcoming": upcoming,
        "past": past,
    }
