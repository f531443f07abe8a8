"""The pages the bench scripts measure, with real URLs picked from the seeded data.

Needs Django set up (run inside ``manage.py shell`` or after ``django.setup()``).
Busy items are picked on purpose (the member state hosting most events, a plan with
a long history and many measures): a page must be fast for them too.
"""

from django.db.models import Count
from django.utils import timezone

from events.models import Event
from events.sitemaps import EventSitemap
from members.models import Participant
from plans.models import Plan, PlanStatus
from publications.models import Publication


def _busiest(queryset, relation):
    return queryset.annotate(n=Count(relation)).order_by("-n", "pk").first()


def public_paths():
    """{name: path} of every public page type."""
    today = timezone.localdate()
    plans = Plan.objects.published()
    plan = (
        plans.filter(status=PlanStatus.SUPERSEDED, measures__isnull=False).order_by("pk").first()
        or plans.order_by("pk").first()
    )
    events = Event.objects.published()
    event = events.filter(plans__isnull=False, decisions__isnull=False).order_by("-pk").first()
    event = event or events.order_by("-pk").first()
    ics_event = events.calendar_ready().filter(starts_at__isnull=False).order_by("-pk").first()
    publication = (
        Publication.objects.published().filter(related_plans__isnull=False).order_by("pk").first()
        or Publication.objects.published().order_by("pk").first()
    )
    member = _busiest(Participant.objects.published().states().members(), "hosted_events")
    coordinator = _busiest(Participant.objects.published().states(), "coordinations")
    year = today.year - 1
    # The second page of the events sitemap when there is one (a full page of addresses).
    sitemap_page = 2 if events.count() > EventSitemap.limit else 1
    return {
        "home": "/",
        "member list": "/members/",
        "member detail": member.get_absolute_url(),
        "plan list": "/plans/",
        "plan list filtered": f"/plans/?dimension={plan.dimension.slug}&status=approved_soc",
        "plan list text": "/plans/?q=water",
        "plan list by coordinator": f"/plans/?coordinator={coordinator.slug}",
        "plan csv filtered": f"/plans/?dimension={plan.dimension.slug}&status=approved_soc"
        "&format=csv",
        "plan detail": plan.get_absolute_url(),
        "status board": "/plans/status/",
        "event list": "/events/",
        "event list filtered": f"/events/?kind=soc&year={today.year}",
        "past events": "/events/past/",
        "event detail": event.get_absolute_url(),
        "calendar month": f"/events/{today.year}/{today.month}/",
        "event ics": (ics_event or event).get_ics_url(),
        "calendar ics": "/events/calendar.ics",
        "calendar ics year": f"/events/calendar.ics?year={year}",
        "events feed": "/events/feed/rss/",
        "publication list": "/publications/",
        "publication list filtered": f"/publications/?kind=news&year={year}",
        "publication detail": publication.get_absolute_url(),
        "publications feed": "/publications/feed/rss/",
        "search": "/search/?q=summit",
        # A word thousands of items share (issue 19): every group is full.
        "search common word": "/search/?q=security",
        "sitemap": "/sitemap.xml",
        "sitemap section": f"/sitemap-events.xml?p={sitemap_page}",
        "about": "/about/",
        # The JSON API (issue 22): lists, a filtered list, details of busy items.
        "api plans": "/api/v1/plans/",
        "api plans filtered": f"/api/v1/plans/?dimension={plan.dimension.slug}&status=approved_soc",
        "api plan": f"/api/v1/plans/{plan.slug}/",
        "api decisions since": f"/api/v1/decisions/?decided_after={year}-01-01",
        "api states": "/api/v1/states/",
        "api state": f"/api/v1/states/{member.slug}/",
        "api events": "/api/v1/events/",
        "api event": f"/api/v1/events/{event.slug}/",
        "api publications": "/api/v1/publications/",
    }


# The pages the issue names for the throughput benchmark (plus the bare view).
BENCH_PAGES = [
    "home",
    "member list",
    "member detail",
    "plan list",
    "plan list filtered",
    "plan detail",
    "status board",
    "event list",
    "event detail",
    "calendar month",
    "event ics",
    "calendar ics",
    "publication list",
    "publication detail",
    "search",
    "search common word",
    "sitemap",
    "sitemap section",
    "api plans",
    "api plans filtered",
    "api plan",
    "api decisions since",
    "api states",
    "api state",
    "api events",
    "api event",
    "api publications",
]


BUSY_OBJECT_RELATIONS = {
    # model label -> relation counted to pick the busiest object for its change form
    "plans.plan": "measures",
    "events.event": "plans",
    "publications.publication": "related_plans",
    "members.participant": "hosted_events",
    "plans.dimension": "plans",
    "plans.priorityarea": "plans",
}


def admin_paths():
    """{name: path} of the admin home, and every registered model's changelist and change form."""
    from django.contrib import admin
    from django.urls import reverse

    paths = {"admin home": reverse("admin:index")}
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label):
        opts = model._meta
        paths[f"{opts.label} changelist"] = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_changelist"
        )
        relation = BUSY_OBJECT_RELATIONS.get(opts.label_lower)
        objects = model._default_manager.all()
        obj = _busiest(objects, relation) if relation else objects.order_by("pk").first()
        if obj is not None:
            paths[f"{opts.label} change"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            )
    return paths
