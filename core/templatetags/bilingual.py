"""Text shown in English on a page of another language says so.

    <h1>{% in_english_if_missing plan "title" %}{{ plan.title }}{% end_in_english_if_missing %}</h1>
    {% in_english_if_missing plan "body" block %}{{ plan.body|markdown_text }}
    {% end_in_english_if_missing %}

On a Russian page, when the item has no Russian text of that field, modeltranslation
has already fallen back to the English text: the content is then wrapped in an element
marked lang="en" followed (inline) or preceded (block) by a short note that it is
available in English only. Otherwise it is left as it is. No query: both languages are
columns of the row already read.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.bilingual import DEFAULT_LANGUAGE, has_text

register = template.Library()


def shown_in_english(obj, field):
    """Whether ``obj``'s ``field`` is shown in English on the page of the active language."""
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    if obj is None or language == DEFAULT_LANGUAGE:
        return False
    return not has_text(obj, field, language) and has_text(obj, field, DEFAULT_LANGUAGE)


@register.filter
def english_only(obj, field):
    """{% if plan|english_only:"title" %}: the field falls back to English on this page."""
    return shown_in_english(obj, field)


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
