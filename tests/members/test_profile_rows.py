"""A member page's history and chairmanships read by plain SQL, as their ORM forms give them."""

import datetime

import pytest

from members.models import ParticipationStatus
from members.profile_rows import (
    chairmanships,
    chairmanships_queryset,
    history_queryset,
    status_history,
)
from tests.factories import ChairmanshipFactory, ParticipantFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db


def facts(rows, names):
    return [tuple(getattr(row, name) for name in names) for row in rows]


def test_status_history_as_the_orm_gives_it():
    state = ParticipantFactory(name="Oman")
    other = ParticipantFactory(name="Qatar")
    StatusChangeFactory(participant=state, date=datetime.date(2010, 1, 1), note="second")
    StatusChangeFactory(
        participant=state, date=None, status=ParticipationStatus.OBSERVER, note="undated"
    )
    StatusChangeFactory(participant=state, date=datetime.date(2005, 6, 1), note="first")
    StatusChangeFactory(participant=state, date=datetime.date(2010, 1, 1), note="same day")
    StatusChangeFactory(participant=other, date=datetime.date(2001, 1, 1), note="not Oman's")
    names = ["pk", "participant_id", "status", "date", "precision", "note"]
    rows = status_history(state)
    assert facts(rows, names) == facts(history_queryset(state), names)
    assert [row.note for row in rows] == ["undated", "first", "second", "same day"]


def test_chairmanships_as_the_orm_gives_them():
    state = ParticipantFactory(name="Kazakhstan")
    ChairmanshipFactory(state=state, start_year=2020, end_year=2024)
    ChairmanshipFactory(state=state, start_year=1999, end_year=2010)
    ChairmanshipFactory(state=ParticipantFactory(name="Türkiye"), start_year=2010, end_year=2014)
    names = ["pk", "state_id", "start_year", "end_year", "start_date", "end_date"]
    rows = chairmanships(state)
    assert facts(rows, names) == facts(chairmanships_queryset(state), names)
    assert [row.period for row in rows] == ["1999\N{EN DASH}2010", "2020\N{EN DASH}2024"]


def test_the_member_page_shows_them_in_order(client):
    state = ParticipantFactory(name="Mongolia", slug="mongolia")
    StatusChangeFactory(participant=state, date=datetime.date(2002, 1, 1), note="joined")
    StatusChangeFactory(participant=state, date=None, note="before records")
    ChairmanshipFactory(state=state, start_year=2030, end_year=None)
    page = client.get("/members/mongolia/").content.decode()
    assert page.index("before records") < page.index("joined")
    assert "2030\N{EN DASH}</li>" in page
