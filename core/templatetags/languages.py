"""{% language_switch %} and {% language_alternates %} for base.html (core/languages.py).

{% language_alternates %} gives the <link rel="alternate" hreflang> of each language and
x-default (English). A detail view whose item exists in fewer languages says which in
the context variable ``content_languages`` (codes); only those are then announced. A
"not found" page sets ``page_missing``: the switch then leads to each language's home
and no alternates are given (the address of a draft is named nowhere).
"""

from django import template
from django.conf import settings

from core.languages import language_versions

register = template.Library()


@register.inclusion_tag("core/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    if request is None:  # the 500 page, rendered without the request
        return {"languages": []}
    return {"languages": language_versions(request, bool(context.get("page_missing")))}


@register.inclusion_tag("core/language_alternates.html", takes_context=True)
def language_alternates(context):
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    versions = language_versions(request, bool(context.get("page_missing")))
    versions = [version for version in versions if version.is_this_page]
    available = context.get("content_languages")
    if available is not None:
        versions = [version for version in versions if version.code in available]
    alternates = [(version.code, request.build_absolute_uri(version.url)) for version in versions]
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(("x-default", default))
    return {"alternates": alternates}
