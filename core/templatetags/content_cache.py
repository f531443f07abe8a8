"""{% content_cache %}: Django's {% cache %} for a fragment that shows content.

    {% load content_cache %}
    {% content_cache 600 "status-matrix" "plans" %}...{% endcontent_cache %}
    {% content_cache 600 "member-plans" "plans members" participant.pk %}...{% endcontent_cache %}

The arguments: the timeout, the fragment's name, the content apps whose content it
shows (as in settings.PAGE_CACHE_SHOWS), then any values it varies on, as for
{% cache %}. The key holds those apps' versions, so a save of their content renders
the fragment again and a save of anything else does not; and the language, the day
and the host, so nothing needs adding by hand.

Fragments are cached only for the visitors the page cache serves (no session: staff
see drafts) and only with settings.FRAGMENT_CACHE_ENABLED, which is apart from the page
cache: a page drawn anew (a page cache miss, or the page cache off) still takes what
has not changed from here. While Redis is unreachable the fragment is rendered, not
cached.
"""

from django import template
from django.utils import translation

from core import page_cache

register = template.Library()


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, timeout, name, shown, vary_on):
        self.nodelist = nodelist
        self.timeout = timeout
        self.name = name
        self.shown = shown
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or not page_cache.is_fragment_cacheable_request(request):
            return self.nodelist.render(context)
        versions = page_cache.content_versions(self.shown)
        if versions is None:
            return self.nodelist.render(context)
        key = page_cache.fragment_key(
            self.name,
            versions,
            translation.get_language(),
            request.get_host(),
            [value.resolve(context) for value in self.vary_on],
        )
        fragment = page_cache.read(key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            page_cache.store(key, fragment, self.timeout.resolve(context))
        return fragment


def _quoted(bit, what):
    if len(bit) < 3 or bit[0] not in "\"'" or bit[-1] != bit[0]:
        raise template.TemplateSyntaxError(f"content_cache: the {what} must be a quoted string")
    return bit[1:-1]


@register.tag
def content_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 4:
        raise template.TemplateSyntaxError(
            'Usage: {% content_cache timeout "name" "app app ..." [vary_on ...] %}'
        )
    nodelist = parser.parse(("endcontent_cache",))
    parser.delete_first_token()
    shown = _quoted(bits[3], "list of content apps").split()
    unknown = set(shown) - set(page_cache.CONTENT_VERSIONS)
    if unknown:
        raise template.TemplateSyntaxError(
            f"content_cache: {', '.join(sorted(unknown))} is not one of "
            f"{', '.join(page_cache.CONTENT_VERSIONS)}"
        )
    return ContentCacheNode(
        nodelist,
        timeout=parser.compile_filter(bits[1]),
        name=_quoted(bits[2], "name"),
        shown=shown,
        vary_on=[parser.compile_filter(bit) for bit in bits[4:]],
    )
