"""Full-text search specifics; these run when the suite runs on PostgreSQL."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from cica_site import search
from tests.factories import PublicationFactory, PublicationsPlanFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
    ),
]

INDEX_NAMES = {
    "publications": "publications_publication_search_gin",
    "plans": "plans_plan_search_gin",
    "events": "events_event_search_gin",
    "members": "members_participant_search_gin",
}


@pytest.mark.parametrize("source", search.SOURCES, ids=lambda source: source.key)
def test_the_gin_index_matches_the_search_expression(source):
    """The planner can only use an expression index for the very same expression."""
    model = source.queryset().model
    query = SearchQuery("panacea", search_type="websearch", config=search.SEARCH_CONFIG)
    queryset = model.objects.alias(search=source.vector()).filter(search=query).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert f"Bitmap Index Scan on {INDEX_NAMES[source.key]}" in plan, plan


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
