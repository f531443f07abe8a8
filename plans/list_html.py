"""The rows of the public plan list's table, written in Python.

Through the template the twenty rows (seven cells each, with their filters and the
coordinators' loop) took about 7 ms, a quarter of the page (issue 7). The bytes are
those the template gave (tests/plans/test_list_html.py compares them with the
template, kept in tests/plans/reference_templates/plan_list.html).
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import escaped, shown

from .board_html import plan_link
from .choices import CoordinationRole
from .templatetags.plan_items import progress_cell, status_badge

NO_VALUE = "\N{EM DASH}"


def _or_dash(value):
    """As {{ value|default:"—" }}."""
    return shown(value or NO_VALUE)


def _coordinators(plan, co_label):
    roles = plan.effective_coordinations()
    if not roles:
        return NO_VALUE
    return ", ".join(
        escaped(role.state.name)
        + (co_label if role.role == CoordinationRole.CO_COORDINATOR else "")
        for role in roles
    )


def plan_rows_html(plans, show_progress):
    """The <tr> of each plan (inside the table's <tbody>); plans come with their
    dimension, priority area, roles (plans.roles.attach_role_levels) and, when
    show_progress, their list_progress."""
    # As {% translate ... as label %}: the translation, escaped once for every row.
    label = {
        name: escaped(gettext(text))
        for name, text in (
            ("dimension", "Dimension"),
            ("period", "Period"),
            ("decided", "Status decided on"),
            ("status", "Status"),
            ("coordinators", "Coordinators"),
            ("measures", "Measures done"),
        )
    }
    co_label = f' <span class="muted">({escaped(gettext("co"))})</span>'
    rows = []
    for plan in plans:
        area = plan.priority_area
        area_name = f'<br><span class="muted">{shown(area.name)}</span>' if area else ""
        progress = (
            f'<td data-label="{label["measures"]}">{progress_cell(plan.list_progress)}</td>'
            if show_progress
            else ""
        )
        rows.append(
            "\n    <tr>\n"
            f'      <td data-label="{label["dimension"]}">'
            f"{escaped(plan.dimension.name)}{area_name}</td>\n"
            f'      <td class="plan-table__title">{plan_link(plan)}<br>'
            f'<span class="muted">{escaped(plan.get_kind_display())}</span></td>\n'
            f'      <td data-label="{label["period"]}">{_or_dash(plan.period)}</td>\n'
            f'      <td data-label="{label["decided"]}">'
            f"{_or_dash(plan.status_decided_display)}</td>\n"
            f'      <td data-label="{label["status"]}">{status_badge(plan)}</td>\n'
            f'      <td data-label="{label["coordinators"]}">{_coordinators(plan, co_label)}</td>\n'
            f"      {progress}\n    </tr>\n    "
        )
    return SafeString("".join(rows))
