"""The status board's stacked bar chart and a plan's time line, laid out on the server."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.charts import DateScale, fit_text, rounded, text_width, year_ticks
from core.partial_dates import DatePrecision, format_partial_date

LABEL_WIDTH = 230
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 10
LEGEND_ROW = 22
LEGEND_FONT = 11
LEGEND_SWATCH = 18  # the square and the space after it
LEGEND_BOTTOM = 16
COMPACT_LABEL_ROOM = 16


@dataclass
class Segment:
    x: float
    width: float
    status: str
    label: str
    count: int


@dataclass
class ChartRow:
    label: str
    y: float
    text_y: float
    total: int
    total_x: float
    total_y: float
    segments: list = field(default_factory=list)


@dataclass
class LegendItem:
    x: float
    y: float
    status: str
    label: str

    @property
    def text_x(self):
        """The label's start, right of its 12 px swatch."""
        return self.x + 18

    @property
    def text_y(self):
        """The label's baseline, level with the swatch."""
        return self.y + 11


@dataclass
class StackedChart:
    width: int
    height: int
    rows: list
    legend: list
    maximum: int
    bar_height: int = BAR_HEIGHT


def status_board_chart(rows, statuses, width=720, compact=False):
    """One bar per dimension, split by status; ``rows`` as built by the status board view.

    ``compact`` (for phones) puts each dimension's name above its bar instead of beside it.
    """
    label_width = 8 if compact else LABEL_WIDTH
    row_height = ROW_HEIGHT + COMPACT_LABEL_ROOM if compact else ROW_HEIGHT
    # As many columns as the longest status label allows: Russian labels are twice as long.
    widest = max((text_width(s.label, LEGEND_FONT) for s in statuses), default=0)
    column_width = max(175, LEGEND_SWATCH + widest + 12)
    legend_columns = max(1, min(2 if compact else 4, int((width - 10) // column_width)))
    plot_width = width - label_width - 40
    maximum = max((row["total"] for row in rows), default=0)
    scale = plot_width / maximum if maximum else 0
    chart_rows = []
    for index, row in enumerate(rows):
        y = TOP + index * row_height + (COMPACT_LABEL_ROOM if compact else 0)
        x = label_width
        chart_row = ChartRow(
            label=row["dimension"].name,
            y=y,
            text_y=y - 5 if compact else y + BAR_HEIGHT - 4,
            total=row["total"],
            total_x=round(label_width + row["total"] * scale + 6, 1),
            total_y=y + BAR_HEIGHT - 4,
        )
        for status, count in row["cells"]:
            if count:
                segment_width = round(count * scale, 1)
                chart_row.segments.append(
                    Segment(round(x, 1), segment_width, status.value, status.label, count)
                )
                x += segment_width
        chart_rows.append(chart_row)
    legend_top = TOP + len(rows) * row_height + 14
    legend = [
        LegendItem(
            x=10 + (index % legend_columns) * column_width,
            y=legend_top + (index // legend_columns) * LEGEND_ROW,
            status=s.value,
            label=s.label,
        )
        for index, s in enumerate(statuses)
    ]
    legend_rows = -(-len(statuses) // legend_columns)
    height = legend_top + legend_rows * LEGEND_ROW + LEGEND_BOTTOM
    return StackedChart(width, height, chart_rows, legend, maximum)


# The time line on a plan's page: one row per status decision, on a time axis. A date
# known to the day is a point, to the month or year a bar over that period; an unknown
# date is a dashed line over the time it must fall in (between the neighbouring
# decisions), open-ended where no neighbour is dated.
TIMELINE_LEFT = 16
TIMELINE_RIGHT_MARGIN = 16
TIMELINE_TOP = 12
TIMELINE_ROW = 46
TIMELINE_AXIS_ROOM = 34
TIMELINE_FONT = 13
SPAN_HEIGHT = 12
MIN_SPAN_WIDTH = 6


@dataclass
class TimelineMark:
    step: int
    status: str
    label: str
    date_text: str
    description: str
    shape: str  # "point", "span" or "unknown"
    x: float
    x_end: float
    y: float
    open_start: bool
    open_end: bool
    text_x: float
    text_y: float

    @property
    def width(self):
        return rounded(self.x_end - self.x)

    @property
    def bar_y(self):
        return self.y - SPAN_HEIGHT / 2

    @property
    def start_cap(self):
        """SVG path at the start of an unknown range: an arrow if open, else a bar."""
        return _cap(self.x, self.y, self.open_start, direction=1)

    @property
    def end_cap(self):
        return _cap(self.x_end, self.y, self.open_end, direction=-1)


def _cap(x, y, is_open, direction):
    if is_open:  # an arrowhead pointing outwards: earlier (or later) than the drawing
        tip, back = rounded(x), rounded(x + 8 * direction)
        return f"M{back},{rounded(y - 5)} L{tip},{rounded(y)} L{back},{rounded(y + 5)}"
    return f"M{rounded(x)},{rounded(y - 6)} L{rounded(x)},{rounded(y + 6)}"


@dataclass
class TimelineChart:
    width: int
    height: float
    axis_y: float
    tick_label_y: float
    left: float
    right: float
    ticks: list
    marks: list
    first_year: int
    last_year: int


def known_period(change):
    """(earliest, latest) possible day of a decision; either may be None (not known)."""
    day, precision = change.decided_on, change.decided_on_precision
    if day is None:
        return None, None
    if precision == DatePrecision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)
    if precision == DatePrecision.BY_YEAR:
        return None, datetime.date(day.year, 12, 31)
    return day, day


def _bounds(periods):
    """Each decision's (earliest, latest): its own, else limited by the neighbouring decisions."""
    bounds = []
    for index, (earliest, latest) in enumerate(periods):
        if earliest is None:
            earlier = [p[0] for p in periods[:index] if p[0] is not None]
            earliest = earlier[-1] if earlier else None
        if latest is None:
            later = [p[1] for p in periods[index + 1 :] if p[1] is not None]
            latest = later[0] if later else None
        bounds.append((earliest, latest))
    return bounds


def _describe(change, own_period, bounds):
    date_text = change.decided_on_display
    if own_period[0] is not None:
        return date_text, date_text
    earliest, latest = bounds
    when = date_text or _("date unknown")
    if earliest and latest:
        detail = _("between %(start)s and %(end)s") % {
            "start": format_partial_date(earliest, DatePrecision.DAY),
            "end": format_partial_date(latest, DatePrecision.DAY),
        }
    elif latest:
        detail = _("on or before %(end)s") % {"end": format_partial_date(latest, DatePrecision.DAY)}
    elif earliest:
        detail = _("on or after %(start)s") % {
            "start": format_partial_date(earliest, DatePrecision.DAY)
        }
    else:
        return when, when
    return when, f"{when}, {detail}"


def status_timeline_chart(changes, width=720):
    """Lay out the status history (StatusChange rows in step order); None if no date is known."""
    changes = list(changes)
    periods = [known_period(change) for change in changes]
    known_days = [day for period in periods for day in period if day is not None]
    if not known_days:
        return None
    bounds = _bounds(periods)
    first_year = min(known_days).year - (1 if any(b[0] is None for b in bounds) else 0)
    last_year = max(known_days).year + (1 if any(b[1] is None for b in bounds) else 0)
    if first_year == last_year:
        first_year, last_year = first_year - 1, last_year + 1
    start, end = datetime.date(first_year, 1, 1), datetime.date(last_year + 1, 1, 1)
    right = width - TIMELINE_RIGHT_MARGIN
    scale = DateScale(start, end, TIMELINE_LEFT, right)
    marks = []
    for index, (change, period, (earliest, latest)) in enumerate(
        zip(changes, periods, bounds, strict=True)
    ):
        y = TIMELINE_TOP + index * TIMELINE_ROW + 30
        x = scale(earliest) if earliest else TIMELINE_LEFT
        x_end = scale(latest) if latest else right
        shape = "unknown" if period[0] is None else ("point" if earliest == latest else "span")
        if shape == "span" and x_end - x < MIN_SPAN_WIDTH:  # a month over decades: keep it visible
            middle = (x + x_end) / 2
            x, x_end = rounded(middle - MIN_SPAN_WIDTH / 2), rounded(middle + MIN_SPAN_WIDTH / 2)
        date_text, description = _describe(change, period, (earliest, latest))
        # Shortened to the chart's width (Russian status names are long on a phone); the
        # full text is in the description and in the list below the chart.
        label = fit_text(
            f"{change.get_to_status_display()}: {date_text}", right - TIMELINE_LEFT, TIMELINE_FONT
        )
        label_width = text_width(label, TIMELINE_FONT)
        text_x = max(TIMELINE_LEFT, min(x, right - label_width))
        marks.append(
            TimelineMark(
                step=change.step,
                status=change.to_status,
                label=label,
                date_text=date_text,
                description=f"{change.get_to_status_display()}: {description}",
                shape=shape,
                x=x,
                x_end=x_end,
                y=y,
                open_start=earliest is None,
                open_end=latest is None,
                text_x=rounded(text_x),
                text_y=y - 12,
            )
        )
    axis_y = TIMELINE_TOP + len(changes) * TIMELINE_ROW + 6
    ticks = [
        (scale(datetime.date(year, 1, 1)), str(year))
        for year in year_ticks(first_year, last_year + 1)
    ]
    return TimelineChart(
        width=width,
        height=axis_y + TIMELINE_AXIS_ROOM,
        axis_y=axis_y,
        tick_label_y=axis_y + 20,
        left=TIMELINE_LEFT,
        right=right,
        ticks=ticks,
        marks=marks,
        first_year=first_year,
        last_year=last_year,
    )
