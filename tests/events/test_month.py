import datetime
import re

import pytest
from django.urls import reverse

from core.publishing import PublicationStatus
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def month_url(year, month):
    return reverse("events:month", kwargs={"year": year, "month": month})


def grid_rows(html):
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r'datetime="(\d{4}-\d\d-\d\d)"', row) for row in body.split("<tr>")[1:]]


def cell_of(html, day):
    """The <td> of a day, as text."""
    start = html.index(f'datetime="{day}"')
    return html[html.rindex("<td", 0, start) : html.index("</td>", start)]


def test_month_grid_has_weekday_headers_and_weeks_as_rows(client):
    response = client.get(month_url(2030, 6))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<th scope="col">') == 7
    assert '<abbr title="Monday">' in html
    rows = grid_rows(html)
    assert all(len(row) == 7 for row in rows)
    # June 2030 starts on a Saturday: the first row starts on Monday 27 May.
    assert rows[0][0] == "2030-05-27" and rows[0][5] == "2030-06-01"
    assert rows[-1][-1] == "2030-06-30"  # a Sunday: no trailing days
    july = grid_rows(client.get(month_url(2030, 7)).content.decode())
    assert july[-1][2] == "2030-07-31" and july[-1][-1] == "2030-08-04"
    assert 'aria-current="date"' in cell_of(html, "2030-06-10")


def test_month_starting_on_monday_has_no_leading_days(client):
    rows = grid_rows(client.get(month_url(2029, 10)).content.decode())  # 1 October 2029: Monday
    assert rows[0][0] == "2029-10-01"


def test_month_starting_on_sunday_has_six_leading_days(client):
    html = client.get(month_url(2030, 9)).content.decode()  # 1 September 2030: Sunday
    rows = grid_rows(html)
    assert rows[0][6] == "2030-09-01"
    assert rows[0][0] == "2030-08-26"
    assert "month-calendar__day--outside" in cell_of(html, "2030-08-26")


def test_events_are_placed_on_every_day_they_cover_in_the_month(client):
    EventFactory(
        title="Year-end meeting",
        start_date=datetime.date(2030, 12, 30),
        end_date=datetime.date(2031, 1, 2),
    )
    EventFactory(title="One day SOC", start_date=datetime.date(2031, 1, 15))
    EventFactory(
        title="Draft one",
        start_date=datetime.date(2031, 1, 16),
        publication_status=PublicationStatus.DRAFT,
    )
    EventFactory(title="Month only", start_date=datetime.date(2031, 1, 1), date_precision="month")
    january = client.get(month_url(2031, 1)).content.decode()
    for day in ["2031-01-01", "2031-01-02"]:
        assert "Year-end meeting" in cell_of(january, day)
    assert "Year-end meeting" not in cell_of(january, "2031-01-03")
    # December days shown in January's first week stay empty.
    assert "Year-end meeting" not in cell_of(january, "2030-12-31")
    assert "One day SOC" in cell_of(january, "2031-01-15")
    assert "Draft one" not in january
    assert "Month only" not in cell_of(january, "2031-01-01")
    assert "exact day not known" in january and "Month only" in january
    december = client.get(month_url(2030, 12)).content.decode()
    assert "Year-end meeting" in cell_of(december, "2030-12-30")
    assert "Year-end meeting" in cell_of(december, "2030-12-31")
    assert "Year-end meeting" not in cell_of(december, "2030-12-29")


def test_previous_and_next_links_cross_the_year(client):
    december = client.get(month_url(2030, 12)).content.decode()
    assert f'href="{month_url(2031, 1)}"' in december
    assert f'href="{month_url(2030, 11)}"' in december
    january = client.get(month_url(2031, 1)).content.decode()
    assert f'href="{month_url(2030, 12)}"' in january
    assert f'href="{month_url(2031, 2)}"' in january


def test_first_and_last_representable_months_have_no_link_beyond(client):
    assert "Previous:" not in client.get(month_url(1900, 1)).content.decode()
    assert "Next:" not in client.get(month_url(2199, 12)).content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/events/2030/13/",
        "/events/2030/0/",
        "/events/0/6/",
        "/events/99999/6/",
        "/events/9999/12/",
        "/events/1899/12/",
        "/events/2030/june/",
        "/events/2030/-1/",
    ],
)
def test_impossible_months_are_404(client, path):
    assert client.get(path).status_code == 404


def test_each_event_item_in_grid_and_day_list_links_shows_status_and_escapes(client):
    event = EventFactory(title="Summit <Almaty> & co", start_date=datetime.date(2030, 6, 4))
    EventFactory(title="Called-off SOC", start_date=datetime.date(2030, 6, 5), status="cancelled")
    EventFactory(title="Later SOC", start_date=datetime.date(2030, 6, 6), status="postponed")
    html = client.get(month_url(2030, 6)).content.decode()
    item = f'<li><a href="{event.get_absolute_url()}">Summit &lt;Almaty&gt; &amp; co</a></li>'
    assert html.count(item) == 2  # the grid and the day-by-day list
    assert html.count('<li class="is-cancelled"><a href="') == 2
    assert html.count('Called-off SOC</a> <span class="muted">(Cancelled)</span></li>') == 2
    assert html.count('Later SOC</a> <span class="muted">(Postponed)</span></li>') == 2
    assert html.count("(Scheduled)") == 0


def test_a_busy_month_marks_today_and_busy_days_and_lists_them_day_by_day(client):
    day = datetime.date
    EventFactory(title="Summit <Almaty> & co", start_date=day(2030, 6, 4))
    EventFactory(title="Second on the 4th", start_date=day(2030, 6, 4), status="postponed")
    EventFactory(title="Called off", start_date=day(2030, 6, 10), status="cancelled")
    EventFactory(title="Long one", start_date=day(2030, 6, 29), end_date=day(2030, 7, 2))
    EventFactory(title="From May", start_date=day(2030, 5, 30), end_date=day(2030, 6, 1))
    EventFactory(title="Some day in June", start_date=day(2030, 6, 1), date_precision="month")
    html = client.get(month_url(2030, 6)).content.decode()
    assert html.count('aria-current="date"') == 1  # today, 10 June (tests/events/conftest.py)
    assert 'aria-current="date"' in cell_of(html, "2030-06-10")
    assert html.count("month-calendar__day--busy") == 5  # 1, 4, 10, 29 and 30 June
    assert "June 2030: 5 events with a known day" in html
    agenda = html[html.index('<ol class="month-agenda__days">') :]
    days = re.findall(
        r'<time class="month-agenda__date" datetime="([\d-]+)">([^<]+)</time>', agenda
    )
    assert days == [
        ("2030-06-01", "Saturday 1 June"),
        ("2030-06-04", "Tuesday 4 June"),
        ("2030-06-10", "Monday 10 June"),
        ("2030-06-29", "Saturday 29 June"),
        ("2030-06-30", "Sunday 30 June"),
    ]
    assert "Summit &lt;Almaty&gt; &amp; co" in html and "<Almaty>" not in html
    # Days of the neighbouring months are named for screen readers, and stay empty.
    outside = cell_of(html, "2030-05-27")
    assert '<span class="visually-hidden">27 May</span>' in outside
    assert "month-calendar__day--outside" in outside and "From May" not in outside


def test_a_month_without_events_says_so(client):
    html = client.get(month_url(1900, 1)).content.decode()
    assert "month-calendar__day--busy" not in html
    assert "No event with a known day this month." in html
    assert "January 1900: 0 events with a known day" in html
