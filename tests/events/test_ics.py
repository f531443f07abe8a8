"""The iCalendar files, read back with the icalendar library's parser: what a calendar
application gets (events, values, escaping, folding, time zones), not the bytes of one
icalendar version."""

import datetime
import random
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from core.publishing import PublicationStatus
from events import ics, ics_writer
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
    # The 2002 summit is among the most recent past events, so it is in the current
    # calendar as well as in that of its year (tests/events/test_calendar_choice.py).
    expected = ["summit", "forum", "timed", "past", "cancelled", "postponed"]
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
    expected = {uid(calendar_events[name]) for name in ["summit", "past", "timed"]}
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


# --- the writer (events.ics_writer), read back by icalendar's parser --------------------

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
UTC_ZONES = {"UTC", "Atlantic/Reykjavik"}  # written in UTC ("Z"), without a TZID


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


def as_read_back(value):
    """A TEXT value as a calendar application reads it: line breaks as LF; a byte order
    mark at the start and a literal "\\N" are taken as icalendar takes them."""
    return (
        value.removeprefix("\ufeff").replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n")
    )


def physical_lines(written):
    assert written.endswith(b"\r\n")
    return written.removesuffix(b"\r\n").split(b"\r\n")


def unfolded(written):
    return written.replace(b"\r\n ", b"")


RUSSIAN = (
    "Совещание министров иностранных дел государств – членов СВМДА обсудило меры доверия, "
    "экономическое сотрудничество и новые вызовы и угрозы; Қазақстан Республикасы "
    "Сыртқы істер министрлігі ұсынған құжаттар қабылданды."
)
CHINESE = (
    "亚洲相互协作与信任措施会议第六次峰会在阿斯塔纳举行，各成员国领导人就地区安全、"
    "经济合作和人文交流深入交换意见，并通过了宣言。🌏"
)
AWKWARD_TITLE = 'Talks, rounds; back\\slash "quoted"\nsecond line \\N end'


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
            title=AWKWARD_TITLE,
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


def expected_description(event):
    parts = [event.summary.strip(), absolute_url(event)]
    if event.status == "postponed":
        parts.insert(0, "Postponed")
    return as_read_back("\n\n".join(part for part in parts if part))


def test_every_event_with_a_known_day_is_read_back_with_its_values(varied_events):
    name = "CICA events: Seminar, workshop or conference; Summit — Саммит СВМДА (2030)"
    calendar = Calendar.from_ical(ics.build_calendar(varied_events, absolute_url, name))
    assert str(calendar["X-WR-CALNAME"]) == name and str(calendar["VERSION"]) == "2.0"
    events = by_uid(calendar)
    dated = [event for event in varied_events if event.has_known_day]
    assert len(calendar.walk("VEVENT")) == len(events) == len(dated) == len(varied_events) - 2
    for event in dated:
        component = events[uid(event)]
        assert str(component["SUMMARY"]) == as_read_back(event.title)
        assert str(component["DESCRIPTION"]) == expected_description(event)
        assert str(component["URL"]) == absolute_url(event)
        assert [str(label) for label in component["CATEGORIES"].cats] == [
            str(event.get_kind_display())
        ]
        if event.place_display:
            assert str(component["LOCATION"]) == as_read_back(event.place_display)
        else:
            assert "LOCATION" not in component
        assert int(component["SEQUENCE"]) == event.sequence
        changed = event.updated_at.replace(microsecond=0)
        assert component["DTSTAMP"].dt == component["LAST-MODIFIED"].dt == changed
        if event.starts_at is None:
            last_day = event.end_date or event.start_date
            assert (component.start, component.end) == (
                event.start_date,
                last_day + datetime.timedelta(days=1),
            )
            assert component["DTSTART"].params["VALUE"] == "DATE"
            continue
        assert component.start == event.starts_at
        expected_tzid = None if event.timezone in UTC_ZONES else event.timezone
        assert component["DTSTART"].params.get("TZID") == expected_tzid
        if event.ends_at is None:
            assert "DTEND" not in component
        else:
            assert component.end == event.ends_at
    assert events[uid(varied_events[0])]["SUMMARY"] == "Summit (revised)"
    assert int(events[uid(varied_events[0])]["SEQUENCE"]) == 1
    # A VTIMEZONE for each venue zone that is not UTC, and none missing.
    assert sorted(zone.tz_name for zone in calendar.timezones) == ["Asia/Almaty", "Europe/Moscow"]
    assert calendar.get_missing_tzids() == set()


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped(varied_events):
    event = next(event for event in varied_events if event.slug == "talks-rounds")
    written = unfolded(ics.build_calendar([event], absolute_url, "CICA"))
    # RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line breaks.
    assert b'SUMMARY:Talks\\, rounds\\; back\\\\slash "quoted"\\nsecond line \\n end\r\n' in written
    assert b'LOCATION:Hall 3\\; Block B\\, "Palace"\\, Nur-Sultan\\\\Astana\r\n' in written
    assert b"DESCRIPTION:Agenda:\\n1. Opening\\, welcome\\;\\n2. Paths like C:" in written


def test_lines_are_folded_at_75_octets_and_never_inside_a_character(varied_events):
    written = ics.build_calendar(varied_events, absolute_url, "CICA")
    lines = physical_lines(written)
    assert any(line.startswith(b" ") for line in lines)  # long values were folded
    for line in lines:
        assert len(line) <= 75, line
        assert b"\r" not in line and b"\n" not in line
        line.decode()  # a whole number of UTF-8 characters


def one_event_calendar(**values):
    """A calendar of one VEVENT from ics_writer, with ``values`` over plain defaults."""
    moment = datetime.datetime(2030, 6, 10, 6, 0, tzinfo=datetime.UTC)
    properties = {
        "uid": "event-1@s-cica.org",
        "stamp": moment,
        "last_modified": moment,
        "sequence": 0,
        "summary": "Summit",
        "start": datetime.date(2030, 6, 4),
        "end": None,
        "status": "CONFIRMED",
        "location": None,
        "description": "",
        "categories": ["Summit"],
        "url": "https://s-cica.org/events/summit/",
        **values,
    }
    vevent = ics_writer.vevent(**properties)
    return ics_writer.vcalendar(
        prodid=ics.PRODID,
        version="2.0",
        name="CICA",
        uid="calendar@s-cica.org",
        components=[vevent],
    )


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
def test_any_text_is_read_back_as_written(value):
    calendar = Calendar.from_ical(one_event_calendar(summary=value, description=value))
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == as_read_back(value)
    assert str(component["DESCRIPTION"]) == as_read_back(value)


def test_folded_random_texts_are_read_back_whole():
    # 1- to 4-byte UTF-8 characters, and the escapes that must not be cut from their char.
    alphabet = "ab \\^;,\nЖқ–会🌏"
    rng = random.Random(5545)
    values = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(400))) for _ in range(300)]
    components = [
        ics_writer.vevent(
            uid=f"event-{index}@s-cica.org",
            stamp=NOW,
            last_modified=NOW,
            sequence=0,
            summary=value[:80],
            start=datetime.date(2030, 6, 4),
            end=None,
            status="CONFIRMED",
            location=None,
            description=value,
            categories=["Summit"],
            url="https://s-cica.org/",
        )
        for index, value in enumerate(values)
    ]
    written = ics_writer.vcalendar(
        prodid=ics.PRODID,
        version="2.0",
        name="CICA",
        uid="calendar@s-cica.org",
        components=components,
    )
    assert all(len(line) <= 75 and line.decode() for line in physical_lines(written) if line)
    read = Calendar.from_ical(written).walk("VEVENT")
    assert [str(component["DESCRIPTION"]) for component in read] == [
        as_read_back(value) for value in values
    ]
    assert [str(component["SUMMARY"]) for component in read] == [
        as_read_back(value[:80]) for value in values
    ]


@pytest.mark.parametrize(
    "value,tzid",
    [
        (datetime.date(2030, 6, 4), None),
        (datetime.date(999, 1, 2), None),
        (datetime.datetime(2030, 6, 4, 9, 5, 7), None),  # floating: no zone
        (datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=datetime.UTC), None),
        (datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=zoneinfo.ZoneInfo("UTC")), None),
        (datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=zoneinfo.ZoneInfo("Africa/Abidjan")), None),
        (datetime.datetime(2030, 6, 4, 9, 5, 7, tzinfo=ALMATY), "Asia/Almaty"),
        (datetime.datetime(2030, 1, 4, 9, 5, 7, tzinfo=MOSCOW), "Europe/Moscow"),
        (
            datetime.datetime(2030, 7, 4, 9, 5, 7, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
            "America/New_York",
        ),
    ],
)
def test_dates_and_times_are_read_back_as_the_same_moment(value, tzid):
    calendar = Calendar.from_ical(one_event_calendar(start=value))
    (component,) = calendar.walk("VEVENT")
    assert component["DTSTART"].params.get("TZID") == tzid
    assert component.start == value
    assert type(component.start) is type(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        assert component.start.utcoffset() == value.utcoffset()
    if not isinstance(value, datetime.datetime):
        assert component["DTSTART"].params["VALUE"] == "DATE"


def test_a_line_break_in_the_calendar_name_is_refused():
    # NAME is written unescaped (icalendar has no type for it): a line break would end it.
    with pytest.raises(ValueError):
        ics.build_calendar([], absolute_url, "Two\nlines")


def test_an_empty_calendar_holds_only_the_site_zone():
    calendar = Calendar.from_ical(ics.build_calendar([], absolute_url, "CICA events"))
    assert calendar.walk("VEVENT") == []
    assert [zone.tz_name for zone in calendar.timezones] == ["Asia/Almaty"]
    assert str(calendar["PRODID"]) == ics.PRODID


def test_the_file_reads_only_the_columns_it_shows(
    client, calendar_events, django_assert_num_queries
):
    with django_assert_num_queries(2) as captured:
        fetch(client)
    rows_query = captured.captured_queries[-1]["sql"]
    assert '"title"' in rows_query and '"body"' not in rows_query
