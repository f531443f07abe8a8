"""The member list's table rows and its list of states by region, written in Python.

With every member state listed twice (the table and the regions), through the template
these took about 4.5 ms, a fifth of the page (issue 7). The bytes are those the
template gave (tests/members/test_list_html.py compares them with the template, kept in
tests/members/reference_templates/participant_list.html).
"""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import link, shown
from core.slug_urls import slug_url_function


def _detail_url():
    """Participant.get_absolute_url for many states, with the URL prefix read once."""
    return slug_url_function("members:detail")


def member_rows_html(member_states):
    """The <tr> of each member state (inside the table's <tbody>)."""
    # As {{ value|default:_("unknown") }}: a translated literal is not escaped.
    unknown = gettext("unknown")
    detail_url = _detail_url()
    return SafeString(
        "".join(
            f"\n      <tr>\n        <td>{link(detail_url(state.slug), state.name)}</td>\n"
            f"        <td>{shown(state.accession_display) if state.accession_display else unknown}"
            "</td>\n      </tr>\n      "
            for state in member_states
        )
    )


def region_groups_html(regions):
    """A <div> of each region (members.regions.group_by_subregion) and its states."""
    detail_url = _detail_url()
    return SafeString(
        "".join(
            '\n    <div class="region-list__group">\n'
            f'      <dt>{shown(region.name)} <span class="muted">({shown(len(region.states))})'
            "</span></dt>\n"
            f"      <dd>{', '.join(link(detail_url(s.slug), s.name) for s in region.states)}"
            "</dd>\n    </div>\n    "
            for region in regions
        )
    )
