"""The plan list's CSV gives, after the list's own columns, those the API has for a plan."""

import csv
import datetime
import io

import pytest
from django.utils import translation

from core.partial_dates import DatePrecision
from plans.models import MeasureStatus, PlanKind, PlanStatus
from plans.workflow import record_status_change
from tests.factories import DimensionFactory, MeasureFactory, PlanFactory, PriorityAreaFactory

pytestmark = pytest.mark.django_db

LIST_COLUMNS = [
    "Title",
    "Kind",
    "Dimension",
    "Priority area",
    "Period from",
    "Period to",
    "Status",
    "Status decided on",
    "Coordinators",
    "Address",
]
API_COLUMNS = [
    "Slug",
    "Kind (code)",
    "Dimension (slug)",
    "Priority area (slug)",
    "Status (code)",
    "Status decided (ISO 8601)",
    "Status decided (precision)",
    "Summary",
    "Measures",
    "Measures done",
    "Measures cancelled",
    "Progress (%)",
    "API address",
]


@pytest.fixture(autouse=True)
def _english_after_each_request():
    yield
    translation.activate("en")


def csv_rows(client, path="/plans/", **params):
    response = client.get(path, {**params, "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


@pytest.fixture
def plans():
    dimension = DimensionFactory(name="Economic dimension", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Energy", slug="energy")
    energy = PlanFactory(
        title="Energy plan",
        slug="energy-plan",
        dimension=dimension,
        priority_area=area,
        summary="Cheaper power.",
    )
    record_status_change(
        energy, PlanStatus.AGREED_BY_SWG, datetime.date(2023, 12, 1), precision=DatePrecision.MONTH
    )
    for status in [
        MeasureStatus.DONE,
        MeasureStatus.DONE,
        MeasureStatus.PLANNED,
        MeasureStatus.CANCELLED,
    ]:
        MeasureFactory(plan=energy, status=status)
    paper = PlanFactory(
        title="Whole-dimension paper",
        slug="paper",
        kind=PlanKind.CONCEPT_PAPER,
        dimension=dimension,
        priority_area=None,
    )
    return {"energy": energy, "paper": paper}


def test_the_list_columns_come_first_then_the_api_ones(client, plans):
    header, _ = csv_rows(client)
    assert header == LIST_COLUMNS + API_COLUMNS


def test_a_row_gives_codes_slugs_partial_date_progress_and_api_address(client, plans):
    _, rows = csv_rows(client)
    energy = rows["Energy plan"]
    assert {column: energy[column] for column in API_COLUMNS} == {
        "Slug": "energy-plan",
        "Kind (code)": "action_plan",
        "Dimension (slug)": "economic",
        "Priority area (slug)": "energy",
        "Status (code)": "agreed_swg",
        # As far as it is known: no made-up day.
        "Status decided (ISO 8601)": "2023-12",
        "Status decided (precision)": "month",
        "Summary": "Cheaper power.",
        "Measures": "4",
        "Measures done": "2",
        "Measures cancelled": "1",
        "Progress (%)": "67",
        "API address": "http://testserver/api/v1/plans/energy-plan/",
    }
    assert energy["Status decided on"] == "December 2023"
    paper = rows["Whole-dimension paper"]
    assert paper["Kind (code)"] == "concept_paper"
    assert paper["Priority area (slug)"] == ""
    assert paper["Status (code)"] == "draft"
    assert paper["Status decided (ISO 8601)"] == paper["Status decided (precision)"] == ""
    assert (paper["Measures"], paper["Progress (%)"]) == ("0", "")


def test_the_csv_columns_match_the_api(client, plans):
    _, rows = csv_rows(client)
    api = {plan["slug"]: plan for plan in client.get("/api/v1/plans/").json()["results"]}
    for row in rows.values():
        plan = api[row["Slug"]]
        assert row["Kind (code)"] == plan["kind"]
        assert row["Status (code)"] == plan["status"]
        assert row["Dimension (slug)"] == plan["dimension"]["slug"]
        decided = plan["status_decided"]
        assert row["Status decided (ISO 8601)"] == (decided["date"] if decided else "")
        assert row["Status decided (precision)"] == (decided["precision"] if decided else "")
        assert row["Measures"] == str(plan["progress"]["total"])
        percent = plan["progress"]["percent"]
        assert row["Progress (%)"] == ("" if percent is None else str(percent))
        assert row["API address"] == plan["api_url"]
        assert row["Address"] == plan["url"]


def test_filtered_csv_counts_each_plans_own_measures(client, plans):
    _, rows = csv_rows(client, q="Energy")
    assert list(rows) == ["Energy plan"]
    assert rows["Energy plan"]["Measures"] == "4"


def test_russian_csv_headers_and_russian_api_address(client, plans):
    header, rows = csv_rows(client, "/ru/plans/")
    assert header[len(LIST_COLUMNS) :][:3] == [
        "Слаг (часть адреса)",
        "Вид (код)",
        "Измерение (слаг)",
    ]
    assert not set(header) & set(API_COLUMNS)
    energy = rows["Energy plan"]
    assert energy["Дата решения о статусе (ISO 8601)"] == "2023-12"
    assert energy["Адрес в API"] == "http://testserver/ru/api/v1/plans/energy-plan/"
