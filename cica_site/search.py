"""One search box over members, plans, events, publications and the About pages
(published items only).

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

from django.contrib.flatpages.models import FlatPage
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, TextField, Value, When, Window
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.bilingual import DEFAULT_LANGUAGE, LANGUAGE_CODES, localized, shown_in_english
from core.queries import keys_first, planned_for_their_values
from events.models import Event
from members.models import Participant
from plans.models import Plan
from publications.models import Publication

from .models import public_about_pages

MAX_QUERY_LENGTH = 200
MIN_QUERY_LENGTH = 2
MAX_WORDS = 8
RESULTS_PER_GROUP = 10
# Matches ranked per group, at most: a common word matches thousands of items.
CANDIDATES = 500
SEARCH_CONFIG = "english"
# Per language of the page: the text search configuration and the stored column it
# reads (cica_site migration 0011). The Russian column holds the text a Russian page
# shows (Russian, or English where an item has none); PostgreSQL's 'russian'
# configuration stems Cyrillic words as Russian and Latin ones as English.
LANGUAGE_SEARCH = {"en": ("english", "search_vector"), "ru": ("russian", "search_vector_ru")}
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
    model: type
    describe: callable
    # (relation, field): a related row's value the description shows, read in the same
    # query as ``relation_field`` (a plan's dimension_name).
    related_name: tuple = ()
    # What may be found, when it is not the model's published() (About pages are
    # Django's flatpages, which have no such method).
    public: callable = None

    def queryset(self):
        """What may be found."""
        return self.public() if self.public else self.model.objects.published()

    @property
    def title_field(self):
        return self.weighted_fields[0][0]

    def vector(self, language=DEFAULT_LANGUAGE):
        """What the stored column of ``language`` holds (cica_site migration 0011)."""
        return search_vector(self.weighted_fields, language)


# The generated, GIN-indexed tsvector column of each searchable table (PostgreSQL only).
VECTOR_COLUMN = "search_vector"


def search_vector(weighted_fields, language=DEFAULT_LANGUAGE):
    config = LANGUAGE_SEARCH[language][0]
    return functools.reduce(
        operator.add,
        (
            SearchVector(_shown_text(name, language), weight=weight, config=config)
            for name, weight in weighted_fields
        ),
    )


def _shown_text(name, language):
    """The text of field ``name`` a page in ``language`` shows: its own, else English."""
    english = localized(name, DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return F(english)
    return Coalesce(NullIf(localized(name, language), Value("")), english, output_field=TextField())


def page_language():
    code = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    return code if code in LANGUAGE_SEARCH else DEFAULT_LANGUAGE


def _describe_participant(participant):
    return participant.get_current_status_display() or participant.get_kind_display()


def _describe_plan(plan):
    return f"{plan.get_kind_display()} · {plan.dimension_name} · {plan.get_status_display()}"


def _describe_event(event):
    return ", ".join(part for part in (event.date_display, event.city) if part)


def _describe_about_page(page):
    return ""  # the group's heading says what it is


def _describe_publication(publication):
    return f"{publication.get_kind_display()} · {publication.posted_display}"


SOURCES = (
    Source(
        key="publications",
        label=_("Publications"),
        weighted_fields=(("title", "A"), ("standfirst", "B"), ("body", "C")),
        snippet_fields=("standfirst", "body"),
        model=Publication,
        describe=_describe_publication,
    ),
    Source(
        key="plans",
        label=_("Action plans and concept papers"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        snippet_fields=("summary", "body"),
        model=Plan,
        describe=_describe_plan,
        related_name=("dimension", "name"),
    ),
    Source(
        key="events",
        label=_("Events"),
        weighted_fields=(("title", "A"), ("summary", "B"), ("body", "C")),
        snippet_fields=("summary", "body"),
        model=Event,
        describe=_describe_event,
    ),
    Source(
        key="members",
        label=_("Members and observers"),
        weighted_fields=(("name", "A"), ("official_name", "B"), ("summary", "C")),
        snippet_fields=("official_name", "summary"),
        model=Participant,
        describe=_describe_participant,
    ),
    Source(
        key="about",
        label=_("About CICA"),
        weighted_fields=(("title", "A"), ("content", "B")),
        snippet_fields=("content",),
        model=FlatPage,
        describe=_describe_about_page,
        public=public_about_pages,
    ),
)


class Stretch(NamedTuple):
    """Part of a title or snippet: plain text, then a hit the template marks (<mark>)."""

    before: str
    hit: str = ""


@dataclass
class Result:
    title: list
    url: str
    description: str
    snippet: list
    # Shown in English on a page of another language (the item has no title in it): its
    # title and text are marked lang="en".
    in_english: bool = False


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
    language = page_language()
    groups = []
    for source in SOURCES:
        if use_full_text:
            with planned_for_their_values(connection):
                rows = list(full_text_matches(source, query, language))
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
                    in_english=shown_in_english(obj, source.title_field),
                )
            )
        if group.results:
            groups.append(group)
    return groups


# PostgreSQL: the best RESULTS_PER_GROUP of at most CANDIDATES + 1 matches, the first the
# GIN index gives, ranked; each row with ``found``, the number of those candidates.
# Ranking every match of a common word read each of thousands of rows ("security" at
# full scale: 25 ms of the database's time a page); a search now reads at most
# CANDIDATES + 1 rows per group, and then the RESULTS_PER_GROUP it shows. Below the
# bound, the results are those of ranking every match.
#
# The one definition of the query, in SQL because the ORM form cost more than it
# saved: building and compiling the four queries took 7-8 ms of Python a page, and the
# ORM cannot select from the ranked candidates, so it read each candidate's row twice
# (measured: 40 ms of CPU a page for "security" through the ORM, 24-26 ms in SQL, 35-40
# ms before either). The published rule is not written here: it is compiled from the
# model's published() (published_condition).
FULL_TEXT_SQL = """
SELECT {columns}, best.found,
    ts_headline('{config}'::regconfig, concat_ws(' ', {snippet_columns}),
        websearch_to_tsquery('{config}'::regconfig, %s), %s) AS headline{related_columns}
FROM (
    SELECT id, rank, COUNT(*) OVER () AS found
    FROM (
        SELECT {table}.id,
            ts_rank({table}.{vector}, websearch_to_tsquery('{config}'::regconfig, %s)) AS rank
        FROM {table}
        WHERE {published}
            AND {table}.{vector} @@ websearch_to_tsquery('{config}'::regconfig, %s)
        LIMIT %s
    ) AS candidates
    ORDER BY rank DESC, id
    LIMIT %s
) AS best
JOIN {table} ON {table}.id = best.id{related_join}
ORDER BY best.rank DESC, best.id
"""
HEADLINE_OPTIONS = (
    f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=10, MaxFragments=2, "
    "FragmentDelimiter=' … '"
)


def published_condition(queryset):
    """The WHERE clause of ``queryset`` (published()) as SQL and its parameters."""
    compiler = queryset.query.get_compiler(connection=connection)
    return compiler.compile(queryset.query.where)


@functools.cache
def _full_text_sql(source, published, language=DEFAULT_LANGUAGE):
    model = source.model
    table = model._meta.db_table
    quote = connection.ops.quote_name
    config, vector = LANGUAGE_SEARCH[language]

    def shown(table_name, name):
        """SQL of the text of ``name`` a page in ``language`` shows (_shown_text)."""
        english = f"{quote(table_name)}.{quote(localized(name, DEFAULT_LANGUAGE))}"
        if language == DEFAULT_LANGUAGE:
            return english
        own = f"{quote(table_name)}.{quote(localized(name, language))}"
        return f"COALESCE(NULLIF({own}, ''), {english})"

    # Every column but the long texts (in every language), which only the headline reads.
    long_texts = {
        column
        for name in source.snippet_fields
        for column in (name, *(localized(name, code) for code in LANGUAGE_CODES))
    }
    columns = [
        field.column for field in model._meta.concrete_fields if field.attname not in long_texts
    ]
    related_columns = related_join = ""
    if source.related_name:
        relation, name = source.related_name
        field = model._meta.get_field(relation)
        related_table = field.related_model._meta.db_table
        related_columns = f", {shown(related_table, name)} AS {relation}_{name}"
        related_join = (
            f" JOIN {quote(related_table)} ON {quote(related_table)}."
            f"{quote(field.target_field.column)} = {quote(table)}.{quote(field.column)}"
        )
    return FULL_TEXT_SQL.format(
        columns=", ".join(f"{quote(table)}.{quote(column)}" for column in columns),
        snippet_columns=", ".join(shown(table, name) for name in source.snippet_fields),
        related_columns=related_columns,
        related_join=related_join,
        config=config,
        table=quote(table),
        vector=quote(vector),
        published=published,
    )


def full_text_query(source, query, language=DEFAULT_LANGUAGE):
    """FULL_TEXT_SQL for the source in the page's language and its parameters."""
    published, published_params = published_condition(source.queryset())
    params = [query, HEADLINE_OPTIONS, query, *published_params, query]
    sql = _full_text_sql(source, published, language)
    return sql, [*params, CANDIDATES + 1, RESULTS_PER_GROUP]


def full_text_matches(source, query, language=DEFAULT_LANGUAGE):
    """PostgreSQL: the items whose stored vector of the page's language matches the query
    (websearch syntax), best ranked first, each with ``found`` and a ``headline`` of the
    text the page shows."""
    return source.model.objects.raw(*full_text_query(source, query, language))


def fallback_matches(source, words):
    """Other databases: items holding every word somewhere, title hits first."""
    # Each field in every language, whatever the page's: a Russian page shows English
    # text where an item has no Russian.
    names = [
        localized(name, code) for name, _weight in source.weighted_fields for code in LANGUAGE_CODES
    ]
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
                When(
                    functools.reduce(
                        operator.or_,
                        (
                            Q(**{f"{localized(source.title_field, code)}__icontains": word})
                            for code in LANGUAGE_CODES
                        ),
                    ),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in words
        ),
    )
    matching = source.queryset().filter(every_word_somewhere)
    # As on PostgreSQL: the best of at most CANDIDATES + 1 matches, counted.
    candidates = keys_first(matching.order_by(), 0, CANDIDATES + 1)
    if source.related_name:
        relation, name = source.related_name
        shown = _shown_text(f"{relation}__{name}", page_language())
        candidates = candidates.annotate(**{f"{relation}_{name}": shown})
    ordering = [OrderBy(title_hits, descending=True), *source.model._meta.ordering, "pk"]
    return candidates.annotate(found=Window(Count("pk"))).order_by(*ordering)[:RESULTS_PER_GROUP]


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
    hits = re.finditer(f"{HIT_START}(.*?){HIT_END}", text, flags=re.S)
    return _stretches(text, ((hit.start(), hit.end(), hit.group(1)) for hit in hits))


def highlight(text, words):
    """The text as stretches, each word-start occurrence of the words a hit."""
    text = text or ""
    if not words:
        return _stretches(text, ())
    alternatives = sorted({word for word in words}, key=len, reverse=True)
    # Word starts only: "plan" marks "Plans" but not "explanation".
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(word) for word in alternatives) + ")", re.IGNORECASE
    )
    hits = pattern.finditer(text)
    return _stretches(text, ((hit.start(), hit.end(), hit.group(0)) for hit in hits))


def _stretches(text, hits):
    """The text cut after each hit, from (start, end, hit text) in order."""
    stretches, last = [], 0
    for start, end, hit in hits:
        stretches.append(Stretch(_unmarked(text[last:start]), _unmarked(hit)))
        last = end
    if last < len(text):
        stretches.append(Stretch(_unmarked(text[last:])))
    return [stretch for stretch in stretches if any(stretch)]


def _unmarked(text):
    # Stored text cannot mark anything: only the markers ts_headline added make hits.
    return text.replace(HIT_START, "").replace(HIT_END, "")
