"""The Russian catalogue: complete, current, compiled, and grammatical where it counts.

Extraction runs with Babel and Django's templatize, as `make messages` does, so these tests
need no GNU gettext.
"""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from cica_site import translation_catalogue as catalogue

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{(\w*)\}")


@pytest.fixture(scope="module")
def russian():
    return catalogue.read_catalogue("ru")


@pytest.fixture(scope="module")
def extracted():
    return catalogue.extract_messages()


def entries(catalogue_):
    return [message for message in catalogue_ if message.id]


def test_the_catalogue_is_russian_with_three_plural_forms(russian):
    assert str(russian.locale) == "ru"
    assert russian.num_plurals == 3
    assert not russian.fuzzy


def test_no_entry_is_empty_or_fuzzy(russian):
    empty = [m.id for m in entries(russian) if not all(catalogue.message_strings(m))]
    fuzzy = [m.id for m in entries(russian) if m.fuzzy]
    assert empty == []
    assert fuzzy == []


def test_every_string_of_our_code_and_templates_is_in_the_catalogue(russian, extracted):
    missing = [
        (message.id, message.context, message.locations[0][0])
        for message in entries(extracted)
        if russian.get(message.id, context=message.context) is None
    ]
    assert missing == [], "run `make messages` and translate the new entries"


def test_extraction_finds_templates_python_plurals_and_contexts(extracted):
    # A guard against an extraction that silently finds nothing of one kind.
    by_file = {message.locations[0][0] for message in entries(extracted)}
    assert "templates/base.html" in by_file
    assert "plans/choices.py" in by_file
    assert extracted.get(("%(counter)s plan found.", "%(counter)s plans found.")) is not None
    assert extracted.get("%(year)s", context="a date known only to the year") is not None
    assert not any(location.startswith(("tests/", ".venv/")) for location in by_file)


def test_the_compiled_catalogue_is_up_to_date_with_the_po(russian):
    shipped = catalogue.translations_of(catalogue.mo_path("ru").read_bytes())
    assert shipped == catalogue.translations_of(catalogue.compiled(russian)), (
        "run `make messages` (or manage.py sync_translations --compile-only)"
    )


def placeholders(text):
    return {match.group(0) for match in PLACEHOLDER.finditer(text.replace("%%", ""))}


def test_translations_keep_the_placeholders_of_the_english(russian):
    wrong = []
    for message in entries(russian):
        if isinstance(message.id, tuple):
            # A Russian form may name the count where the English singular does not.
            allowed = placeholders(message.id[0]) | placeholders(message.id[1])
            if any(not placeholders(form) <= allowed for form in message.string):
                wrong.append(message.id)
            if any(
                placeholders(message.id[1]) - placeholders(form) - {"%(counter)s"}
                for form in message.string
            ):
                wrong.append(message.id)
        elif placeholders(message.string) != placeholders(message.id):
            wrong.append(message.id)
    assert wrong == []


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, "Найден 1 план."),
        (2, "Найдено 2 плана."),
        (5, "Найдено 5 планов."),
        (11, "Найдено 11 планов."),
        (21, "Найден 21 план."),
        (24, "Найдено 24 плана."),
    ],
)
def test_russian_plural_forms_follow_the_count(count, expected):
    with translation.override("ru"):
        text = translation.ngettext("%(counter)s plan found.", "%(counter)s plans found.", count)
    assert text % {"counter": count} == expected


def test_every_plural_entry_has_three_distinct_russian_forms(russian):
    plural = [m for m in entries(russian) if isinstance(m.id, tuple)]
    assert plural
    for message in plural:
        # 1 план, 2 плана, 5 планов: forms 1 and 2 differ at least in the noun or verb.
        assert len(message.string) == 3, message.id
        assert message.string[0] != message.string[2], message.id


def test_a_rendered_plural_template_reads_right_in_russian():
    from django.template import Context, Template

    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} plan found."
        "{% plural %}{{ counter }} plans found.{% endblocktranslate %}"
    )
    with translation.override("ru"):
        rendered = [template.render(Context({"n": n})) for n in (1, 2, 5)]
    assert rendered == ["Найден 1 план.", "Найдено 2 плана.", "Найдено 5 планов."]


def test_a_merge_keeps_the_translations_and_changes_nothing(russian, extracted):
    merged = catalogue.merged_catalogue("ru", extracted)
    assert {(m.id, m.context): m.string for m in entries(merged)} == {
        (m.id, m.context): m.string for m in entries(russian)
    }


def test_overrides_of_djangos_catalogue_survive_a_merge(russian, extracted):
    merged = catalogue.merged_catalogue("ru", extracted)
    assert merged.get("Add %s").string == "Добавить объект типа «%s»"
    assert merged.get("March").string == "март"


# Text of a template that is no interface text: names that stay as they are in Russian.
UNTRANSLATED_NAMES = {"RSS", "Atom", "CSV", "iCalendar"}
# Translated blocks, comments and the admin's body class hold no literal interface text.
NOT_TEXT = re.compile(
    r"{%\s*(blocktranslate|blocktrans|comment|verbatim)\b.*?{%\s*end\1\s*%}"
    r"|{%\s*block bodyclass\s*%}.*?{%\s*endblock",
    re.S,
)
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}


class LiteralText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
        self.open.append(tag)

    def handle_endtag(self, tag):
        while tag in self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        if not (self.open and self.open[-1] in {"script", "style"}):
            self.texts.append(data)


def test_templates_write_no_interface_text_outside_translate_tags():
    literal = []
    for relative in catalogue.source_files():
        if relative.suffix == ".py":
            continue
        source = (catalogue.base_dir() / relative).read_text(encoding="utf-8")
        parser = LiteralText()
        parser.feed(TEMPLATE_SYNTAX.sub(" ", NOT_TEXT.sub(" ", source)))
        for text in parser.texts:
            words = set(re.findall(r"[A-Za-z]{2,}", text)) - UNTRANSLATED_NAMES
            if words:
                literal.append((relative.as_posix(), " ".join(text.split())))
    assert literal == []


def test_the_literal_text_check_finds_untranslated_text():
    parser = LiteralText()
    source = '<a title="Open">{% translate "Fine" %} Hello</a><script>var x;</script>'
    parser.feed(TEMPLATE_SYNTAX.sub(" ", NOT_TEXT.sub(" ", source)))
    assert [text.strip() for text in parser.texts if text.strip()] == ["Open", "Hello"]
