import datetime
import functools
import random
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent
from icalendar.parser import Contentline, Parameters
from icalendar.prop import vDDDTypes, vText

from core.publishing import PublicationStatus
from events import ics, ics_writer
from events.calendar_rows import calendar_rows
from events.models import Event
from tests.factories import EventFactory

from .conftest import ALMATY, NOW

pytestmark = pytest.mark.django_db


def fetch(client, url=None, **params):
    response = client.get(url or reverse("events:calendar_ics"), params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def by_uid(calendar):
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


@pytest.fixture
def calendar_events():
    return {
        "summit": EventFactory(title="Summit", kind="summit", start_date=datetime.date(2030, 6, 4)),
        "forum": EventFactory(
            title="Business forum",
            kind="business_forum",
            start_date=datetime.date(2030, 6, 30),
            end_date=datetime.date(2030, 7, 2),
        ),
        "timed": EventFactory(
            title="Ministerial",
            kind="ministerial",
            city="Astana",
            venue="Palace of Peace",
            starts_at=datetime.datetime(2030, 9, 1, 14, 0, tzinfo=ALMATY),
            ends_at=datetime.datetime(2030, 9, 1, 18, 0, tzinfo=ALMATY),
        ),
        "past": EventFactory(title="First summit", start_date=datetime.date(2002, 6, 4)),
        "cancelled": EventFactory(title="Called off", kind="soc", status="cancelled"),
        "postponed": EventFactory(title="Moved", kind="soc", status="postponed"),
        "draft": EventFactory(title="Draft", publication_status=PublicationStatus.DRAFT),
        "later": EventFactory(
            title="Announced tomorrow", publish_at=NOW + datetime.timedelta(days=1)
        ),
        "month_only": EventFactory(
            title="Istanbul summit", start_date=datetime.date(2010, 6, 1), date_precision="month"
        ),
    }


def uid(event):
    return f"event-{event.pk}@s-cica.org"


def test_every_public_event_with_a_known_day_and_nothing_else(client, calendar_events):
    _, calendar = fetch(client)
    events = by_uid(calendar)
    # The 2002 summit is older than last year: it is in the calendar of its year (the
    # whole calendar is bounded since issue 7, see tests/perf/test_calendar_bounds.py).
    expected = ["summit", "forum", "timed", "cancelled", "postponed"]
    assert set(events) == {uid(calendar_events[name]) for name in expected}
    _, calendar_2002 = fetch(client, year=2002)
    assert set(by_uid(calendar_2002)) == {uid(calendar_events["past"])}
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    for component in events.values():
        for required in [
            "DTSTAMP",
            "LAST-MODIFIED",
            "SEQUENCE",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "STATUS",
            "URL",
        ]:
            assert required in component, required


def test_statuses(client, calendar_events):
    events = by_uid(fetch(client)[1])
    assert events[uid(calendar_events["cancelled"])]["STATUS"] == "CANCELLED"
    assert events[uid(calendar_events["postponed"])]["STATUS"] == "TENTATIVE"
    assert events[uid(calendar_events["summit"])]["STATUS"] == "CONFIRMED"


def test_all_day_events_are_date_values_with_exclusive_end(client, calendar_events):
    events = by_uid(fetch(client)[1])
    summit = events[uid(calendar_events["summit"])]
    assert summit["DTSTART"].params["VALUE"] == "DATE"
    assert summit.start == datetime.date(2030, 6, 4)
    assert not isinstance(summit.start, datetime.datetime)
    assert summit.end == datetime.date(2030, 6, 5)
    forum = events[uid(calendar_events["forum"])]
    assert (forum.start, forum.end) == (datetime.date(2030, 6, 30), datetime.date(2030, 7, 3))


def test_timed_events_carry_the_venue_zone_and_a_vtimezone(client, calendar_events):
    response, calendar = fetch(client)
    timed = by_uid(calendar)[uid(calendar_events["timed"])]
    assert timed["DTSTART"].params["TZID"] == "Asia/Almaty"
    assert b"DTSTART;TZID=Asia/Almaty:20300901T140000" in response.content
    assert timed.start == datetime.datetime(2030, 9, 1, 9, 0, tzinfo=datetime.UTC)
    assert timed.end - timed.start == datetime.timedelta(hours=4)
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Almaty"]
    assert calendar.get_missing_tzids() == set()
    assert str(timed["LOCATION"]) == "Palace of Peace, Astana"


def test_uids_and_content_are_stable_across_requests(client, calendar_events):
    first, _ = fetch(client)
    with time_machine.travel(NOW + datetime.timedelta(hours=3), tick=False):
        second, _ = fetch(client)
    assert first.content == second.content


def test_sequence_and_last_modified_change_when_an_event_changes(client, calendar_events):
    summit = calendar_events["summit"]
    before = by_uid(fetch(client)[1])[uid(summit)]
    later = NOW + datetime.timedelta(days=1)
    with time_machine.travel(later, tick=False):
        summit.refresh_from_db()
        summit.status = "cancelled"
        summit.save()
        after = by_uid(fetch(client)[1])[uid(summit)]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after["LAST-MODIFIED"].dt == later
    assert after["DTSTAMP"].dt == later
    assert after["STATUS"] == "CANCELLED"
    assert after["UID"] == before["UID"]


def test_kind_filtered_feed(client, calendar_events):
    _, calendar = fetch(client, kind=["summit", "ministerial"])
    expected = {uid(calendar_events[name]) for name in ["summit", "timed"]}
    assert set(by_uid(calendar)) == expected
    _, calendar_2002 = fetch(client, kind=["summit", "ministerial"], year=2002)
    assert set(by_uid(calendar_2002)) == {uid(calendar_events["past"])}
    assert "Summit" in str(calendar["X-WR-CALNAME"])


@pytest.mark.parametrize("query", ["kind=banquet", "kind=summit&kind=nope", "kind="])
def test_unknown_kind_is_400(client, query):
    response = client.get(f"{reverse('events:calendar_ics')}?{query}")
    assert response.status_code == 400
    assert b"Unknown event kind" in response.content


def test_per_event_file(client, calendar_events):
    summit = calendar_events["summit"]
    response, calendar = fetch(client, summit.get_ics_url())
    assert response["Content-Disposition"] == f'attachment; filename="{summit.slug}.ics"'
    assert list(by_uid(calendar)) == [uid(summit)]
    assert (
        str(by_uid(calendar)[uid(summit)]["URL"]) == f"http://testserver{summit.get_absolute_url()}"
    )


@pytest.mark.parametrize("name", ["draft", "later", "month_only"])
def test_per_event_file_404_for_unpublished_or_undated(client, calendar_events, name):
    assert client.get(calendar_events[name].get_ics_url()).status_code == 404


def test_empty_calendar_still_has_the_component_rfc_5545_requires(client):
    Event.objects.all().delete()
    _, calendar = fetch(client)
    assert calendar.walk("VEVENT") == []
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Almaty"]


def test_each_zone_gets_one_vtimezone_and_repeated_files_are_identical(client, calendar_events):
    EventFactory(
        title="Tashkent meeting",
        kind="soc",
        timezone="Asia/Tashkent",
        starts_at=datetime.datetime(2030, 10, 1, 10, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 10, 1, 12, 0, tzinfo=datetime.UTC),
    )
    # The zones' VTIMEZONE components are worked out once per process and reused
    # (events.ics.vtimezone): a second file must not lose or repeat them.
    first, calendar = fetch(client)
    second, _ = fetch(client)
    assert sorted(zone.tz_name for zone in calendar.timezones) == ["Asia/Almaty", "Asia/Tashkent"]
    assert calendar.get_missing_tzids() == set()
    assert first.content == second.content


# --- the writer against the icalendar library ----------------------------------------
# events.ics writes the VEVENTs and the VCALENDAR as text (events.ics_writer); the output
# must stay byte for byte what icalendar writes for the same values.

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


def build_with_library(events, absolute_url_for, name):
    """events.ics.build_calendar as it was written with icalendar's objects: the reference."""
    calendar = Calendar.new(
        prodid=ics.PRODID, uid=f"calendar@{ics.UID_DOMAIN}", name=name, method=None, version="2.0"
    )
    timed_years = []
    for event in events:
        properties = ics.event_properties(event, absolute_url_for(event))
        if properties is None:
            continue
        calendar.add_component(CalendarEvent.new(**properties))
        if event.starts_at is not None:
            timed_years.append(event.start_date.year)
            timed_years.append((event.end_date or event.start_date).year)
    if not calendar.subcomponents:
        calendar.add_component(Timezone.from_tzid(settings.TIME_ZONE))
    elif timed_years:
        first_year = max(min(timed_years) - 1, 1)
        last_year = min(max(timed_years) + 2, 9999)
        for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
            component = library_vtimezone(tzid, first_year, last_year)
            if component is not None:
                calendar.subcomponents.insert(position, component)
    return calendar.to_ical()


@functools.lru_cache
def library_vtimezone(tzid, first_year, last_year):
    try:
        return Timezone.from_tzid(
            tzid,
            first_date=datetime.date(first_year, 1, 1),
            last_date=datetime.date(last_year, 1, 1),
        )
    except ValueError:
        return None


def absolute_url(event):
    return f"http://testserver{event.get_absolute_url()}"


def timed(title, zone, start, end, **fields):
    return EventFactory(
        title=title,
        timezone=zone.key,
        starts_at=start.replace(tzinfo=zone),
        ends_at=end and end.replace(tzinfo=zone),
        **fields,
    )


RUSSIAN = (
    "Совещание министров иностранных дел государств – членов СВМДА обсудило меры доверия, "
    "экономическое сотрудничество и новые вызовы и угрозы; Қазақстан Республикасы "
    "Сыртқы істер министрлігі ұсынған құжаттар қабылданды."
)
CHINESE = (
    "亚洲相互协作与信任措施会议第六次峰会在阿斯塔纳举行，各成员国领导人就地区安全、"
    "经济合作和人文交流深入交换意见，并通过了宣言。🌏"
)


@pytest.fixture
def varied_events():
    events = [
        EventFactory(title="Summit", kind="summit", start_date=datetime.date(2030, 6, 4)),
        EventFactory(
            title="Business forum",
            kind="business_forum",
            start_date=datetime.date(2030, 6, 30),
            end_date=datetime.date(2030, 7, 2),
        ),
        EventFactory(
            title="Year-end seminar",
            kind="seminar",
            start_date=datetime.date(2030, 12, 30),
            end_date=datetime.date(2031, 1, 2),
        ),
        timed(
            "Ministerial",
            ALMATY,
            datetime.datetime(2030, 9, 1, 14, 0),
            datetime.datetime(2030, 9, 1, 18, 0),
            kind="ministerial",
            venue="Palace of Peace",
            city="Astana",
        ),
        timed(
            "New Year's Eve talks",
            MOSCOW,
            datetime.datetime(2030, 12, 31, 22, 0),
            datetime.datetime(2031, 1, 1, 2, 0),
            kind="soc",
            city="Moscow",
        ),
        timed(
            "Video call",
            zoneinfo.ZoneInfo("UTC"),
            datetime.datetime(2030, 3, 3, 9, 30),
            datetime.datetime(2030, 3, 3, 11, 0),
            kind="experts",
        ),
        # A zone icalendar holds equivalent to UTC: written with Z, no VTIMEZONE.
        timed(
            "Reykjavik briefing",
            zoneinfo.ZoneInfo("Atlantic/Reykjavik"),
            datetime.datetime(2030, 4, 4, 10, 0),
            datetime.datetime(2030, 4, 4, 12, 0),
        ),
        timed("Open-ended dialogue", ALMATY, datetime.datetime(2029, 5, 5, 10, 0), None),
        EventFactory(title="Called off", kind="swg", status="cancelled"),
        EventFactory(title="Moved", kind="soc", status="postponed", summary="New dates to follow."),
        EventFactory(
            title='Talks, rounds; back\\slash "quoted"\nsecond line \\N end',
            slug="talks-rounds",
            summary='Agenda:\r\n1. Opening, welcome;\r2. Paths like C:\\Notes\\new\n\n"Done".',
            venue='Hall 3; Block B, "Palace"',
            city="Nur-Sultan\\Astana",
        ),
        EventFactory(title=RUSSIAN[:90], slug="soveshchanie", kind="ministerial", summary=RUSSIAN),
        EventFactory(
            title=CHINESE[:30],
            slug="cica-summit-zh",
            summary=CHINESE,
            venue="独立宫",
            city="阿斯塔纳",
        ),
        EventFactory(title="\ufeffMarked title", slug="marked", summary=""),
        EventFactory(title="Nowhere yet", slug="nowhere-yet", city="", venue=""),
        EventFactory(title="Long address", slug="long-address-" + "-".join(["segment"] * 28)),
        # Backslash escapes and carets land on many fold points.
        EventFactory(title="Escapes", slug="escapes", summary="a\\b;c^d,e" * 40),
        EventFactory(
            title="Istanbul summit", start_date=datetime.date(2010, 6, 1), date_precision="month"
        ),
        EventFactory(
            title="Year only", start_date=datetime.date(2011, 1, 1), date_precision="year"
        ),
    ]
    # A later change: SEQUENCE 1 and a later DTSTAMP and LAST-MODIFIED.
    with time_machine.travel(NOW + datetime.timedelta(days=2, microseconds=250), tick=False):
        events[0].title = "Summit (revised)"
        events[0].save()
    return events


def test_writer_matches_the_library_byte_for_byte(varied_events):
    name = "CICA events: Seminar, workshop or conference; Summit — Саммит СВМДА (2030)"
    written = ics.build_calendar(varied_events, absolute_url, name)
    assert written == build_with_library(varied_events, absolute_url, name)
    assert written.count(b"BEGIN:VEVENT") == len(varied_events) - 2
    assert b"Istanbul summit" not in written and b"Year only" not in written
    assert written.count(b"BEGIN:VTIMEZONE") == 2  # Almaty and Moscow
    assert b"\r\n " in written and b"SEQUENCE:1" in written


def test_each_event_file_matches_the_library(varied_events):
    for event in varied_events:
        if "\n" in event.title:
            continue  # not a valid calendar name: see the next test
        assert ics.build_calendar([event], absolute_url, event.title) == build_with_library(
            [event], absolute_url, event.title
        ), event.title


def test_a_line_break_in_the_calendar_name_fails_as_with_the_library():
    # NAME is written unescaped (icalendar has no type for it): a line break would end it.
    name = "Two\nlines"
    with pytest.raises(AssertionError):
        build_with_library([], absolute_url, name)
    with pytest.raises(ValueError):
        ics.build_calendar([], absolute_url, name)


def test_empty_calendar_matches_the_library():
    assert ics.build_calendar([], absolute_url, "CICA events") == build_with_library(
        [], absolute_url, "CICA events"
    )


def test_category_is_the_kind_label(varied_events):
    for event in varied_events[:-2]:
        properties = ics.event_properties(event, absolute_url(event))
        assert properties["categories"] == [str(event.get_kind_display())]


TEXTS = [
    "",
    "plain",
    "a,b;c\\d",
    "CR LF\r\nCR\rLF\nend",
    "a literal \\N and \\n",
    "\ufeffbyte order mark first",
    "byte order mark \ufeff inside",
    '"quotes" and a ^caret',
    "Совещание – 会议 🌏",
]


@pytest.mark.parametrize("value", TEXTS)
def test_text_lines_match_the_library(value):
    expected = Contentline.from_parts("SUMMARY", Parameters(), vText(value)).to_ical()
    assert ics_writer.line("SUMMARY", ics_writer.text(value)) == expected + b"\r\n"


def test_folding_matches_the_library_for_any_mix_of_characters():
    # 1- to 4-byte UTF-8 characters, and the escapes icalendar keeps off the end of a line.
    alphabet = "ab \\^;,\nЖқ–会🌏"
    rng = random.Random(5545)
    for _ in range(3000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(400)))
        expected = Contentline.from_parts("DESCRIPTION", Parameters(), vText(value)).to_ical()
        assert ics_writer.line("DESCRIPTION", ics_writer.text(value)) == expected + b"\r\n"


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2030, 6, 4),
        datetime.date(999, 1, 2),
        datetime.datetime(2030, 6, 4, 9, 5, 7),
        datetime.datetime(2030, 6, 4, 9, 5, 7, 999, tzinfo=datetime.UTC),
        datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=zoneinfo.ZoneInfo("UTC")),
        datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=zoneinfo.ZoneInfo("Africa/Abidjan")),
        datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=ALMATY),
        datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=MOSCOW),
        # Fixed offsets are named "UTC+05:00" (quoted for the colon) or by their own name.
        datetime.datetime(2030, 6, 4, tzinfo=datetime.timezone(datetime.timedelta(hours=5))),
        datetime.datetime(
            2030, 6, 4, tzinfo=datetime.timezone(datetime.timedelta(hours=5), 'Zone^"x"')
        ),
    ],
)
def test_dates_and_times_match_the_library(value):
    prop = vDDDTypes(value)
    expected = Contentline.from_parts("DTSTART", prop.params, prop).to_ical()
    assert ics_writer.date_or_time("DTSTART", value) == expected + b"\r\n"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_file_written_from_rows_is_the_file_written_from_models(calendar_events, language):
    EventFactory(
        title="Summit, with; odd \\ characters and a long title " * 3,
        summary="Agenda:\nfirst line\n\nsecond line",
        city="Nur-Sultan",
        venue="",
        starts_at=datetime.datetime(2030, 10, 1, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo")),
        ends_at=None,
        timezone="Asia/Tokyo",
    )
    events = Event.objects.order_by("start_date", "pk")
    with translation.override(language):
        from_models = ics.build_calendar(list(events), lambda event: event.slug, "CICA")
        from_rows = ics.build_calendar(calendar_rows(events), lambda event: event.slug, "CICA")
    assert from_rows == from_models
    # Every event but the one known only to the month.
    assert from_rows.count(b"BEGIN:VEVENT") == 9
