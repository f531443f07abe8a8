"""A member page's status history and chairmanships, as a visitor reads them."""

import datetime

import pytest

from members.models import Participant, ParticipationStatus
from tests.factories import ChairmanshipFactory, ParticipantFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db


def timeline(html):
    start = html.index('<ol class="timeline">')
    return html[start : html.index("</ol>", start)]


def test_status_history_undated_first_then_by_date_and_same_day_by_entry(client):
    state = ParticipantFactory(name="Oman", slug="oman")
    other = ParticipantFactory(name="Qatar", slug="qatar")
    StatusChangeFactory(participant=state, date=datetime.date(2010, 1, 1), note="second")
    StatusChangeFactory(
        participant=state, date=None, status=ParticipationStatus.OBSERVER, note="undated"
    )
    StatusChangeFactory(participant=state, date=datetime.date(2005, 6, 1), note="first")
    StatusChangeFactory(participant=state, date=datetime.date(2010, 1, 1), note="same day")
    StatusChangeFactory(participant=other, date=datetime.date(2001, 1, 1), note="not Oman's")
    history = timeline(client.get("/members/oman/").content.decode())
    notes = ["(undated)", "(first)", "(second)", "(same day)"]
    positions = [history.index(note) for note in notes]
    assert positions == sorted(positions)
    assert "not Oman" not in history
    assert history.count("<li>") == 4
    assert '<span class="timeline__date">2005</span> Member state' in history


def test_status_history_notes_are_escaped(client):
    state = ParticipantFactory(name="Oman", slug="oman")
    StatusChangeFactory(participant=state, date=None, note="<script>alert(1)</script>")
    html = client.get("/members/oman/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in timeline(html)
    assert "<script>alert(1)" not in html


def test_no_history_says_so(client):
    ParticipantFactory(name="Newland", slug="newland")
    history = timeline(client.get("/members/newland/").content.decode())
    assert "<li>No dated status is recorded.</li>" in history


def test_chairmanships_in_term_order_and_only_the_states_own(client):
    state = ParticipantFactory(name="Kazakhstan", slug="kazakhstan")
    ChairmanshipFactory(state=state, start_year=2030, end_year=None)
    ChairmanshipFactory(state=state, start_year=1999, end_year=2010)
    ChairmanshipFactory(state=ParticipantFactory(name="Türkiye"), start_year=2010, end_year=2014)
    html = client.get("/members/kazakhstan/").content.decode()
    chairs = html[html.index('id="chair-heading"') :]
    chairs = chairs[: chairs.index("</ul>")]
    assert chairs.endswith("<li>1999\N{EN DASH}2010</li><li>2030\N{EN DASH}</li>")
    assert "2014" not in chairs


def test_a_state_never_chair_has_no_chair_section(client):
    ParticipantFactory(name="Newland", slug="newland")
    assert "Chairmanship of CICA" not in client.get("/members/newland/").content.decode()


def test_with_profile_reads_history_and_chairs_in_order_in_three_queries(
    django_assert_num_queries,
):
    state = ParticipantFactory(name="Mongolia")
    StatusChangeFactory(participant=state, date=datetime.date(2002, 1, 1), note="joined")
    StatusChangeFactory(participant=state, date=None, note="before records")
    ChairmanshipFactory(state=state, start_year=2030, end_year=None)
    ChairmanshipFactory(state=state, start_year=2010, end_year=2012)
    with django_assert_num_queries(3):
        read = Participant.objects.with_profile().get(pk=state.pk)
        notes = [change.note for change in read.status_changes.all()]
        periods = [chair.period for chair in read.chairmanships.all()]
    assert notes == ["before records", "joined"]
    assert periods == ["2010\N{EN DASH}2012", "2030\N{EN DASH}"]
