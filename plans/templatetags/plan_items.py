"""Repeated bits of plan lists written in Python: a member state's roles, status badges,
progress cells.

A busy state coordinates dozens of plans; through an included template each line took
about 100 us, a tenth of the member page (issue 7). Same bytes as the template it
replaces (tests/plans/test_plan_items.py compares them).
"""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


def _link(subject, name):
    return (
        f'<a href="{conditional_escape(subject.get_absolute_url())}">{conditional_escape(name)}</a>'
    )


@register.filter
def participant_role_item(role):
    if role.dimension:
        what = conditional_escape(gettext("dimension"))
        subject = role.dimension
        name = subject.name
    elif role.priority_area:
        subject = role.priority_area
        name = subject.name
        # As {% blocktranslate %}: the value is escaped, the translation is not.
        what = gettext("priority area, %(dimension)s") % {
            "dimension": conditional_escape(subject.dimension.name)
        }
    else:
        subject = role.plan
        name = subject.title
        what = conditional_escape(subject.get_kind_display().lower())
    period = f' <span class="muted">{conditional_escape(role.period)}</span>' if role.period else ""
    return SafeString(
        f'<li>{_link(subject, name)} <span class="muted">({what})</span>{period}</li>\n'
    )


@register.filter
def status_badge(plan):
    """A plan's status as a badge."""
    return SafeString(
        f'<span class="badge plan-status plan-status--{conditional_escape(plan.status)}">'
        f"{conditional_escape(plan.get_status_display())}</span>\n"
    )


@register.filter
def progress_cell(progress):
    """A plan's progress in a table cell (plans.progress.Progress)."""
    if not progress.has_measures:
        return SafeString("\n\N{EM DASH}\n")
    percent, done, counted = (
        conditional_escape(localize(value))
        for value in (progress.percent, progress.done, progress.counted)
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
