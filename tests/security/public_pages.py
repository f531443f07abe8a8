"""Every public page, feed and export of a site, for sweeps over real (demo) data."""

from django.contrib.flatpages.models import FlatPage
from django.utils import timezone

from events.models import Event
from members.models import Participant
from plans.models import Dimension, Plan
from publications.models import Publication

# Words the demo data contains, so that each search shows results.
SEARCHES = ["summit", "Kazakhstan", "action plan", "interview", "confidence building"]


def public_pages():
    """Every public page, feed and export whose content comes from the archive."""
    paths = [
        "/",
        "/members/",
        "/members/?sort=year",
        "/plans/",
        "/plans/?sort=-period",
        "/plans/?format=csv",
        "/plans/status/",
        "/plans/decisions/feed/",
        "/plans/decisions/feed/atom/",
        "/events/",
        "/events/past/",
        "/events/calendar.ics",
        "/events/feed/rss/",
        "/events/feed/atom/",
        "/publications/",
        "/publications/feed/rss/",
        "/publications/feed/atom/",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-about.xml",
        "/sitemap-members.xml",
        "/sitemap-plans.xml",
        "/sitemap-events.xml",
        "/sitemap-publications.xml",
        "/robots.txt",
    ]
    states = Participant.objects.published()
    paths += [p.get_absolute_url() for p in states]
    for slug in states.states().values_list("slug", flat=True):
        paths += [
            f"/plans/decisions/state/{slug}/feed/",
            f"/plans/decisions/state/{slug}/feed/atom/",
        ]
    for plan in Plan.objects.published():
        url = plan.get_absolute_url()
        paths += [url, f"{url}feed/", f"{url}feed/atom/"]
    for slug in Dimension.objects.values_list("slug", flat=True):
        paths += [f"/plans/?dimension={slug}", f"/plans/decisions/dimension/{slug}/feed/"]
    events = Event.objects.published()
    paths += [e.get_absolute_url() for e in events]
    paths += [e.get_ics_url() for e in events.calendar_ready()]
    months = {(e.start_date.year, e.start_date.month) for e in events.calendar_ready()}
    today = timezone.localdate()
    months.add((today.year, today.month))
    paths += [f"/events/{year}/{month}/" for year, month in sorted(months)]
    publications = Publication.objects.published()
    paths += [p.get_absolute_url() for p in publications]
    for kind in sorted(set(publications.values_list("kind", flat=True))):
        paths += [f"/publications/?kind={kind}", f"/publications/feed/{kind}/rss/"]
        paths.append(f"/publications/feed/{kind}/atom/")
    paths += [page.url for page in FlatPage.objects.filter(url__startswith="/about/")]
    paths += [f"/search/?q={query}" for query in SEARCHES]
    return paths
