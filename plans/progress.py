"""Implementation progress of an action plan: done / (all - cancelled)."""

from dataclasses import dataclass


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
