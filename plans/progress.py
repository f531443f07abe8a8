"""Implementation progress of an action plan: done / (all - cancelled)."""

from dataclasses import dataclass

from django.utils.translation import gettext


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    cancelled: int

    @property
    def counted(self):
        """Measures that count towards progress: cancelled ones do not."""
        return self.total - self.cancelled

    @property
    def has_measures(self):
        return self.counted > 0

    @property
    def percent(self):
        """Whole percent done, halves rounded up; None when no measure counts."""
        if not self.has_measures:
            return None
        return (200 * self.done + self.counted) // (2 * self.counted)

    # The texts of a progress bar, translated here rather than by {% blocktranslate %}
    # in the plan list's rows: two of those a row were a fifth of the rows' rendering
    # (0.8 of 4.4 ms a page, issue 19).

    @property
    def percent_text(self):
        """ "40% of measures done"; None when no measure counts."""
        if not self.has_measures:
            return None
        return gettext("%(percent)s%% of measures done") % {"percent": self.percent}

    @property
    def counts_text(self):
        """ "40% (2 of 5)"; None when no measure counts."""
        if not self.has_measures:
            return None
        return gettext("%(percent)s%% (%(done)s of %(counted)s)") % {
            "percent": self.percent,
            "done": self.done,
            "counted": self.counted,
        }
