import datetime

import pytest
import time_machine

from core.partial_dates import DatePrecision, format_partial_date
from members.models import Chairmanship, Participant, ParticipationStatus, membership_growth
from tests.factories import ChairmanshipFactory, ParticipantFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db


def test_current_status_and_accession_follow_the_history():
    state = ParticipantFactory(name="Ruritania")
    StatusChangeFactory(
        participant=state, status=ParticipationStatus.OBSERVER, date=datetime.date(2005, 1, 1)
    )
    state.refresh_from_db()
    assert state.current_status == ParticipationStatus.OBSERVER
    assert state.accession_date is None

    StatusChangeFactory(
        participant=state,
        status=ParticipationStatus.MEMBER,
        date=datetime.date(2012, 6, 9),
        precision=DatePrecision.DAY,
    )
    state.refresh_from_db()
    assert state.current_status == ParticipationStatus.MEMBER
    assert state.accession_date == datetime.date(2012, 6, 9)
    assert state.accession_display == "9 June 2012"


def test_deleting_the_last_change_restores_the_previous_status():
    state = ParticipantFactory()
    StatusChangeFactory(participant=state, status="observer", date=datetime.date(2005, 1, 1))
    membership = StatusChangeFactory(
        participant=state, status="member", date=datetime.date(2010, 1, 1)
    )
    membership.delete()
    state.refresh_from_db()
    assert state.current_status == ParticipationStatus.OBSERVER


def test_year_precision_is_stored_and_shown_as_a_year():
    state = ParticipantFactory()
    change = StatusChangeFactory(
        participant=state, date=datetime.date(2010, 7, 15), precision=DatePrecision.YEAR
    )
    change.refresh_from_db()
    assert change.date == datetime.date(2010, 1, 1)
    assert change.date_display == "2010"
    state.refresh_from_db()
    assert state.accession_display == "2010"


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (DatePrecision.DAY, "23 August 2008"),
        (DatePrecision.MONTH, "August 2008"),
        (DatePrecision.YEAR, "2008"),
        (DatePrecision.BY_YEAR, "by 2008"),
    ],
)
def test_partial_dates_show_only_what_is_known(precision, expected):
    assert format_partial_date(datetime.date(2008, 8, 23), precision) == expected


def test_undated_observer_counts_as_observer():
    state = ParticipantFactory()
    StatusChangeFactory(participant=state, status="observer", date=None)
    state.refresh_from_db()
    assert state.current_status == ParticipationStatus.OBSERVER
    assert list(Participant.objects.observers()) == [state]


@time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC))
def test_current_chair_is_the_latest_running_chairmanship():
    old = ChairmanshipFactory(state=ParticipantFactory(name="Old"), start_year=2020, end_year=2024)
    new = ChairmanshipFactory(state=ParticipantFactory(name="New"), start_year=2024, end_year=2026)
    assert Chairmanship.objects.current() == new
    assert old != Chairmanship.objects.current()


@time_machine.travel(datetime.datetime(2030, 1, 5, tzinfo=datetime.UTC))
def test_no_current_chair_after_every_term_ended():
    ChairmanshipFactory(start_year=2020, end_year=2024)
    assert Chairmanship.objects.current() is None


def test_membership_growth_counts_states_by_accession_year():
    states = [ParticipantFactory() for _ in range(3)]
    for state, year in zip(states, [2002, 2002, 2006], strict=True):
        StatusChangeFactory(participant=state, date=datetime.date(year, 1, 1))
        state.refresh_from_db()
    growth = dict(membership_growth(states, 2001, 2007))
    assert growth == {2001: 0, 2002: 2, 2003: 2, 2004: 2, 2005: 2, 2006: 3, 2007: 3}


def test_growth_is_unknown_before_a_by_year_accession():
    founder = ParticipantFactory()
    StatusChangeFactory(
        participant=founder, date=datetime.date(2002, 1, 1), precision=DatePrecision.BY_YEAR
    )
    later = ParticipantFactory()
    StatusChangeFactory(participant=later, date=datetime.date(2006, 1, 1))
    states = [Participant.objects.get(pk=founder.pk), Participant.objects.get(pk=later.pk)]
    growth = dict(membership_growth(states, 1999, 2006))
    assert growth[1999] is None and growth[2001] is None
    assert growth[2002] == 1 and growth[2006] == 2


def test_growth_starts_at_the_first_year_it_knows():
    founder = ParticipantFactory()
    StatusChangeFactory(
        participant=founder, date=datetime.date(2002, 1, 1), precision=DatePrecision.BY_YEAR
    )
    later = ParticipantFactory()
    StatusChangeFactory(participant=later, date=datetime.date(2004, 10, 22))
    states = [Participant.objects.get(pk=founder.pk), Participant.objects.get(pk=later.pk)]
    assert membership_growth(states, last_year=2005) == [
        (2002, 1),
        (2003, 1),
        (2004, 2),
        (2005, 2),
    ]
    assert membership_growth([], last_year=2005) == [(2005, 0)]


def test_a_founding_member_is_shown_as_such_not_by_a_date():
    state = ParticipantFactory(founding_member=True)
    StatusChangeFactory(
        participant=state, date=datetime.date(2002, 1, 1), precision=DatePrecision.BY_YEAR
    )
    state.refresh_from_db()
    assert state.accession_display == "Founding member"
    assert state.accession_year == 2002
