"""Repeated bits of plan lists written in Python: status badges, progress cells.

Through an included template each took about 100 us a row (issue 7). Same bytes as
the template they replace (tests/plans/test_plan_items.py compares them).
"""

from django import template
from django.utils.formats import localize
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import escaped

register = template.Library()


@register.filter
def status_badge(plan):
    """A plan's status as a badge."""
    return SafeString(
        f'<span class="badge plan-status plan-status--{escaped(plan.status)}">'
        f"{escaped(plan.get_status_display())}</span>\n"
    )


@register.filter
def progress_cell(progress):
    """A plan's progress in a table cell (plans.progress.Progress)."""
    if not progress.has_measures:
        return SafeString("\n\N{EM DASH}\n")
    percent, done, counted = (
        escaped(localize(value)) for value in (progress.percent, progress.done, progress.counted)
    )
    # As {% blocktranslate %}: the values are escaped, the translations are not.
    title = gettext("%(percent)s%% of measures done") % {"percent": percent}
    figures = gettext("%(percent)s%% (%(done)s of %(counted)s)") % {
        "percent": percent,
        "done": done,
        "counted": counted,
    }
    return SafeString(
        '\n<span class="plan-progress-cell">\n'
        '  <svg class="plan-progress__bar plan-progress__bar--small" viewBox="0 0 100 6" '
        f'preserveAspectRatio="none" role="img"><title>{title}</title>'
        '<rect class="plan-progress__track" x="0" y="0" width="100" height="6"/>'
        f'<rect class="plan-progress__done" x="0" y="0" width="{percent}" height="6"/></svg>\n'
        f"  <span>{figures}</span>\n</span>\n"
    )
