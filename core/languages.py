"""The same page in each of the site's languages, for the language switch and hreflang.

English pages sit at unprefixed addresses and Russian ones under /ru/ (i18n_patterns in
cica_site/urls.py). The address of this page in another language is the URL it matched
reversed with that language active: the same view and arguments (the same object), and
the same query string (filters, sort, page number). Worked out once per request, for
both template tags.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name_local: str  # "English", "Русский": each language named in itself
    url: str  # this page in that language, or that language's home page
    is_current: bool
    is_this_page: bool  # False when there is no page here to offer (a 404)


def _page_in(code, match, query):
    """This page's address in the language, or None."""
    with translation.override(code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return f"{path}?{query}" if query else path


def _home_in(code):
    with translation.override(code):
        return reverse("home")


def language_versions(request, page_missing=False):
    """[LanguageVersion] in settings.LANGUAGES order, the current language included.

    page_missing: the page is a "not found" answer for an address that matched a URL
    pattern (a draft's): its address is not offered in any language, only the homes.
    """
    memo = request.__dict__.setdefault("_language_versions", {})
    if page_missing in memo:
        return memo[page_missing]
    match = None if page_missing else getattr(request, "resolver_match", None)
    query = request.META.get("QUERY_STRING", "")
    current = translation.get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        url = _page_in(code, match, query) if match is not None else None
        versions.append(
            LanguageVersion(
                code=code,
                name_local=translation.get_language_info(code)["name_local"],
                url=url or _home_in(code),
                is_current=code == current,
                is_this_page=url is not None,
            )
        )
    memo[page_missing] = versions
    return versions
