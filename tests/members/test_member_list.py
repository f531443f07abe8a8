"""The member list's table and its states by region, as a visitor reads them."""

import datetime

import pytest
from django.utils.text import slugify
from pytest_django.asserts import assertContains, assertNotContains

from core.partial_dates import DatePrecision
from core.publishing import PublicationStatus
from tests.factories import ParticipantFactory, StatusChangeFactory, member_state

pytestmark = pytest.mark.django_db


def joined(name, iso_code, date, precision=DatePrecision.YEAR, **kwargs):
    state = ParticipantFactory(name=name, slug=slugify(name), iso_code=iso_code, **kwargs)
    StatusChangeFactory(participant=state, date=date, precision=precision)
    return state


def member_table(html):
    return html[html.index('<table class="data-table">') : html.index("</table>")]


def region_list(html):
    return html[html.index('<dl class="region-list">') : html.index("</dl>")]


def test_each_member_state_is_a_row_linking_to_its_page_with_its_accession(client):
    joined("Freedonia", "KG", datetime.date(2014, 5, 1), DatePrecision.MONTH)
    joined("Sylvania", "CN", datetime.date(2022, 10, 13), DatePrecision.DAY)
    joined("Founderland", "KZ", datetime.date(2002, 1, 1), DatePrecision.BY_YEAR)
    joined("Date Unknown", "IN", None)
    response = client.get("/members/")
    row = '<tr><td><a href="/members/{}/">{}</a></td><td>{}</td></tr>'
    assertContains(response, row.format("freedonia", "Freedonia", "May 2014"), html=True)
    assertContains(response, row.format("sylvania", "Sylvania", "13 October 2022"), html=True)
    assertContains(response, row.format("founderland", "Founderland", "by 2002"), html=True)
    assertContains(response, row.format("date-unknown", "Date Unknown", "unknown"), html=True)
    assert member_table(response.content.decode()).count("<tr>") == 1 + 4  # header and states


def test_observers_and_drafts_are_not_member_rows(client):
    member_state(name="Memberland")
    observer = ParticipantFactory(name="Watcherland")
    StatusChangeFactory(participant=observer, status="observer", date=None)
    member_state(name="Secretland", publication_status=PublicationStatus.DRAFT)
    html = client.get("/members/").content.decode()
    assert ">Memberland<" in member_table(html)
    assert "Watcherland" not in member_table(html) and "Watcherland" in html
    assert "Secretland" not in html


def test_staff_see_draft_members_in_a_page_no_cache_keeps(staff_client):
    member_state(name="Secretland", publication_status=PublicationStatus.DRAFT)
    response = staff_client.get("/members/")
    assert ">Secretland<" in member_table(response.content.decode())
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_hostile_names_are_escaped_in_the_table_and_the_regions(client):
    joined('Ruritania & "Co" <east>', "KZ", datetime.date(2002, 1, 1))
    response = client.get("/members/")
    html = response.content.decode()
    escaped_name = "Ruritania &amp; &quot;Co&quot; &lt;east&gt;"
    assert escaped_name in member_table(html) and escaped_name in region_list(html)
    assertNotContains(response, "<east>")


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("name", ["Alpha", "Beta", "Gamma"]),
        ("-name", ["Gamma", "Beta", "Alpha"]),
        ("year", ["Beta", "Gamma", "Alpha"]),  # Beta and Gamma joined together: by name
        ("-year", ["Alpha", "Beta", "Gamma"]),
    ],
)
def test_rows_follow_the_sort_and_the_header_offers_the_reverse(client, sort, order):
    member_state(name="Gamma", year=2002)
    member_state(name="Alpha", year=2010)
    member_state(name="Beta", year=2002)
    response = client.get("/members/", {"sort": sort})
    table = member_table(response.content.decode())
    positions = [table.index(f">{name}<") for name in order]
    assert positions == sorted(positions)
    column = "name" if sort.endswith("name") else "year"
    ascending = not sort.startswith("-")
    assert f'aria-sort="{"ascending" if ascending else "descending"}"' in table
    assert f'href="?sort={"-" if ascending else ""}{column}"' in table


def test_states_are_grouped_by_subregion_west_to_east_with_their_counts(client):
    for name, iso_code in [
        ("Uzbekistan", "UZ"),
        ("Mongolia", "MN"),
        ("Kazakhstan", "KZ"),
        ("Egypt", "EG"),
        ("Atlantis", ""),
    ]:
        joined(name, iso_code, datetime.date(2002, 1, 1))
    response = client.get("/members/")
    regions = region_list(response.content.decode())
    assert regions.count('<div class="region-list__group">') == 4
    group = (
        '<div class="region-list__group"><dt>{} <span class="muted">({})</span></dt>'
        "<dd>{}</dd></div>"
    )
    central_asia = group.format(
        "Central Asia",
        2,
        '<a href="/members/kazakhstan/">Kazakhstan</a>, '
        '<a href="/members/uzbekistan/">Uzbekistan</a>',
    )
    assertContains(response, central_asia, html=True)
    unclassified = group.format("Not classified", 1, '<a href="/members/atlantis/">Atlantis</a>')
    assertContains(response, unclassified, html=True)
    order = ["Northern Africa", "Central Asia", "Eastern Asia", "Not classified"]
    positions = [regions.index(f"<dt>{name} ") for name in order]
    assert positions == sorted(positions)


def test_no_members_gives_an_empty_table_and_no_regions(client):
    response = client.get("/members/")
    html = response.content.decode()
    assert response.status_code == 200
    assert member_table(html).count("<tr>") == 1
    assert "region-list__group" not in region_list(html)


def test_the_regions_are_drawn_once_and_their_list_is_folded_under_the_drawing(client):
    member_state(name="Memberland")
    html = client.get("/members/").content.decode()
    regions = html[html.index('<section aria-labelledby="regions-heading">') :]
    regions = regions[: regions.index("</section>")]
    assert regions.count('<dl class="region-list">') == 1
    folded = regions[
        regions.index('<details class="region-details">') : regions.index("</details>")
    ]
    assert "<summary>The regions as a list</summary>" in folded
    assert '<dl class="region-list">' in folded
