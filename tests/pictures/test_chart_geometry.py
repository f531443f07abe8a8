"""The shared SVG geometry helpers (core.charts)."""

import datetime

import pytest

from core.charts import DateScale, LinearScale, fit_text, text_width, year_ticks


def test_linear_scale_maps_the_domain_ends_onto_the_range_ends():
    scale = LinearScale(0, 10, 100, 300)
    assert scale(0) == 100
    assert scale(10) == 300
    assert scale(2.5) == 150


def test_linear_scale_with_an_empty_domain_uses_the_middle_of_the_range():
    assert LinearScale(5, 5, 0, 100)(5) == 50


def test_date_scale_places_a_date_by_its_day_number():
    scale = DateScale(datetime.date(2020, 1, 1), datetime.date(2021, 1, 1), 0, 366)
    assert scale(datetime.date(2020, 1, 1)) == 0
    assert scale(datetime.date(2020, 7, 1)) == 182  # 2020 is a leap year
    assert scale(datetime.date(2021, 1, 1)) == 366


@pytest.mark.parametrize(
    "first, last, expected",
    [
        (2015, 2017, [2015, 2016, 2017]),
        (1999, 2026, [2000, 2005, 2010, 2015, 2020, 2025]),
        (2001, 2012, [2002, 2004, 2006, 2008, 2010, 2012]),
        (2020, 2020, [2020]),
    ],
)
def test_year_ticks_never_label_more_than_ten_years(first, last, expected):
    assert year_ticks(first, last) == expected


def test_text_width_grows_with_length_and_size():
    assert text_width("Iran", 13) < text_width("United Arab Emirates", 13)
    assert text_width("Iran", 26) == 2 * text_width("Iran", 13)


def test_fit_text_keeps_short_text_and_shortens_long_text():
    assert fit_text("Iran", 100, 13) == "Iran"
    shortened = fit_text("Socialist Republic of Vietnam", 80, 13)
    assert shortened.endswith("…")
    assert text_width(shortened, 13) <= 80 + 13
