"""Dates and numbers in each language's own grammar, the same way on every page."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from core.partial_dates import DatePrecision, format_partial_date
from events.dates import format_day_range

MARCH_3 = datetime.date(2020, 3, 3)


@pytest.mark.parametrize(
    "language, precision, expected",
    [
        ("ru", DatePrecision.DAY, "3 марта 2020 г."),
        ("ru", DatePrecision.MONTH, "март 2020 г."),
        ("ru", DatePrecision.YEAR, "2020 г."),
        ("ru", DatePrecision.BY_YEAR, "не позднее 2020 г."),
        ("en", DatePrecision.DAY, "3 March 2020"),
        ("en", DatePrecision.MONTH, "March 2020"),
        ("en", DatePrecision.YEAR, "2020"),
        ("en", DatePrecision.BY_YEAR, "by 2020"),
    ],
)
def test_partial_dates_read_as_far_as_they_are_known(language, precision, expected):
    with translation.override(language):
        assert format_partial_date(MARCH_3, precision) == expected


@pytest.mark.parametrize(
    "language, start, end, expected",
    [
        ("ru", MARCH_3, datetime.date(2020, 3, 5), "3–5 марта 2020 г."),
        ("ru", datetime.date(2030, 6, 30), datetime.date(2030, 7, 2), "30 июня – 2 июля 2030 г."),
        ("en", datetime.date(2030, 6, 30), datetime.date(2030, 7, 2), "30 June – 2 July 2030"),
    ],
)
def test_event_day_ranges(language, start, end, expected):
    with translation.override(language):
        assert format_day_range(start, end) == expected


@pytest.mark.parametrize(
    "language, expected",
    [("ru", "3 марта 2020 г. · март 2020 г."), ("en", "3 March 2020 · March 2020")],
)
def test_templates_write_dates_with_the_named_formats(language, expected):
    template = Template('{{ day }} · {{ day|date:"YEAR_MONTH_FORMAT" }}')
    with translation.override(language):
        assert template.render(Context({"day": MARCH_3})) == expected


@pytest.mark.parametrize("language, expected", [("ru", "1\xa0234\xa0567,5"), ("en", "1,234,567.5")])
def test_numbers_take_the_language_separators(language, expected):
    with translation.override(language):
        assert formats.number_format(1234567.5, 1, force_grouping=True) == expected


def test_counts_shown_with_intcomma_group_thousands_in_russian():
    template = Template("{% load humanize %}{{ found|intcomma }}")
    with translation.override("ru"):
        assert template.render(Context({"found": 12345})) == "12\xa0345"
