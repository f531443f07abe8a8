import datetime
import html
import re

import pytest
import time_machine
from django.test import Client

from core.publishing import PublicationStatus
from publications.models import PublicationKind
from tests.factories import (
    ParticipantFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/publications/"


def titles_in(response):
    return re.findall(r'class="publication-card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def make_publications(count):
    for index in range(count):
        publication = PublicationFactory(
            title=f"Item {index:03d}",
            kind=PublicationKind.values[index % len(PublicationKind.values)],
            posted_on=datetime.date(2015 + index % 8, 1 + index % 12, 1),
        )
        publication.related_states.add(ParticipantFactory())
        publication.related_plans.add(PublicationsPlanFactory())
        publication.related_events.add(PublicationsEventFactory())
    return publication


def test_list_is_newest_first(client):
    PublicationFactory(title="Older", posted_on=datetime.date(2019, 5, 1))
    PublicationFactory(title="Newest", posted_on=datetime.date(2021, 1, 2))
    PublicationFactory(title="Middle", posted_on=datetime.date(2020, 3, 3))
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert titles_in(response) == ["Newest", "Middle", "Older"]


def test_list_filters_by_kind_and_year(client):
    PublicationFactory(title="An interview", kind="interview", posted_on=datetime.date(2020, 3, 3))
    PublicationFactory(title="Old interview", kind="interview", posted_on=datetime.date(2009, 1, 1))
    PublicationFactory(title="A speech", kind="speech", posted_on=datetime.date(2020, 5, 1))
    assert titles_in(client.get(LIST_URL, {"kind": "interview"})) == [
        "An interview",
        "Old interview",
    ]
    assert titles_in(client.get(LIST_URL, {"year": "2020"})) == ["A speech", "An interview"]
    both = client.get(LIST_URL, {"kind": "interview", "year": "2020"})
    assert titles_in(both) == ["An interview"]
    assert '<option value="2009">2009</option>' in both.text


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "gossip"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"year": "1999"},
        {"kind": "<script>alert(1)</script>"},
        {"year": "2020'; DROP TABLE publications_publication;--"},
    ],
)
def test_invalid_filters_show_a_form_error_not_a_crash(client, params):
    PublicationFactory(title="Something", posted_on=datetime.date(2020, 1, 1))
    response = client.get(LIST_URL, params)
    assert response.status_code == 200
    assert 'class="errorlist"' in response.text
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999", "1.5"])
def test_bad_page_numbers_give_404(client, page):
    make_publications(3)
    assert client.get(LIST_URL, {"page": page}).status_code == 404


def test_list_paginates_and_keeps_the_filter_in_page_links(client):
    for index in range(15):
        PublicationFactory(title=f"News {index:02d}", kind="news")
    first = client.get(LIST_URL, {"kind": "news"})
    assert len(titles_in(first)) == 12
    assert "?kind=news&amp;page=2" in first.text
    second = client.get(LIST_URL, {"kind": "news", "page": 2})
    assert len(titles_in(second)) == 3


def test_drafts_scheduled_and_withdrawn_never_listed(client):
    PublicationFactory(title="Visible item")
    PublicationFactory(title="Draft item", publication_status=PublicationStatus.DRAFT)
    PublicationFactory(title="Withdrawn item", publication_status=PublicationStatus.WITHDRAWN)
    PublicationFactory(
        title="Scheduled item",
        publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
    )
    assert titles_in(client.get(LIST_URL)) == ["Visible item"]


def test_list_links_the_feeds(client):
    response = client.get(LIST_URL, {"kind": "speech"})
    assert 'type="application/rss+xml"' in response.text
    assert 'type="application/rss+xml"' in response.text
    assert response.text.count('href="/publications/feed/speech/rss/"') == 2
    assert response.text.count('href="/publications/feed/speech/atom/"') == 2
    assert client.get(LIST_URL).text.count('href="/publications/feed/rss/"') == 2


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_is_constant(client, django_assert_max_num_queries, count):
    make_publications(count)
    with django_assert_max_num_queries(3):
        assert client.get(LIST_URL, {"kind": "news"}).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(LIST_URL).status_code == 200


def test_detail_page_frame(client):
    publication = PublicationFactory(
        title="Dulat Bakishev: CICA is not a panacea for all sores.",
        slug="seed",
        kind="interview",
        posted_on=datetime.date(2020, 3, 3),
        author="Nikolay Limov (Izvestia-Kazakhstan)",
        speaker="Dulat Bakishev",
        body="Q: A question?\n\nA: An answer.",
    )
    response = client.get(publication.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    breadcrumbs = text[
        text.index('aria-label="Breadcrumb"') : text.index(
            "</nav>", text.index('aria-label="Breadcrumb"')
        )
    ]
    assert re.findall(r">([^<>]+)</(?:a|li)>", breadcrumbs) == [
        "Home",
        "About CICA",
        "Publications",
        html.escape(publication.title, quote=False),
    ]
    assert '<a href="/about/">About CICA</a>' in breadcrumbs
    assert "Posted on:" in text and "3 March 2020" in text
    assert 'class="publication__back no-print" href="/publications/">Back</a>' in text
    assert "data-print" in text and ">Print</button>" in text
    assert "js/print.js" in text
    assert "<script>" not in text  # no inline script, only the static file
    assert '<p class="qa-question">Q: A question?</p>' in text
    assert '<p class="qa-answer">A: An answer.</p>' in text
    assert "Nikolay Limov (Izvestia-Kazakhstan)" in text


def test_print_keeps_title_date_and_text_only(client):
    publication = PublicationFactory(body="The text.")
    publication.related_plans.add(PublicationsPlanFactory(title="Linked plan"))
    text = client.get(publication.get_absolute_url()).text
    # static/css/print.css hides .no-print: the kind, Back, Print and related items.
    assert '<p class="eyebrow no-print">' in text
    assert 'class="publication__back no-print"' in text
    assert 'class="publication__print no-print"' in text
    assert '<aside class="related no-print"' in text
    assert '<span class="publication__date">' in text
    assert "<h1>" in text and "<p>The text.</p>" in text


def test_detail_page_has_canonical_and_open_graph_tags(client):
    publication = PublicationFactory(title="Tagged", slug="tagged", standfirst="The lead.")
    text = client.get(publication.get_absolute_url()).text
    assert '<link rel="canonical" href="http://testserver/publications/tagged/">' in text
    assert '<meta property="og:title" content="Tagged">' in text
    assert '<meta property="og:description" content="The lead.">' in text
    assert '<meta property="og:url" content="http://testserver/publications/tagged/">' in text
    assert '<meta property="og:type" content="article">' in text
    assert 'name="robots"' not in text


def test_detail_shows_only_published_related_items(client):
    publication = PublicationFactory()
    publication.related_states.add(
        ParticipantFactory(name="Public State"),
        ParticipantFactory(name="Hidden State", publication_status=PublicationStatus.DRAFT),
    )
    publication.related_plans.add(
        PublicationsPlanFactory(title="Public Plan"),
        PublicationsPlanFactory(title="Hidden Plan", publication_status=PublicationStatus.DRAFT),
    )
    publication.related_events.add(
        PublicationsEventFactory(title="Public Event"),
        PublicationsEventFactory(title="Hidden Event", publication_status=PublicationStatus.DRAFT),
    )
    text = client.get(publication.get_absolute_url()).text
    for shown in ("Public State", "Public Plan", "Public Event"):
        assert shown in text
    for hidden in ("Hidden State", "Hidden Plan", "Hidden Event"):
        assert hidden not in text
    assert 'class="related no-print"' in text


def test_stored_html_is_sanitised_again_on_output(client):
    publication = PublicationFactory(slug="tampered")
    type(publication).objects.filter(pk=publication.pk).update(
        body_html='<p onclick="alert(1)">Hi</p><script>alert(2)</script>'
    )
    text = client.get(publication.get_absolute_url()).text
    assert "<p>Hi</p>" in text
    assert "alert(" not in text


def test_unknown_slug_is_404(client):
    assert client.get("/publications/no-such-thing/").status_code == 404


def test_draft_is_404_for_visitors_and_a_preview_for_staff(staff_client):
    draft = PublicationFactory(
        title="Draft publication", publication_status=PublicationStatus.DRAFT
    )
    assert Client().get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not published" in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_published_page_for_staff_is_not_a_preview(staff_client):
    publication = PublicationFactory()
    response = staff_client.get(publication.get_absolute_url())
    assert "Preview: not published" not in response.text
    assert '<meta name="robots" content="noindex">' not in response.text


def test_scheduled_publication_goes_live_without_anyone_acting(client):
    publish_at = datetime.datetime(2031, 1, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(publish_at - datetime.timedelta(minutes=5), tick=False):
        publication = PublicationFactory(title="Embargoed statement", publish_at=publish_at)
        assert client.get(publication.get_absolute_url()).status_code == 404
        assert "Embargoed statement" not in client.get(LIST_URL).text
    with time_machine.travel(publish_at + datetime.timedelta(minutes=5), tick=False):
        assert client.get(publication.get_absolute_url()).status_code == 200
        assert "Embargoed statement" in client.get(LIST_URL).text


@pytest.mark.parametrize("count", [2, 20])
def test_detail_query_count_is_constant(client, django_assert_max_num_queries, count):
    publication = PublicationFactory()
    for _ in range(count):
        publication.related_states.add(ParticipantFactory())
        publication.related_plans.add(PublicationsPlanFactory())
        publication.related_events.add(PublicationsEventFactory())
    with django_assert_max_num_queries(4):
        assert client.get(publication.get_absolute_url()).status_code == 200
