"""Small geometry helpers shared by the server-rendered SVG charts of every app.

The charts are laid out in Python and drawn by templates, so they need no JavaScript
and their numbers can be unit-tested. Coordinates are rounded to 0.1 px.
"""

import datetime
import math
from dataclasses import dataclass

# Average advance width of a character in the site's sans-serif fonts, as a share of the
# font size. Only used to keep labels inside the drawing; a little too wide is harmless.
CHARACTER_WIDTH = 0.54


def rounded(value):
    return round(value, 1)


@dataclass(frozen=True)
class LinearScale:
    """Maps a numeric domain onto pixels: ``scale(domain_start) == range_start``."""

    domain_start: float
    domain_end: float
    range_start: float
    range_end: float

    def __call__(self, value):
        span = self.domain_end - self.domain_start
        if span == 0:
            return rounded((self.range_start + self.range_end) / 2)
        share = (value - self.domain_start) / span
        return rounded(self.range_start + share * (self.range_end - self.range_start))


@dataclass(frozen=True)
class DateScale:
    """Maps dates onto pixels, by their day number."""

    start: datetime.date
    end: datetime.date
    left: float
    right: float

    def __call__(self, day):
        scale = LinearScale(self.start.toordinal(), self.end.toordinal(), self.left, self.right)
        return scale(day.toordinal())


def year_ticks(first_year, last_year, max_ticks=10):
    """Every year, or every 2nd, 5th, 10th... so that at most ``max_ticks`` are labelled."""
    span = last_year - first_year
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if span // step + 1 <= max_ticks:
            break
    first_tick = math.ceil(first_year / step) * step
    return list(range(first_tick, last_year + 1, step))


def text_width(text, font_size):
    """Estimated width in px of a line of text."""
    return rounded(len(str(text)) * font_size * CHARACTER_WIDTH)


def fit_text(text, max_width, font_size):
    """The text, shortened with an ellipsis if its estimated width exceeds ``max_width``."""
    text = str(text)
    if text_width(text, font_size) <= max_width:
        return text
    characters = max(1, int(max_width / (font_size * CHARACTER_WIDTH)) - 1)
    return text[:characters].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
