"""The Russian catalogue of the interface text, kept up to date without GNU gettext.

Django's makemessages needs xgettext and compilemessages needs msgfmt; a machine with
only Python has neither. Babel (pure Python) does both jobs here: it extracts the
messages of our Python files, and of our templates once Django's own templatize has
turned them into the Python-like text that makemessages hands to xgettext; it merges
them into locale/ru/LC_MESSAGES/django.po and compiles django.mo.

A few entries translate Django's own messages again (month names, admin titles): they
carry the comment OVERRIDE_COMMENT and are kept by every merge.
"""

import gettext
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.utils.translation.template import templatize

LOCALES = ("ru",)
DOMAIN = "django"
# The gettext functions our code calls, with where their arguments are (Babel's notation).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("Translators:",)
OVERRIDE_COMMENT = "Overrides Django's own catalogue."
# Our code is everything in the repository but these: tests, benchmarks and migrations
# show nothing to visitors or staff, and the rest is not ours.
SKIPPED_DIRS = {
    ".venv",
    ".git",
    "node_modules",
    "staticfiles",
    "media",
    "tests",
    "bench",
    "migrations",
    "test-artifacts",
    "__pycache__",
}
TEMPLATE_SUFFIXES = (".html", ".txt", ".xml")


def base_dir():
    return Path(settings.BASE_DIR)


def po_path(locale):
    return base_dir() / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(locale):
    return po_path(locale).with_suffix(".mo")


def source_files():
    """Our Python files and templates, in a stable order."""
    root = base_dir()
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.suffix == ".py" or (
            path.suffix in TEMPLATE_SUFFIXES and "templates" in relative.parts
        ):
            found.append(relative)
    return sorted(found, key=lambda relative: relative.as_posix())


def _messages_of(relative):
    text = (base_dir() / relative).read_text(encoding="utf-8")
    if relative.suffix != ".py":
        # templatize keeps each line where it was (for the line numbers) and its
        # indentation, which means nothing to xgettext but stops Python's tokenizer.
        lines = templatize(text, origin=str(relative)).split("\n")
        text = "\n".join(line.lstrip() for line in lines)
    yield from extract(
        "python",
        io.BytesIO(text.encode("utf-8")),
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    )


def extract_messages():
    """Every message our code and templates ask to translate, as a catalogue template."""
    template = Catalog(locale=None, domain=DOMAIN)
    for relative in source_files():
        for lineno, message, comments, context in _messages_of(relative):
            if isinstance(message, tuple) and not all(message[:2]):
                continue
            if not message:
                continue
            if isinstance(message, tuple):
                message = message[:2]
            template.add(
                message,
                locations=[(relative.as_posix(), lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


HEADER_COMMENT = """\
# The interface text of the CICA Secretariat site in {language}.
# Kept by `make messages` (manage.py sync_translations): extracted from our code and
# templates, merged and compiled with Babel. Translate the empty entries; never mark one fuzzy."""


def new_catalogue(locale, dated_like=None):
    dates = {}
    if dated_like is not None:
        # The dates of the catalogue it replaces: a merge that changed nothing changes no byte.
        dates = {
            "creation_date": dated_like.creation_date,
            "revision_date": dated_like.revision_date,
        }
    return Catalog(
        locale=locale,
        header_comment=HEADER_COMMENT.format(language=locale),
        **dates,
        domain=DOMAIN,
        project="CICA Secretariat site",
        version="1",
        copyright_holder="CICA Secretariat",
        msgid_bugs_address="",
        last_translator="CICA Secretariat",
        language_team=f"CICA Secretariat <{locale}>",
        fuzzy=False,
    )


def read_catalogue(locale):
    path = po_path(locale)
    if not path.exists():
        return new_catalogue(locale)
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def is_override(message):
    return OVERRIDE_COMMENT in message.user_comments or OVERRIDE_COMMENT in message.auto_comments


def merged_catalogue(locale, template=None):
    """The extracted messages with the translations the catalogue already has.

    New messages come in empty (never guessed: no fuzzy matching); messages our code no
    longer asks for go, except the overrides of Django's catalogue.
    """
    template = template if template is not None else extract_messages()
    old = read_catalogue(locale)
    merged = new_catalogue(locale, dated_like=old)
    for message in template:
        if not message.id:
            continue
        previous = old.get(message.id, context=message.context)
        if isinstance(message.id, tuple):
            empty = ("",) * merged.num_plurals
            string = previous.string if previous is not None else empty
            if not isinstance(string, tuple | list) or len(string) != merged.num_plurals:
                string = empty
        else:
            string = previous.string if previous is not None else ""
        merged.add(
            message.id,
            string,
            locations=message.locations,
            flags={flag for flag in message.flags if flag != "fuzzy"},
            auto_comments=message.auto_comments,
            user_comments=previous.user_comments if previous is not None else [],
            context=message.context,
        )
    for message in old:
        if message.id and is_override(message) and merged.get(message.id, message.context) is None:
            merged[message.id] = message
    return merged


def message_strings(message):
    """A message's translations as a tuple: one, or one per plural form."""
    if isinstance(message.string, tuple | list):
        return tuple(message.string)
    return (message.string,)


def write_catalogue(catalogue, locale):
    path = po_path(locale)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=100, include_lineno=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


def compiled(catalogue):
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def compile_catalogue(locale):
    mo_path(locale).write_bytes(compiled(read_catalogue(locale)))


def translations_of(mo_bytes):
    """What gettext reads from compiled bytes: {msgid: msgstr}, without the header."""
    catalogue = gettext.GNUTranslations(io.BytesIO(mo_bytes))._catalog
    return {key: value for key, value in catalogue.items() if key != ""}
