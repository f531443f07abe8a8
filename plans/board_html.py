"""The status board's matrix rows and plan lists, written in Python.

Through the template each of the matrix's 40 cells (a link, a translated label, an
escaped and URL-encoded slug) and each listed plan took a third of the page's time
(issue 7). The bytes are those the template gave (tests/plans/test_board_html.py
compares them with the template, kept in tests/plans/reference_templates/).
"""

from django.template.defaultfilters import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import escaped, link, shown

from .templatetags.plan_items import status_badge

EMPTY_CELL = " status-matrix__cell--empty"


def _cell(list_url, dimension, slug, status, count):
    # As {% blocktranslate %}: the values are escaped, the translation is not.
    label = gettext("%(number)s in %(dimension)s: %(label)s") % {
        "number": shown(count),
        "dimension": escaped(dimension.name),
        "label": escaped(status.label),
    }
    return (
        f'\n        <td class="status-matrix__cell{"" if count else EMPTY_CELL}">'
        f'<a href="{list_url}?dimension={slug}&amp;status={escaped(status.value)}" '
        f'aria-label="{label}">{shown(count)}</a></td>\n        '
    )


def matrix_rows_html(rows, list_url):
    """The <tr> of each dimension (inside the matrix's <tbody>)."""
    list_url = escaped(list_url)
    parts = []
    for row in rows:
        dimension = row["dimension"]
        slug = escaped(urlencode(dimension.slug))
        cells = "".join(
            _cell(list_url, dimension, slug, status, count) for status, count in row["cells"]
        )
        parts.append(
            f'\n      <tr>\n        <th scope="row">{escaped(dimension.name)}</th>\n'
            f"        {cells}\n"
            f'        <td class="status-matrix__total"><a href="{list_url}?dimension={slug}">'
            f"{shown(row['total'])}</a></td>\n      </tr>\n      "
        )
    return SafeString("".join(parts))


def plan_link(plan):
    return link(plan.get_absolute_url(), plan.title)


def recently_changed_html(plans):
    """The <li> of each plan whose status changed lately (select_related dimension)."""
    return SafeString(
        "".join(
            f'\n    <li>{plan_link(plan)} {status_badge(plan)} <span class="muted">'
            f"{shown(plan.status_decided_display)} · {escaped(plan.dimension.name)}"
            "</span></li>\n    "
            for plan in plans
        )
    )


def period_ended_html(plans):
    """The <li> of each plan whose period ended without it being completed."""
    return SafeString(
        "".join(
            f'\n    <li>{plan_link(plan)} <span class="muted">({shown(plan.period)})</span> '
            f"{status_badge(plan)}</li>\n    "
            for plan in plans
        )
    )
