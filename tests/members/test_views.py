import datetime

import pytest
from django.urls import reverse

from core.publishing import PublicationStatus
from tests.factories import (
    ChairmanshipFactory,
    ParticipantFactory,
    StatusChangeFactory,
    member_state,
)

pytestmark = pytest.mark.django_db


def make_states(count):
    for index in range(count):
        state = member_state(name=f"Member {index:03d}", year=2000 + index % 25)
        ChairmanshipFactory(state=state, start_year=2000 + index, end_year=2001 + index)
    observer = ParticipantFactory(name="Observer Land")
    StatusChangeFactory(participant=observer, status="observer", date=None)
    organisation = ParticipantFactory(name="Some Organisation", kind="organisation")
    StatusChangeFactory(participant=organisation, status="observer", date=None)


def test_member_list_shows_members_observers_and_chart(client):
    make_states(3)
    response = client.get(reverse("members:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Member 000" in html
    assert "Observer Land" in html
    assert "Some Organisation" in html
    assert "<svg" in html and 'role="img"' in html


def test_drafts_are_not_listed_or_reachable(client):
    make_states(1)
    draft = member_state(name="Secret State", publication_status=PublicationStatus.DRAFT)
    assert "Secret State" not in client.get(reverse("members:list")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_may_preview_a_draft_member(staff_client):
    draft = member_state(name="Draft State", publication_status=PublicationStatus.DRAFT)
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft State" in response.content.decode()


@pytest.mark.parametrize("sort", ["name", "-name", "year", "-year"])
def test_sorting(client, sort):
    member_state(name="Alpha", year=2010)
    member_state(name="Beta", year=2002)
    html = client.get(reverse("members:list"), {"sort": sort}).content.decode()
    first_by = {"name": "Alpha", "-name": "Beta", "year": "Beta", "-year": "Alpha"}[sort]
    other = "Beta" if first_by == "Alpha" else "Alpha"
    assert html.index(f">{first_by}<") < html.index(f">{other}<")


@pytest.mark.parametrize("sort", ["bogus", "name;DROP TABLE", "", "-", "accession_date__foo"])
def test_bad_sort_falls_back_to_name_order(client, sort):
    member_state(name="Alpha", year=2010)
    member_state(name="Beta", year=2002)
    response = client.get(reverse("members:list"), {"sort": sort})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(">Alpha<") < html.index(">Beta<")


@pytest.mark.parametrize("count", [5, 50])
def test_member_list_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_states(count)
    with django_assert_max_num_queries(4):
        assert client.get(reverse("members:list")).status_code == 200


def test_member_detail_shows_history_and_chairmanships(client):
    state = member_state(name="Kazakhstan", year=2002)
    ChairmanshipFactory(state=state, start_year=2002, end_year=2010)
    response = client.get(reverse("members:detail", kwargs={"slug": state.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kazakhstan" in html
    assert "2002–2010" in html
    assert "Member state" in html


@pytest.mark.parametrize("count", [5, 50])
def test_member_detail_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_states(count)
    state = member_state(name="Target", year=2003)
    with django_assert_max_num_queries(6):
        assert client.get(state.get_absolute_url()).status_code == 200


def test_unknown_member_is_404_in_the_site_frame(client):
    response = client.get("/members/no-such-state/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "skip-link" in response.content.decode()


def test_year_precision_shows_year_not_invented_day(client):
    member_state(name="Yearland", year=2010)
    html = client.get(reverse("members:list")).content.decode()
    assert "1 January 2010" not in html
    assert ">2010<" in html


def test_home_page_shows_member_count_and_chair(client):
    state = member_state(name="Chairland", year=2002)
    this_year = datetime.date.today().year
    ChairmanshipFactory(state=state, start_year=this_year - 1, end_year=this_year + 1)
    html = client.get("/").content.decode()
    assert "Chairland" in html
    assert "1 member state" in html
