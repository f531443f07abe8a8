import datetime
import re

import pytest
from django.db import connection

from cica_site import search
from core.publishing import PublicationStatus
from publications import demo as publications_demo
from tests.factories import (
    ParticipantFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
)

pytestmark = pytest.mark.django_db


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def group_headings(main):
    return re.findall(r'<h2 id="results-[a-z]+-heading">([^<]+)</h2>', main)


def test_finds_the_seed_interview_by_panacea_with_a_highlighted_snippet(client):
    publications_demo.load()
    response = client.get("/search/", {"q": "panacea"})
    assert response.status_code == 200
    main = main_of(response)
    assert "Dulat Bakishev: CICA is not a <mark>panacea</mark> for all sores<" in main
    assert 'href="/publications/dulat-bakishev-cica-is-not-a-panacea-for-all-sores/"' in main
    assert 'class="search-result__snippet"' in main
    snippet = main[main.index('class="search-result__snippet"') :]
    assert "<mark>panacea</mark>" in snippet[: snippet.index("</p>")]


def test_finds_a_plan_by_a_word_of_its_title(client):
    PublicationsPlanFactory(title="Concept Paper on Combating Illicit Drug Trafficking")
    PublicationsPlanFactory(title="Action Plan on Tourism")
    main = main_of(client.get("/search/", {"q": "trafficking"}))
    assert group_headings(main) == ["Action plans and concept papers"]
    assert "Illicit Drug <mark>Trafficking</mark>" in main
    assert "Tourism" not in main


def test_results_are_grouped_by_type(client):
    ParticipantFactory(name="Kazakhstan", summary="A founding member.")
    PublicationsPlanFactory(title="Plan agreed in Kazakhstan")
    PublicationsEventFactory(title="Summit in Kazakhstan")
    PublicationFactory(title="Kazakhstan chairs CICA")
    main = main_of(client.get("/search/", {"q": "Kazakhstan"}))
    assert group_headings(main) == [
        "Publications",
        "Action plans and concept papers",
        "Events",
        "Members and observers",
    ]
    assert "4 results" in main


def test_title_matches_rank_first(client):
    PublicationFactory(title="Notes", standfirst="", body="Tourism is mentioned in passing.")
    PublicationFactory(title="Tourism action plan approved")
    main = main_of(client.get("/search/", {"q": "tourism"}))
    assert main.index("action plan approved") < main.index("Notes")


@pytest.mark.parametrize(
    "status", [PublicationStatus.DRAFT, PublicationStatus.WITHDRAWN, "scheduled"]
)
def test_unpublished_items_never_appear(client, status):
    extra = (
        {"publish_at": datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)}
        if status == "scheduled"
        else {"publication_status": status}
    )
    ParticipantFactory(name="Zqx State", **extra)
    PublicationsPlanFactory(title="Zqx plan", **extra)
    PublicationsEventFactory(title="Zqx event", **extra)
    PublicationFactory(title="Zqx publication", **extra)
    PublicationFactory(title="Zqx visible news")
    main = main_of(client.get("/search/", {"q": "zqx"}))
    assert main.count('class="search-result__title"') == 1
    assert "visible news" in main
    for hidden in ("State", "plan", "event", "publication"):
        assert f"<mark>Zqx</mark> {hidden}" not in main


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "a",
        "я",
        "!",
        "x" * 1000,
        "panacea " * 150,
        "Казахстан",
        "СВМДА Секретариат",
        "مؤتمر التفاعل",
        "中亚",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"unterminated',
        "-not -only -negatives",
        "a & b | c ! d <-> e",
        "nul\x00byte",
        "\ud7ff\ue000\ue001",
        "🙂 emoji",
    ],
)
def test_any_query_answers_calmly(client, query):
    PublicationFactory(title="Казахстан и СВМДА", body="مؤتمر التفاعل وتدابير بناء الثقة في آسيا")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    main = main_of(response)
    assert "<script>alert(1)</script>" not in main


def test_one_letter_asks_for_more(client):
    main = main_of(client.get("/search/", {"q": "a"}))
    assert "Please type at least two letters or digits." in main


def test_long_query_is_shortened_and_says_so(client):
    response = client.get("/search/", {"q": "panacea " + "x" * 995})
    main = main_of(response)
    assert "Only the first 200 characters were used." in main
    assert f'maxlength="{search.MAX_QUERY_LENGTH}"' in main


def test_cyrillic_and_arabic_text_is_found(client):
    PublicationFactory(title="Казахстан и СВМДА", body="مؤتمر التفاعل وتدابير بناء الثقة في آسيا")
    assert "<mark>Казахстан</mark>" in main_of(client.get("/search/", {"q": "Казахстан"}))
    assert "<mark>التفاعل</mark>" in main_of(client.get("/search/", {"q": "التفاعل"}))


def test_stored_markup_is_escaped_in_titles_and_snippets(client):
    PublicationFactory(
        title="<b>Bold</b> hostile <script>alert(1)</script> title",
        standfirst="hostile <img src=x onerror=alert(2)> standfirst",
    )
    main = main_of(client.get("/search/", {"q": "hostile"}))
    assert "<script>" not in main and "<img" not in main and "<b>Bold" not in main
    assert "&lt;b&gt;Bold&lt;/b&gt; <mark>hostile</mark> &lt;script&gt;" in main


def test_highlight_marks_word_starts_only(client):
    PublicationFactory(title="Plans and explanation")
    main = main_of(client.get("/search/", {"q": "plan"}))
    assert "<mark>Plan</mark>s and explanation" in main


def test_highlight_never_breaks_entities(client):
    PublicationFactory(title='Tom & Jerry say "quot" amp')
    main = main_of(client.get("/search/", {"q": "quot tom jerry amp"}))
    assert (
        "<mark>Tom</mark> &amp; <mark>Jerry</mark> say &quot;<mark>quot</mark>&quot; "
        "<mark>amp</mark>"
    ) in main


def test_only_the_headline_markers_make_hits():
    stretches = search._mark_hits("a <b>\ue000hit\ue001</b> \ue000stray", ["hit"], marked=True)
    assert stretches == [search.Stretch("a <b>", "hit"), search.Stretch("</b> stray")]


def test_each_group_is_capped_and_counts_every_match(client):
    for index in range(search.RESULTS_PER_GROUP + 5):
        PublicationFactory(title=f"Capped item {index}")
    main = main_of(client.get("/search/", {"q": "capped"}))
    assert main.count('class="search-result__title"') == search.RESULTS_PER_GROUP
    assert "15 results for “capped”." in main
    assert "Showing the best 10 matches" in main


def test_past_the_bound_the_count_says_more_than(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    for index in range(5):
        PublicationFactory(title=f"Bounded news {index}")
        PublicationsEventFactory(title=f"Bounded meeting {index}")
    PublicationsPlanFactory(title="Bounded plan")
    main = main_of(client.get("/search/", {"q": "bounded"}))
    assert "More than 7 results for “bounded”." in main
    assert "Publications (more than 3)" in main and "Events (more than 3)" in main
    assert "Action plans and concept papers (1)" in main
    # The best of the candidates are shown: one more than the bound, whatever the total.
    assert main.count('class="search-result__title"') == 4 + 4 + 1


@pytest.mark.parametrize("count", [2, 25])
def test_search_query_count_is_constant(client, django_assert_max_num_queries, count):
    for index in range(count):
        ParticipantFactory(name=f"Common State {index}")
        PublicationsPlanFactory(title=f"Common plan {index}")
        PublicationsEventFactory(title=f"Common event {index}")
        PublicationFactory(title=f"Common publication {index}")
    # One query per group: members, plans, events, publications, About pages.
    with django_assert_max_num_queries(5):
        assert client.get("/search/", {"q": "common"}).status_code == 200


def test_backend_in_use_is_reported_by_vendor():
    # SQLite uses the fallback, PostgreSQL full-text search (tests for both run in CI).
    assert connection.vendor in {"sqlite", "postgresql"}
