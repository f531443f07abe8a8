"""Full-text search specifics; these run when the suite runs on PostgreSQL."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models.expressions import RawSQL

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


@pytest.mark.parametrize("source", search.SOURCES, ids=lambda source: source.key)
def test_search_reads_the_stored_vector_through_its_gin_index(source):
    """The stored column search matches on has its GIN index (empty tables: forced)."""
    table = source.model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM {table} WHERE {search.VECTOR_COLUMN} @@ "
            f"websearch_to_tsquery('{search.SEARCH_CONFIG}'::regconfig, %s)",
            ["panacea"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {table}_search_vector" in plan, plan


@pytest.mark.parametrize("source", search.SOURCES, ids=lambda source: source.key)
def test_the_stored_vector_holds_the_weights_search_declares(source):
    """Migrations 0004 and 0008 write the columns' expressions by hand: they must equal SOURCES'."""
    PublicationFactory(title="Water summit", standfirst="On water.", body="Water, water.")
    PublicationsPlanFactory(title="Water plan", summary="On water.", body="Water, water.")
    PublicationsEventFactory(title="Water meeting", summary="On water.", body="Water, water.")
    ParticipantFactory(name="Waterland", official_name="Water", summary="Water, water.")
    FlatPage.objects.create(url="/about/water/", title="Water", content="Water, water.")
    table = source.model._meta.db_table
    rows = source.model.objects.annotate(
        stored=RawSQL(f'"{table}"."{search.VECTOR_COLUMN}"', [], output_field=SearchVectorField()),
        expected=source.vector(),
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
