"""One search box over members, plans, events and publications (published items only).

On PostgreSQL: full-text search with weighted vectors (title A, summary B, body C),
English stemming, ranking and ts_headline snippets. Each table stores its vector in a
generated, GIN-indexed column (cica_site migration 0004), so that neither matching nor
ranking re-parses the text; the weights there must stay those of SOURCES below. On
SQLite: every word must appear somewhere, titles that contain the words rank first.

Whatever the backend, one query per group, at most RESULTS_PER_GROUP results each.
"""

import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.publishing import PublicationStatus
from core.queries import model_columns, model_values, planned_for_their_values
from events.models import Event
from members.models import Participant
from plans.models import Dimension, Plan
from publications.models import Publication

MAX_QUERY_LENGTH = 200
MIN_QUERY_LENGTH = 2
MAX_WORDS = 8
RESULTS_PER_GROUP = 10
SEARCH_CONFIG = "english"
# Private-use characters: ts_headline marks hits with them, the snippet is escaped,
# and only then are they turned into <mark>, so stored text can never become markup.
HIT_START, HIT_END = "\ue000", "\ue001"
SNIPPET_CHARS = 240
# What a plan's result shows of its dimension (the name), in the model's field order.
DIMENSION_COLUMNS = model_columns(Dimension, {"id", "name", "slug", "position"})


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
    """The stored, indexed vector of the model's table: what search matches and ranks."""
    return RawSQL(
        f'"{model._meta.db_table}"."{VECTOR_COLUMN}"', [], output_field=SearchVectorField()
    )


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


@dataclass
class Result:
    title: str
    url: str
    description: str
    snippet: str


@dataclass
class Group:
    key: str
    label: str
    results: list = field(default_factory=list)
    has_more: bool = False


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
            rows = _full_text_rows(source, query)
        else:
            rows = _fallback_rows(source, words)
        group = Group(key=source.key, label=source.label)
        for obj in rows[:RESULTS_PER_GROUP]:
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
        group.has_more = len(rows) > RESULTS_PER_GROUP
        if group.results:
            groups.append(group)
    return groups


def _snippet_text(source):
    parts = []
    for name in source.snippet_fields:
        parts += [Coalesce(F(name), Value(""), output_field=TextField()), Value(" ")]
    return Concat(*parts, output_field=TextField())


def headline_options():
    """ts_headline's options: hits marked with HIT_START and HIT_END, two fragments."""
    return (
        f"StartSel='{HIT_START}', StopSel='{HIT_END}', MaxWords=30, MinWords=10, "
        "MaxFragments=2, FragmentDelimiter=' … '"
    )


def full_text_queryset(source, query):
    """The ORM form of _full_text_rows' query (kept as its definition; the tests compare)."""
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    queryset = source.queryset()
    return (
        queryset.alias(search=stored_vector(queryset.model))
        .filter(search=search_query)
        .annotate(
            rank=SearchRank(F("search"), search_query),
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
            ),
        )
        .order_by("-rank", "pk")[: RESULTS_PER_GROUP + 1]
    )


def _full_text_rows(source, query):
    """full_text_queryset(source, query) in plain SQL, the published() condition written
    out: the ORM took about 1 ms to build each of the four queries, as long as running
    them (issue 7). Each row is a model with ``rank`` and ``headline``; a plan comes with
    its dimension, as select_related gave it."""
    model = source.queryset().model
    table = model._meta.db_table
    columns = model_columns(model, {field.attname for field in model._meta.concrete_fields})
    selected = [f"{table}.{column}" for column in columns]
    joined = ""
    if model is Plan:
        dimension_table = Dimension._meta.db_table
        selected += [f"dimension.{column}" for column in DIMENSION_COLUMNS]
        joined = (
            f" INNER JOIN {dimension_table} AS dimension ON dimension.id = {table}.dimension_id"
        )
    tsquery = f"websearch_to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)"
    snippet = " || ".join(f"COALESCE({table}.{name}, '') || ' '" for name in source.snippet_fields)
    sql = (
        f"SELECT {', '.join(selected)}, ts_rank({table}.{VECTOR_COLUMN}, {tsquery}) AS rank, "
        f"ts_headline('{SEARCH_CONFIG}'::regconfig, {snippet}, {tsquery}, %s) AS headline "
        f"FROM {table}{joined} WHERE {table}.publication_status = %s "
        f"AND {table}.publish_at <= %s AND {table}.{VECTOR_COLUMN} @@ {tsquery} "
        f"ORDER BY rank DESC, {table}.id ASC LIMIT %s"
    )
    params = [query, query, headline_options(), PublicationStatus.PUBLISHED.value]
    params += [timezone.now(), query, RESULTS_PER_GROUP + 1]
    with planned_for_their_values(connection), connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    convert = model_values(connection, model, columns)
    found = []
    for row in rows:
        obj = model.from_db(connection.alias, columns, convert(row[: len(columns)]))
        obj.rank, obj.headline = row[-2:]
        if model is Plan:
            values = row[len(columns) : len(columns) + len(DIMENSION_COLUMNS)]
            dimension = Dimension.from_db(connection.alias, DIMENSION_COLUMNS, values)
            Plan._meta.get_field("dimension").set_cached_value(obj, dimension)
        found.append(obj)
    return found


def _fallback_rows(source, words):
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
    queryset = source.queryset().filter(every_word_somewhere).annotate(title_hits=title_hits)
    ordering = queryset.model._meta.ordering
    return list(queryset.order_by("-title_hits", *ordering, "pk")[: RESULTS_PER_GROUP + 1])


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
        pieces += [(text[last : hit.start()], False), (hit.group(1), True)]
        last = hit.end()
    pieces.append((text[last:], False))
    return _join_marked(pieces)


def highlight(text, words):
    """Escaped text with each word-start occurrence of the words wrapped in <mark>."""
    text = text or ""
    if not words:
        return _join_marked([(text, False)])
    alternatives = sorted({word for word in words}, key=len, reverse=True)
    # Word starts only: "plan" marks "Plans" but not "explanation".
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(word) for word in alternatives) + ")", re.IGNORECASE
    )
    pieces, last = [], 0
    for hit in pattern.finditer(text):
        pieces += [(text[last : hit.start()], False), (hit.group(0), True)]
        last = hit.end()
    pieces.append((text[last:], False))
    return _join_marked(pieces)


def _join_marked(pieces):
    # Every piece is escaped; the only markup added is our own <mark>.
    html = []
    for piece, is_hit in pieces:
        piece = escape(piece.replace(HIT_START, "").replace(HIT_END, ""))
        html.append(f"<mark>{piece}</mark>" if is_hit and piece else piece)
    return mark_safe("".join(html))
