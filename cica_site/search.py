"""One search box over members, plans, events and publications (published items only).

On PostgreSQL: full-text search with weighted vectors (title A, summary B, body C),
English stemming, ranking and ts_headline snippets. Each table stores its vector in a
generated, GIN-indexed column (cica_site migration 0004), so that neither matching nor
ranking re-parses the text; the weights there must stay those of SOURCES below. On
SQLite: every word must appear somewhere, titles that contain the words rank first.

Whatever the backend, one query per group: at most RESULTS_PER_GROUP results each, the
best of at most CANDIDATES + 1 matches, whose number is shown ("more than 500" beyond).
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.expressions import Col, OrderBy
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.queries import keys_first, planned_for_their_values
from events.models import Event
from members.models import Participant
from plans.models import Plan
from publications.models import Publication

MAX_QUERY_LENGTH = 200
MIN_QUERY_LENGTH = 2
MAX_WORDS = 8
RESULTS_PER_GROUP = 10
# Matches ranked per group, at most: a common word matches thousands of items.
CANDIDATES = 500
SEARCH_CONFIG = "english"
# Private-use characters: ts_headline marks hits with them; the template marks those
# pieces, escaped like the rest, so stored text can never become markup.
HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    # (field, weight) in the order the vector concatenates them.
    weighted_fields: tuple
    snippet_fields: tuple
    queryset: callable
    describe: callable

    @property
    def title_field(self):
        return self.weighted_fields[0][0]

    def vector(self):
        return search_vector(self.weighted_fields)


# The generated tsvector column of each searchable table (PostgreSQL only).
VECTOR_COLUMN = "search_vector"


def stored_vector(model):
    """The stored, indexed vector of the model's table: what search matches and ranks.

    A column the model does not declare (SQLite has none), named like one of its
    fields, so that the ORM names its table right in a subquery too.
    """
    column = SearchVectorField()
    column.set_attributes_from_name(VECTOR_COLUMN)
    column.model = model
    return Col(model._meta.db_table, column)


def search_vector(weighted_fields):
    """The tsvector expression the stored column holds (kept for tests and comparisons)."""
    return functools.reduce(
        operator.add,
        (
            SearchVector(name, weight=weight, config=SEARCH_CONFIG)
            for name, weight in weighted_fields
        ),
    )


def _describe_participant(participant):
    return participant.get_current_status_display() or participant.get_kind_display()


def _describe_plan(plan):
    return f"{plan.get_kind_display()} · {plan.dimension} · {plan.get_status_display()}"


def _describe_event(event):
    return ", ".join(part for part in (event.date_display, event.city) if part)


def _describe_publication(publication):
    return f"{publication.get_kind_display()} · {date_format(publication.posted_on)}"


SOURCES = (
    Source(
        key="publications",
        label=_("Publications"),
        weighted_fields=(("title", "A"), ("standfirst", "B"), ("body", "C")),
        snippet_fields=("standfirst", "body"),
        queryset=lambda: Publication.objects.published(),
        describe=_describe_publication,
    ),
    Source(
        key="plans",
        label=_("Action plans and concept papers"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        snippet_fields=("summary", "body"),
        queryset=lambda: Plan.objects.published().select_related("dimension"),
        describe=_describe_plan,
    ),
    Source(
        key="events",
        label=_("Events"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        snippet_fields=("summary", "body"),
        queryset=lambda: Event.objects.published(),
        describe=_describe_event,
    ),
    Source(
        key="members",
        label=_("Members and observers"),
        weighted_fields=(("name", "A"), ("official_name", "B"), ("summary", "C")),
        snippet_fields=("official_name", "summary"),
        queryset=lambda: Participant.objects.published(),
        describe=_describe_participant,
    ),
)


class Piece(NamedTuple):
    """A stretch of a title or snippet; the template marks the hits (<mark>)."""

    text: str
    hit: bool = False


@dataclass
class Result:
    title: list
    url: str
    description: str
    snippet: list


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    # Published items that match, counted up to CANDIDATES + 1.
    found: int = 0

    @property
    def has_more(self):
        return self.found > len(self.results)

    @property
    def found_more_than_counted(self):
        return self.found > CANDIDATES


def normalise_query(raw):
    """Printable text, single spaces, at most MAX_QUERY_LENGTH characters."""
    text = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char
        for char in (raw or "")[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_words(query):
    return [word for word in re.findall(r"\w+", query) if len(word) >= MIN_QUERY_LENGTH][:MAX_WORDS]


def search(query):
    """Groups of results for a normalised query (empty groups left out)."""
    words = query_words(query)
    if not words:
        return []
    use_full_text = connection.vendor == "postgresql"
    groups = []
    for source in SOURCES:
        if use_full_text:
            with planned_for_their_values(connection):
                rows = list(full_text_matches(source, query))
        else:
            rows = list(fallback_matches(source, words))
        group = Group(key=source.key, label=source.label, found=rows[0].found if rows else 0)
        for obj in rows:
            text = getattr(obj, "headline", None) if use_full_text else None
            snippet = text if text is not None else _plain_snippet(obj, source, words)
            group.results.append(
                Result(
                    title=highlight(getattr(obj, source.title_field), words),
                    url=obj.get_absolute_url(),
                    description=source.describe(obj),
                    snippet=_mark_hits(_tidy_markdown(snippet), words, marked=use_full_text),
                )
            )
        if group.results:
            groups.append(group)
    return groups


def _best_of_candidates(matching, ranking):
    """The best RESULTS_PER_GROUP of at most CANDIDATES + 1 matching items, each with
    ``found``, the number of candidates (the matches, counted up to that bound).

    Ranking every match of a common word read each of thousands of rows (a fifth of
    a second for "security" at full scale, bench/README.md); the candidates are the
    first the index gives, so a search reads at most that many whatever the word.
    Below the bound the results are those of ranking every match.
    """
    candidates = keys_first(matching.order_by(), 0, CANDIDATES + 1)
    return candidates.annotate(found=Window(Count("pk"))).order_by(*ranking, "pk")[
        :RESULTS_PER_GROUP
    ]


def _snippet_text(source):
    # The snippet fields joined by spaces, a missing one left out.
    fields = [F(name) for name in source.snippet_fields]
    return Func(Value(" "), *fields, function="CONCAT_WS", output_field=TextField())


def full_text_matches(source, query):
    """PostgreSQL: the items whose stored vector matches the query (websearch syntax),
    best ranked first, each with a ``headline`` of its text."""
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    published = source.queryset()
    vector = stored_vector(published.model)
    matching = published.filter(SearchVectorExact(vector, search_query))
    return _best_of_candidates(
        matching, ranking=[SearchRank(vector, search_query).desc()]
    ).annotate(
        headline=SearchHeadline(
            _snippet_text(source),
            search_query,
            config=SEARCH_CONFIG,
            start_sel=HIT_START,
            stop_sel=HIT_END,
            max_fragments=2,
            min_words=10,
            max_words=30,
            fragment_delimiter=" … ",
        )
    )


def fallback_matches(source, words):
    """Other databases: items holding every word somewhere, title hits first."""
    names = [name for name, _weight in source.weighted_fields]
    every_word_somewhere = functools.reduce(
        operator.and_,
        (
            functools.reduce(operator.or_, (Q(**{f"{name}__icontains": word}) for name in names))
            for word in words
        ),
    )
    title_hits = functools.reduce(
        operator.add,
        (
            Case(
                When(**{f"{source.title_field}__icontains": word}, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in words
        ),
    )
    matching = source.queryset().filter(every_word_somewhere)
    ordering = [OrderBy(title_hits, descending=True), *matching.model._meta.ordering]
    return _best_of_candidates(matching, ranking=ordering)


def _plain_snippet(obj, source, words):
    """A window of the text around the first hit (SQLite, or no headline)."""
    text = " ".join(" ".join(getattr(obj, name) or "" for name in source.snippet_fields).split())
    if len(text) <= SNIPPET_CHARS:
        return text
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words]
    first_hit = min((p for p in positions if p >= 0), default=0)
    start = max(0, first_hit - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = text.rfind(" ", start, start + SNIPPET_CHARS)
    end = end if end > start else start + SNIPPET_CHARS
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKUP = re.compile(r"(\*\*|__|^#+\s|\s#+\s|^>\s|\|)")


def _tidy_markdown(text):
    """Snippets come from Markdown source: keep the words, drop the markup."""
    return " ".join(_MARKDOWN_MARKUP.sub(" ", _MARKDOWN_LINK.sub(r"\1", text or "")).split())


def _mark_hits(text, words, marked):
    """ts_headline output already carries the hit markers; otherwise find the words."""
    if not marked:
        return highlight(text, words)
    pieces, last = [], 0
    for hit in re.finditer(f"{HIT_START}(.*?){HIT_END}", text, flags=re.S):
        pieces += [Piece(text[last : hit.start()]), Piece(hit.group(1), hit=True)]
        last = hit.end()
    pieces.append(Piece(text[last:]))
    return _without_markers(pieces)


def highlight(text, words):
    """The text as pieces, each word-start occurrence of the words a hit."""
    text = text or ""
    if not words:
        return _without_markers([Piece(text)])
    alternatives = sorted({word for word in words}, key=len, reverse=True)
    # Word starts only: "plan" marks "Plans" but not "explanation".
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(word) for word in alternatives) + ")", re.IGNORECASE
    )
    pieces, last = [], 0
    for hit in pattern.finditer(text):
        pieces += [Piece(text[last : hit.start()]), Piece(hit.group(0), hit=True)]
        last = hit.end()
    pieces.append(Piece(text[last:]))
    return _without_markers(pieces)


def _without_markers(pieces):
    # Stored text cannot mark anything: only the markers ts_headline added make hits.
    cleaned = [
        Piece(piece.text.replace(HIT_START, "").replace(HIT_END, ""), piece.hit) for piece in pieces
    ]
    return [piece for piece in cleaned if piece.text]
