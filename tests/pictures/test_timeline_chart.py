"""The time line drawn on a plan's page (plans.charts.status_timeline_chart)."""

import datetime

from core.partial_dates import DatePrecision
from plans.charts import TIMELINE_LEFT, known_period, status_timeline_chart
from plans.models import PlanStatus, StatusChange

D = datetime.date


def change(step, to_status, day=None, precision=DatePrecision.DAY):
    return StatusChange(
        step=step, to_status=to_status, decided_on=day, decided_on_precision=precision
    )


def test_known_period_of_each_precision():
    assert known_period(change(1, "draft", D(2016, 1, 13))) == (D(2016, 1, 13), D(2016, 1, 13))
    month = change(1, "draft", D(2023, 12, 1), DatePrecision.MONTH)
    assert known_period(month) == (D(2023, 12, 1), D(2023, 12, 31))
    year = change(1, "draft", D(2023, 1, 1), DatePrecision.YEAR)
    assert known_period(year) == (D(2023, 1, 1), D(2023, 12, 31))
    by_year = change(1, "draft", D(2002, 1, 1), DatePrecision.BY_YEAR)
    assert known_period(by_year) == (None, D(2002, 12, 31))
    assert known_period(change(1, "draft")) == (None, None)


def test_no_known_date_draws_nothing():
    changes = [change(1, PlanStatus.AGREED_BY_SWG), change(2, PlanStatus.APPROVED_BY_SOC)]
    assert status_timeline_chart(changes) is None
    assert status_timeline_chart([]) is None


def test_an_undated_decision_before_a_dated_one_is_an_open_range_up_to_it():
    chart = status_timeline_chart(
        [
            change(1, PlanStatus.AGREED_BY_SWG),
            change(2, PlanStatus.APPROVED_BY_SOC, D(2016, 1, 13)),
        ],
        width=720,
    )
    # One year of room before the first known date, for the open range.
    assert (chart.first_year, chart.last_year) == (2015, 2016)
    assert [label for _, label in chart.ticks] == ["2015", "2016", "2017"]
    unknown, approved = chart.marks
    assert approved.shape == "point"
    # 2015-01-01 .. 2017-01-01 over 16..704 px: 13 January 2016 is 377 days in.
    assert approved.x == approved.x_end == round(16 + 688 * 377 / 731, 1)
    assert unknown.shape == "unknown"
    assert unknown.open_start and not unknown.open_end
    assert unknown.x == TIMELINE_LEFT and unknown.x_end == approved.x
    assert unknown.label == "Agreed by SWG: date unknown"
    assert unknown.description == "Agreed by SWG: date unknown, on or before 13 January 2016"
    assert unknown.start_cap == "M24,37 L16,42 L24,47"  # an arrowhead: earlier than the drawing
    assert unknown.y < approved.y < chart.axis_y


def test_an_undated_decision_between_two_dated_ones_spans_the_time_between():
    chart = status_timeline_chart(
        [
            change(1, PlanStatus.AGREED_BY_SWG, D(2010, 3, 1), DatePrecision.MONTH),
            change(2, PlanStatus.APPROVED_BY_SOC),
            change(3, PlanStatus.IN_IMPLEMENTATION, D(2012, 1, 1), DatePrecision.YEAR),
        ]
    )
    agreed, approved, implementing = chart.marks
    assert agreed.shape == implementing.shape == "span"
    assert approved.shape == "unknown" and not approved.open_start and not approved.open_end
    assert approved.x == agreed.x  # from the start of March 2010...
    assert approved.x_end == implementing.x_end  # ...to the end of 2012
    assert approved.description.endswith("between 1 March 2010 and 31 December 2012")
    assert (
        approved.end_cap == f"M{approved.x_end},{approved.y - 6} L{approved.x_end},{approved.y + 6}"
    )
    assert (chart.first_year, chart.last_year) == (2010, 2012)


def test_a_month_over_a_long_period_stays_visible():
    chart = status_timeline_chart(
        [
            change(1, PlanStatus.AGREED_BY_SWG, D(1995, 2, 1), DatePrecision.MONTH),
            change(2, PlanStatus.APPROVED_BY_SOC, D(2024, 5, 6)),
        ]
    )
    month = chart.marks[0]
    assert month.width >= 6
    assert [label for _, label in chart.ticks] == [
        "1995",
        "2000",
        "2005",
        "2010",
        "2015",
        "2020",
        "2025",
    ]


def test_labels_stay_inside_the_drawing():
    chart = status_timeline_chart([change(1, PlanStatus.COMPLETED, D(2020, 12, 30))], width=360)
    mark = chart.marks[0]
    assert (chart.first_year, chart.last_year) == (2019, 2021)  # a single year gets room around it
    assert TIMELINE_LEFT <= mark.text_x
    assert mark.text_x + len(mark.label) * 13 * 0.54 <= chart.right + 0.1
