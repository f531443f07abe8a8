import datetime
import unicodedata

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.flatpages.views import flatpage, render_flatpage
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from core.queries import keys_first
from events.models import Event
from members.models import Chairmanship, Participant
from plans import tally
from plans.models import PlanStatus
from publications.models import Publication

from . import search

HOME_PUBLICATIONS = 4
HOME_EVENTS = 4


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member_count"] = Participant.objects.published().states().members().count()
        # A chair whose state is not published yet is not named.
        context["current_chair"] = Chairmanship.objects.filter(
            state__in=Participant.objects.published()
        ).current()
        context["latest_publications"] = list(
            Publication.objects.published().defer("body")[:HOME_PUBLICATIONS]
        )
        upcoming = Event.objects.published().upcoming()
        context["next_events"] = list(keys_first(upcoming, 0, HOME_EVENTS))
        context["plan_statuses"] = plan_status_summary()
        return context


def plan_status_summary():
    """[(status label, number of published plans)] in workflow order, from the tally."""
    counts = {status: number for (status,), number in tally.published_counts("status").items()}
    return [(status.label, counts[status.value]) for status in PlanStatus if counts.get(status)]


class SearchView(TemplateView):
    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw_query = self.request.GET.get("q", "")
        query = search.normalise_query(raw_query)
        too_short = bool(query) and not search.query_words(query)
        groups = search.search(query) if query and not too_short else []
        context.update(
            query=query,
            searched=bool(query) and not too_short,
            too_short=too_short,
            shortened=len(raw_query.strip()) > search.MAX_QUERY_LENGTH,
            groups=groups,
            # Each group's matches are counted up to a bound: past it, "more than".
            found=sum(min(group.found, search.CANDIDATES) for group in groups),
            found_more_than_counted=any(group.found_more_than_counted for group in groups),
            candidates=search.CANDIDATES,
            max_query_length=search.MAX_QUERY_LENGTH,
        )
        return context


def about_page(request, subpath=""):
    """About pages are flatpages under /about/, edited by staff in the admin."""
    url = f"/about/{subpath}"
    max_length = FlatPage._meta.get_field("url").max_length
    if len(url) > max_length or any(unicodedata.category(char) == "Cc" for char in url):
        raise Http404("No such page.")
    try:
        page = get_object_or_404(FlatPage, url=url, sites=get_current_site(request).id)
    except Http404:
        # Django's flatpage view: the address without its slash redirects, or is a 404.
        return flatpage(request, url)
    # render_flatpage marks the title and content safe by assigning them, which would
    # write the English fallback into the Russian column of this copy: keep the columns.
    page._mt_disable = True
    return render_flatpage(request, page)


def robots_txt(request):
    lines = ["User-agent: *"]
    for language, _name in settings.LANGUAGES:  # /admin/ and /ru/admin/
        with translation.override(language):
            lines += [f"Disallow: {reverse('admin:index')}", f"Disallow: {reverse('search')}"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116. The contact comes from settings; by default the Secretariat page."""
    contact = settings.SECURITY_CONTACT or request.build_absolute_uri("/about/secretariat/")
    expires = (timezone.now() + datetime.timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en, ru",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    # page_missing: the language switch and hreflang name no address that has no page.
    return render(request, "404.html", {"page_missing": True}, status=404)


def server_error(request):
    # Rendered without the request's context processors: the database may be the fault.
    return HttpResponseServerError(loader.render_to_string("500.html"))
