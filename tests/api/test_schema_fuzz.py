"""Schema-driven tests: Schemathesis reads the OpenAPI description from the app itself (WSGI,
no server) and sends property-based requests, valid and invalid, to every operation over
demo-like data. No answer may be a 5xx, and every answer must match the description
(its JSON schema for that status and its content type).

Bounded: ten examples per operation in each language (FUZZ below), derandomized so that a
run is repeatable: about 25 s in all.
"""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import translation
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from cica_site.wsgi import application
from core.partial_dates import DatePrecision
from plans.models import PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    ChairmanshipFactory,
    CoordinationFactory,
    DimensionFactory,
    EventDocumentFactory,
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PlanFactory,
    PriorityAreaFactory,
    PublicationFactory,
    member_state,
)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request, as Django's
    test client prevents: the test's transaction must stay open."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def demo_like_data():
    kazakhstan = member_state(name="Kazakhstan", year=2002)
    ChairmanshipFactory(state=kazakhstan, start_year=2002, end_year=2010)
    observer = member_state(name="Ukraine", year=2007)
    observer.status_changes.update(status="observer")
    observer.sync_from_history()
    dimension = DimensionFactory(name="Economic", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Trade", slug="trade")
    CoordinationFactory(state=kazakhstan, plan=None, dimension=dimension)
    meeting = EventFactory(
        title="SOC Almaty",
        slug="soc-almaty",
        kind="soc",
        start_date=datetime.date(2023, 12, 1),
        date_precision=DatePrecision.MONTH,
    )
    meeting.hosts.set([kazakhstan])
    EventDocumentFactory(event=meeting, title="Declaration")
    plan = PlanFactory(
        title="Water plan", slug="water-plan", dimension=dimension, priority_area=area
    )
    record_status_change(plan, PlanStatus.AGREED_BY_SWG, None, deciding_body="swg")
    decision = record_status_change(
        plan,
        PlanStatus.APPROVED_BY_SOC,
        datetime.date(2023, 12, 1),
        precision=DatePrecision.MONTH,
        deciding_body="soc",
        meeting=meeting,
    )
    CoordinationFactory(state=kazakhstan, plan=plan)
    MeasureFactory(plan=plan, status="done", event=meeting).responsible_states.set([kazakhstan])
    PlanDocumentFactory(plan=plan, title="The plan")
    publication = PublicationFactory(title="Interview", slug="interview")
    # A real object for each detail operation (the slugs generated are mostly 404s).
    return {
        "/api/v1/states/{slug}/": {"slug": kazakhstan.slug},
        "/api/v1/dimensions/{slug}/": {"slug": dimension.slug},
        "/api/v1/priority-areas/{slug}/": {"slug": area.slug},
        "/api/v1/plans/{slug}/": {"slug": plan.slug},
        "/api/v1/decisions/{id}/": {"id": decision.pk},
        "/api/v1/events/{slug}/": {"slug": meeting.slug},
        "/api/v1/publications/{slug}/": {"slug": publication.slug},
    }


# Read from the app when the module is collected: the description needs no database.
# A request leaves its language active in this thread (LocaleMiddleware activates it and
# nothing deactivates it outside a test client), and modules collected after this one
# reverse() their addresses at import: without the override they would all be /ru/.
with translation.override(None):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    # The same operations at their Russian addresses, with Russian text in the answers.
    russian_schema = schemathesis.openapi.from_wsgi("/ru/api/v1/schema/?format=json", application)
FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@schema.parametrize()
@FUZZ
def test_every_operation_answers_as_described(case):
    case.call_and_validate(checks=CHECKS)


@russian_schema.parametrize()
@FUZZ
def test_every_operation_answers_as_described_in_russian(case):
    case.call_and_validate(checks=CHECKS)


def test_each_kind_of_object_matches_its_description(demo_like_data):
    operations = {path for path in schema.raw_schema["paths"] if "{" in path}
    assert operations == set(demo_like_data)
    for path, parameters in demo_like_data.items():
        response = (
            schema[path]["GET"].Case(path_parameters=parameters).call_and_validate(checks=CHECKS)
        )
        assert response.status_code == 200, (path, response.text[:300])
