from django import template
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.shortcuts import get_current_site

from core.rendering import safe_html, safe_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Staff-written Markdown (or HTML) rendered and sanitised: no script can get through."""
    return safe_markdown(text)


@register.filter
def markdown_text(text):
    """Markdown (plan and event bodies) rendered; HTML typed in the text is escaped."""
    return safe_markdown(text, raw_html=False)


@register.filter
def sanitised(html):
    """Stored HTML sanitised again on output, in case the row was changed behind the model."""
    return safe_html(html)


@register.simple_tag(takes_context=True)
def about_pages(context):
    """The public About pages, for their sub-navigation (one query)."""
    site = get_current_site(context["request"])
    return list(
        FlatPage.objects.filter(
            sites=site, url__startswith="/about/", registration_required=False
        ).order_by("url")
    )
