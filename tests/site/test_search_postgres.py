"""Full-text search specifics; these run when the suite runs on PostgreSQL."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import translation

from cica_site import search
from tests.factories import (
    ParticipantFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
    ),
]


@pytest.mark.parametrize("language", list(search.LANGUAGE_SEARCH))
@pytest.mark.parametrize("source", search.SOURCES, ids=lambda source: source.key)
def test_search_reads_the_stored_vector_through_its_gin_index(source, language):
    """Each language's stored column has its GIN index (empty tables: forced)."""
    table = source.model._meta.db_table
    config, column = search.LANGUAGE_SEARCH[language]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM {table} WHERE {column} @@ "
            f"websearch_to_tsquery('{config}'::regconfig, %s)",
            ["panacea"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {table}_{column}" in plan, plan


@pytest.mark.parametrize("language", list(search.LANGUAGE_SEARCH))
@pytest.mark.parametrize("source", search.SOURCES, ids=lambda source: source.key)
def test_the_stored_vector_holds_the_weights_search_declares(source, language):
    """Migration 0011 writes the columns' expressions by hand: they must equal SOURCES'."""
    PublicationFactory(title="Water summit", standfirst="On water.", body="Water, water.")
    PublicationsPlanFactory(title="Water plan", summary="On water.", body="Water, water.")
    PublicationsEventFactory(title="Water meeting", summary="On water.", body="Water, water.")
    ParticipantFactory(
        name="Waterland", name_ru="Водная", official_name="Water", summary="Water, water."
    )
    FlatPage.objects.create(url="/about/water/", title="Water", content="Water, water.")
    table = source.model._meta.db_table
    column = search.LANGUAGE_SEARCH[language][1]
    rows = source.model.objects.annotate(
        stored=RawSQL(f'"{table}"."{column}"', [], output_field=SearchVectorField()),
        expected=source.vector(language),
    ).values_list("stored", "expected")
    assert rows and all(stored == expected for stored, expected in rows)


def test_english_stemming_finds_other_forms(client):
    PublicationFactory(title="Summit in Istanbul", standfirst="", body="")
    PublicationsPlanFactory(title="Combating illicit drug trafficking")
    text = client.get("/search/", {"q": "summits"}).content.decode()
    assert "Summit in Istanbul" in text
    assert "illicit drug trafficking" in client.get("/search/", {"q": "combat"}).content.decode()


def test_weights_rank_title_over_standfirst_over_body(client):
    PublicationFactory(title="Body", standfirst="", body="The word tourism is in the body.")
    PublicationFactory(title="Standfirst", standfirst="About tourism.", body="")
    PublicationFactory(title="Tourism in the title", standfirst="", body="")
    text = client.get("/search/", {"q": "tourism"}).content.decode()
    assert text.index("in the title") < text.index(">Standfirst<") < text.index(">Body<")


def test_headline_marks_the_stemmed_hit_in_the_snippet(client):
    PublicationFactory(
        title="Notes", standfirst="", body="Member states approved the action plans in Beijing."
    )
    text = client.get("/search/", {"q": "approve plan"}).content.decode()
    assert "<mark>approved</mark>" in text and "<mark>plans</mark>" in text


def test_stop_words_only_find_nothing_calmly(client):
    PublicationFactory(title="The and of")
    response = client.get("/search/", {"q": "the and of"})
    assert response.status_code == 200
    assert "Nothing found" in response.content.decode()


def russian_search(text):
    """The search page's groups as a Russian page gives them."""
    with translation.override("ru"):
        return search.search(search.normalise_query(text))


def test_russian_stemming_finds_other_forms_of_a_russian_word():
    PublicationFactory(
        title="Regional security", title_ru="Региональная безопасность", standfirst="", body=""
    )
    PublicationFactory(title="Trade", title_ru="Торговля", standfirst="", body="")
    groups = russian_search("безопасности")
    titles = [
        "".join(part.before + part.hit for part in r.title) for g in groups for r in g.results
    ]
    assert titles == ["Региональная безопасность"]
    # The English page searches the English text with English stemming.
    assert search.search("безопасности") == []
    assert [r.url for g in search.search("securities") for r in g.results]


def test_a_russian_page_finds_english_only_items_by_their_english_text():
    PublicationsPlanFactory(title="Combating illicit drug trafficking", summary="", body="")
    groups = russian_search("drugs")
    assert [g.key for g in groups] == ["plans"]


def test_russian_headlines_come_from_the_russian_text():
    PublicationFactory(
        title="Energy",
        title_ru="Энергетика",
        standfirst="Cooperation in energy.",
        standfirst_ru="Сотрудничество в области энергетической безопасности.",
        body="",
    )
    [group] = russian_search("безопасность")
    [result] = group.results
    assert [part.hit for part in result.snippet if part.hit] == ["безопасности"]
    assert "energy" not in "".join(part.before for part in result.snippet)
