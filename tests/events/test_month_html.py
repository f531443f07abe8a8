"""The month page's grid and day-by-day list, written in Python, equal the template
they replace (kept in reference_templates/event_month.html)."""

import datetime
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from tests.factories import EventFactory
from tests.reference_templates import page_and_reference

pytestmark = pytest.mark.django_db
REFERENCE = Path(__file__).parent / "reference_templates" / "event_month.html"
NOW = datetime.datetime(2030, 6, 10, 12, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))


def page_both_ways(client, year, month):
    path = reverse("events:month", kwargs={"year": year, "month": month})
    return page_and_reference(client, path, REFERENCE)


@pytest.fixture
def busy_june():
    """Several events a day, one over three days and into July, escaped titles, every
    status, one known only by its month."""
    day = datetime.date
    EventFactory(title="Summit <Almaty> & co", start_date=day(2030, 6, 4))
    EventFactory(title="Second on the 4th", start_date=day(2030, 6, 4), status="postponed")
    EventFactory(title="Called off", start_date=day(2030, 6, 10), status="cancelled")
    EventFactory(title="Long one", start_date=day(2030, 6, 29), end_date=day(2030, 7, 2))
    EventFactory(title="From May", start_date=day(2030, 5, 30), end_date=day(2030, 6, 1))
    EventFactory(title="Some day in June", start_date=day(2030, 6, 1), date_precision="month")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("year,month", [(2030, 6), (2030, 7), (2030, 9), (2029, 10), (2031, 2)])
def test_month_page_is_byte_for_byte_the_template(client, busy_june, language, year, month):
    with translation.override(language):
        written, expected = page_both_ways(client, year, month)
    assert written == expected
    if (year, month) == (2030, 6):
        assert 'aria-current="date"' in written  # today, 10 June
        assert written.count("month-calendar__day--busy") == 5  # 1, 4, 10, 29 and 30 June
        assert "Summit &lt;Almaty&gt; &amp; co" in written and "<Almaty>" not in written
        assert written.count('<li class="month-agenda__day">') == 5


def test_an_empty_month_is_the_template_too(client):
    written, expected = page_both_ways(client, 1900, 1)
    assert written == expected
    assert "month-calendar__day--busy" not in written
