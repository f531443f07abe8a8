"""Markdown for staff-written text (publication, plan and event bodies, About pages),
sanitised by an allow-list.

Staff write Markdown (raw HTML allowed, for the odd abbreviation or table); the
result always goes through nh3 (the Rust ammonia sanitiser), so whatever was
typed or pasted, no script, event handler, style or ``javascript:`` link can
reach a page. The sanitiser runs again when stored HTML is output (see
``templatetags/rich_text.py``), so a row edited behind the model's back is still safe.
"""

import re

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

QUESTION_CLASS = "qa-question"
ANSWER_CLASS = "qa-answer"
_QA_PREFIXES = {"Q:": QUESTION_CLASS, "A:": ANSWER_CLASS}
_ENDS_QA_RUN = {"h1", "h2", "h3", "h4", "h5", "h6", "hr"}

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "a", "em", "strong", "b", "i", "abbr", "sub", "sup", "del",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope"},
}
_ALIGNMENTS = {"left", "right", "center"}
ALLOWED_ATTRIBUTE_VALUES = {"th": {"align": _ALIGNMENTS}, "td": {"align": _ALIGNMENTS}}
ALLOWED_CLASSES = {"p": {QUESTION_CLASS, ANSWER_CLASS}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Dropped together with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {
    "script", "style", "svg", "math", "iframe", "object", "embed",
    "template", "noscript", "textarea", "select", "title",
}  # fmt: skip

_URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction"}
_INVISIBLE_IN_URLS = re.compile(r"[\x00-\x20\x7f-\x9f\ufffd\u200b-\u200f\u2028-\u202f\ufeff]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _refuse_disguised_schemes(tag, attribute, value):
    """Second line behind nh3's scheme check: browsers ignore some characters in URLs
    (tabs, newlines, control characters), so judge the scheme with them removed."""
    if attribute not in _URL_ATTRIBUTES:
        return value
    scheme = _SCHEME.match(_INVISIBLE_IN_URLS.sub("", value).lower())
    if scheme and scheme.group(1) not in ALLOWED_URL_SCHEMES:
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    tag_attribute_values=ALLOWED_ATTRIBUTE_VALUES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=ALLOWED_URL_SCHEMES,
    attribute_filter=_refuse_disguised_schemes,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


class _PublicationTreeprocessor(Treeprocessor):
    """Keeps headings below the page's own <h1> and sets interview questions and answers apart.

    A paragraph beginning "Q:" starts a question, one beginning "A:" an answer;
    the paragraphs that follow belong to it until the next Q:/A:, heading or rule.
    """

    def run(self, root):
        demote = any(element.tag == "h1" for element in root)
        run_class = None
        for element in root:
            if demote and element.tag in {"h1", "h2", "h3", "h4", "h5"}:
                element.tag = f"h{int(element.tag[1]) + 1}"
            if element.tag in _ENDS_QA_RUN:
                run_class = None
            elif element.tag == "p":
                start = "".join(element.itertext()).lstrip()[:2]
                run_class = _QA_PREFIXES.get(start, run_class)
                if run_class:
                    element.set("class", run_class)
        return None


class _PublicationExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(_PublicationTreeprocessor(md), "cica_publication", 5)


def sanitise_html(html):
    """Allow-listed HTML: safe to output whatever the input."""
    return _cleaner.clean(html or "")


class _EscapeRawHtmlExtension(Extension):
    """Raw HTML typed into the text is shown as text, not taken as markup."""

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def render_markdown(text, *, raw_html=True):
    """Markdown source to sanitised HTML (a plain str, for storing).

    ``raw_html=False`` (plan and event bodies) escapes any HTML typed in the text.
    """
    extensions = ["tables", "def_list", "sane_lists", _PublicationExtension()]
    if not raw_html:
        extensions.append(_EscapeRawHtmlExtension())
    converter = markdown.Markdown(
        extensions=extensions,
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    return sanitise_html(converter.convert(text or "")).strip()


def safe_html(html) -> SafeString:
    # mark_safe is sound only because the string has just been through the sanitiser.
    return mark_safe(sanitise_html(html))


def safe_markdown(text, *, raw_html=True) -> SafeString:
    return mark_safe(render_markdown(text, raw_html=raw_html))


# Shown beside the fields written in Markdown without raw HTML.
MARKDOWN_HELP = _(
    "Formatting: Markdown. A blank line between paragraphs, ## for a heading, - or 1. "
    "for a list, **bold**, *italic*, [text](https://...) for a link, > for a quote. "
    "HTML is shown as typed, not used."
)
