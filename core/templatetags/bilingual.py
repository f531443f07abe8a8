"""Text shown in English on a page of another language says so.

    <h1>{% in_english_if_missing plan "title" %}{{ plan.title }}{% end_in_english_if_missing %}</h1>
    {% in_english_if_missing plan "body" block %}{{ plan.body|markdown_text }}
    {% end_in_english_if_missing %}

Where a note would crowd the page (a list's second line, a name in a sentence), the
element holding the text only says its language:

    <a href="{{ plan.get_absolute_url }}"{{ plan|lang_if_english:"title" }}>{{ plan.title }}</a>

On a Russian page, when the item has no Russian text of that field, modeltranslation
has already fallen back to the English text: the content is then wrapped in an element
marked lang="en" followed (inline) or preceded (block) by a short note that it is
available in English only. Otherwise it is left as it is. No query: both languages are
columns of the row already read.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language

from core.bilingual import DEFAULT_LANGUAGE, name_field, shown_in_english

register = template.Library()


@register.filter
def english_only(obj, field):
    """{% if plan|english_only:"title" %}: the field falls back to English on this page."""
    return shown_in_english(obj, field)


@register.filter
def lang_if_english(obj, fields=None):
    """` lang="en"` for the element holding ``obj``'s ``fields`` (one name, or several
    joined by commas: "venue,city"; by default the field naming the item) where this page
    shows any of them in English (its text in the page's language is missing); nothing
    otherwise, and nothing for an object whose text is not translated."""
    if fields is None:
        if not getattr(obj, "translated_fields", None):
            return ""
        fields = name_field(type(obj))
    if any(shown_in_english(obj, field.strip()) for field in fields.split(",")):
        return format_html(' lang="{}"', DEFAULT_LANGUAGE)
    return ""


class InEnglishIfMissingNode(template.Node):
    def __init__(self, obj, field, block, nodelist):
        self.obj, self.field, self.block, self.nodelist = obj, field, block, nodelist

    def render(self, context):
        content = self.nodelist.render(context)
        if not content.strip() or not shown_in_english(
            self.obj.resolve(context), self.field.resolve(context)
        ):
            return content
        return render_to_string(
            "core/in_english.html",
            {"content": content, "block": self.block, "language": get_language()},
        ).strip()


@register.tag
def in_english_if_missing(parser, token):
    bits = token.split_contents()
    if len(bits) not in (3, 4) or (len(bits) == 4 and bits[3] != "block"):
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} object "field" [block] %}}...{{% end_{bits[0]} %}}'
        )
    nodelist = parser.parse((f"end_{bits[0]}",))
    parser.delete_first_token()
    return InEnglishIfMissingNode(
        parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), len(bits) == 4, nodelist
    )
