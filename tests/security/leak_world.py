"""A small site where every content type has hidden items tied to published ones.

Hidden items carry a marker starting with ``zqleak`` in every text field (and their slug),
published controls carry ``zqshown``. Each hidden item is linked to published items the
way real data would be (hosting, coordinating, related, decided at, carried out at), so
that each published page that lists related things is a chance to leak it.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone

from core.publishing import PublicationStatus
from events.models import EventStatus
from members.models import Participant
from plans.models import Coordination, CoordinationRole, PlanStatus
from plans.workflow import record_status_change
from tests.factories import (
    ChairmanshipFactory,
    DimensionFactory,
    EventDocumentFactory,
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PriorityAreaFactory,
    PublicationFactory,
    member_state,
    plan_with_status,
)

LEAK = "zqleak"
SHOWN = "zqshown"
HIDDEN_VARIANTS = ("draft", "scheduled", "withdrawn")


def hidden_state(variant):
    """Publication fields of a draft, a scheduled or a withdrawn item."""
    now = timezone.now()
    if variant == "draft":
        return {"publication_status": PublicationStatus.DRAFT, "publish_at": now}
    if variant == "scheduled":
        return {
            "publication_status": PublicationStatus.PUBLISHED,
            "publish_at": now + datetime.timedelta(days=30),
        }
    return {
        "publication_status": PublicationStatus.WITHDRAWN,
        "publish_at": now - datetime.timedelta(days=30),
    }


@dataclass
class World:
    host: Participant = None
    published_plans: list = field(default_factory=list)
    published_events: list = field(default_factory=list)
    published_publications: list = field(default_factory=list)
    # URL of each hidden item -> its marker.
    hidden_urls: dict = field(default_factory=dict)
    hidden_months: set = field(default_factory=set)
    markers: list = field(default_factory=list)
    controls: list = field(default_factory=list)

    def public_pages(self):
        """Every page an anonymous visitor can reach that could list the hidden items."""
        pages = [
            "/",
            "/members/",
            "/members/?sort=year",
            "/members/?sort=-year",
            self.host.get_absolute_url(),
            "/plans/",
            "/plans/?sort=-decided",
            "/plans/?format=csv",
            f"/plans/?coordinator={self.host.slug}",
            "/plans/?q=ZQLEAK",
            "/plans/status/",
            "/plans/decisions/feed/",
            "/plans/decisions/feed/atom/",
            "/plans/decisions/dimension/economic/feed/",
            "/plans/decisions/dimension/economic/feed/atom/",
            f"/plans/decisions/state/{self.host.slug}/feed/",
            f"/plans/decisions/state/{self.host.slug}/feed/atom/",
            "/events/",
            "/events/past/",
            f"/events/?host={self.host.slug}",
            f"/events/past/?host={self.host.slug}",
            "/events/calendar.ics",
            "/events/calendar.ics?kind=summit&kind=ministerial",
            "/events/feed/rss/",
            "/events/feed/atom/",
            "/publications/",
            "/publications/?kind=news",
            "/publications/feed/rss/",
            "/publications/feed/atom/",
            "/publications/feed/news/rss/",
            "/publications/feed/news/atom/",
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/sitemap-about.xml",
            "/sitemap-members.xml",
            "/sitemap-plans.xml",
            "/sitemap-events.xml",
            "/sitemap-publications.xml",
            "/robots.txt",
            "/about/",
            "/about/secretariat/",
            "/.well-known/security.txt",
        ]
        pages += [f"/events/{day.year}/{day.month}/" for day in sorted(self.hidden_months)]
        for plan in self.published_plans:
            pages.append(plan.get_absolute_url())
            pages += [f"{plan.get_absolute_url()}feed/", f"{plan.get_absolute_url()}feed/atom/"]
        for event in self.published_events:
            pages += [event.get_absolute_url(), event.get_ics_url()]
        pages += [p.get_absolute_url() for p in self.published_publications]
        # Searched in capitals: the echo of the query is then told apart from a hit.
        pages += [f"/search/?q={marker.upper()}" for marker in [LEAK, *self.markers]]
        return pages


def build_world():
    world = World()
    today = timezone.localdate()
    site = Site.objects.get(pk=settings.SITE_ID)
    host = member_state(name=f"{SHOWN}host", slug=f"{SHOWN}host", year=2002)
    world.host = host
    ChairmanshipFactory(state=host, start_year=today.year - 3, end_year=today.year + 3)
    dimension = DimensionFactory(name="Economic dimension", slug="economic")
    area = PriorityAreaFactory(dimension=dimension, name="Tourism", slug="tourism")
    upcoming = EventFactory(
        title=f"{SHOWN}summit",
        slug=f"{SHOWN}summit",
        start_date=today + datetime.timedelta(days=20),
        hosts=[host],
    )
    past = EventFactory(
        title=f"{SHOWN}ministerial",
        slug=f"{SHOWN}ministerial",
        kind="ministerial",
        start_date=today - datetime.timedelta(days=200),
        hosts=[host],
    )
    world.published_events = [upcoming, past]
    plan = plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        decided_on=today - datetime.timedelta(days=10),
        title=f"{SHOWN}plan",
        slug=f"{SHOWN}plan",
        dimension=dimension,
        priority_area=area,
        start_year=today.year - 1,
        end_year=today.year + 1,
    )
    Coordination.objects.create(state=host, plan=plan, role=CoordinationRole.COORDINATOR)
    measure = MeasureFactory(plan=plan, title=f"{SHOWN}measure", event=past)
    measure.responsible_states.add(host)
    upcoming.plans.add(plan)
    publication = PublicationFactory(title=f"{SHOWN}news", slug=f"{SHOWN}news")
    publication.related_states.add(host)
    publication.related_plans.add(plan)
    publication.related_events.add(upcoming)
    world.published_plans = [plan]
    world.published_publications = [publication]
    world.controls = [f"{SHOWN}host", f"{SHOWN}summit", f"{SHOWN}plan", f"{SHOWN}news"]
    page = FlatPage.objects.create(url="/about/", title="About", content=f"{SHOWN}about")
    page.sites.add(site)
    page = FlatPage.objects.create(url="/about/secretariat/", title="Secretariat", content="Text")
    page.sites.add(site)

    for variant in HIDDEN_VARIANTS:
        _hidden_participant(world, variant, plan, measure, upcoming, publication)
        _hidden_plan(world, variant, dimension, area, upcoming, past, publication)
        _hidden_event(world, variant, plan, publication)
        _hidden_publication(world, variant, plan, upcoming)
    _hidden_about_pages(world, site)
    return world


def _texts(marker):
    return {"summary": f"{marker} summary", "body": f"{marker} body"}


def _hidden_participant(world, variant, plan, measure, event, publication):
    marker = f"{LEAK}participant{variant}"
    state = member_state(
        name=marker, slug=marker, official_name=f"{marker} official", summary=marker, year=2015
    )
    Participant.objects.filter(pk=state.pk).update(**hidden_state(variant))
    Coordination.objects.create(state=state, plan=plan, role=CoordinationRole.CO_COORDINATOR)
    measure.responsible_states.add(state)
    event.hosts.add(state)
    publication.related_states.add(state)
    if variant == "draft":
        # The most recent chairmanship: the "current chair" on the home page.
        year = timezone.localdate().year
        ChairmanshipFactory(state=state, start_year=year, end_year=year + 1)
    world.hidden_urls[state.get_absolute_url()] = marker
    world.markers.append(marker)


def _hidden_plan(world, variant, dimension, area, upcoming, past, publication):
    marker = f"{LEAK}plan{variant}"
    hidden = plan_with_status(
        PlanStatus.IN_IMPLEMENTATION,
        decided_on=timezone.localdate() - datetime.timedelta(days=5),
        title=marker,
        slug=marker,
        dimension=dimension,
        priority_area=area,
        start_year=2010,
        end_year=2012,
        **_texts(marker),
        **hidden_state(variant),
    )
    record_status_change(
        hidden, PlanStatus.COMPLETED, timezone.localdate(), meeting=upcoming, note=f"{marker} note"
    )
    Coordination.objects.create(state=world.host, plan=hidden, role=CoordinationRole.COORDINATOR)
    MeasureFactory(plan=hidden, title=f"{marker} measure", event=past).responsible_states.add(
        world.host
    )
    PlanDocumentFactory(plan=hidden, title=f"{marker} document")
    upcoming.plans.add(hidden)
    publication.related_plans.add(hidden)
    # Neighbours: a published plan followed by the hidden one, and one following it.
    before = plan_with_status(
        PlanStatus.COMPLETED,
        title=f"{SHOWN}before{variant}",
        slug=f"{SHOWN}before{variant}",
        dimension=dimension,
        priority_area=area,
    )
    hidden.predecessor = before
    hidden.save()
    after = plan_with_status(
        PlanStatus.DRAFT,
        title=f"{SHOWN}after{variant}",
        slug=f"{SHOWN}after{variant}",
        dimension=dimension,
        priority_area=area,
        predecessor=hidden,
    )
    world.published_plans += [before, after]
    world.hidden_urls[hidden.get_absolute_url()] = marker
    world.markers.append(marker)


def _hidden_event(world, variant, plan, publication):
    marker = f"{LEAK}event{variant}"
    offset = {"draft": 15, "scheduled": -40, "withdrawn": 60}[variant]
    day = timezone.localdate() + datetime.timedelta(days=offset)
    event = EventFactory(
        title=marker,
        slug=marker,
        start_date=day,
        city=f"{marker} city",
        venue=f"{marker} venue",
        organiser=f"{marker} organiser",
        hosts=[world.host],
        plans=[plan],
        **_texts(marker),
        **hidden_state(variant),
    )
    EventDocumentFactory(event=event, title=f"{marker} document")
    # A published plan decided at the hidden meeting, and a measure carried out there.
    decided = plan_with_status(
        PlanStatus.DRAFT,
        title=f"{SHOWN}decided{variant}",
        slug=f"{SHOWN}decided{variant}",
        dimension=plan.dimension,
        priority_area=None,
    )
    record_status_change(decided, PlanStatus.AGREED_BY_SWG, None, meeting=event)
    world.published_plans.append(decided)
    MeasureFactory(plan=plan, title=f"{SHOWN}measure{variant}", event=event)
    publication.related_events.add(event)
    world.hidden_months.add(day.replace(day=1))
    world.hidden_urls[event.get_absolute_url()] = marker
    world.hidden_urls[event.get_ics_url()] = marker
    world.markers.append(marker)


def _hidden_publication(world, variant, plan, event):
    marker = f"{LEAK}publication{variant}"
    publication = PublicationFactory(
        title=marker,
        slug=marker,
        standfirst=f"{marker} standfirst",
        body=f"{marker} body",
        author=f"{marker} author",
        **hidden_state(variant),
    )
    publication.related_states.add(world.host)
    publication.related_plans.add(plan)
    publication.related_events.add(event)
    world.hidden_urls[publication.get_absolute_url()] = marker
    world.markers.append(marker)


def _hidden_about_pages(world, site):
    """About pages have no draft state: "registration required" and another site hide them."""
    marker = f"{LEAK}aboutregistered"
    page = FlatPage.objects.create(
        url=f"/about/{marker}/", title=marker, content=marker, registration_required=True
    )
    page.sites.add(site)
    world.hidden_urls[page.url] = marker
    other_site = Site.objects.create(domain="other.example", name="Other")
    marker = f"{LEAK}aboutothersite"
    page = FlatPage.objects.create(url=f"/about/{marker}/", title=marker, content=marker)
    page.sites.add(other_site)
    world.hidden_urls[page.url] = marker
    world.markers += [f"{LEAK}aboutregistered", marker]


def create_then_delete_one_of_each(world):
    """Published items of every type with the links above, each deleted afterwards.

    Returns (their URLs -> marker, a function deleting them all).
    """
    urls = {}
    marker = f"{LEAK}participantdeleted"
    state = member_state(name=marker, slug=marker, summary=marker, year=2016)
    world.published_events[0].hosts.add(state)
    world.published_publications[0].related_states.add(state)
    urls[state.get_absolute_url()] = marker

    marker = f"{LEAK}plandeleted"
    plan = plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        title=marker,
        slug=marker,
        dimension=world.published_plans[0].dimension,
        priority_area=None,
        **_texts(marker),
    )
    Coordination.objects.create(state=world.host, plan=plan, role=CoordinationRole.COORDINATOR)
    MeasureFactory(plan=plan, title=f"{marker} measure")
    world.published_events[0].plans.add(plan)
    urls[plan.get_absolute_url()] = marker

    marker = f"{LEAK}eventdeleted"
    event = EventFactory(
        title=marker,
        slug=marker,
        status=EventStatus.CANCELLED,
        start_date=timezone.localdate() + datetime.timedelta(days=25),
        hosts=[world.host],
        **_texts(marker),
    )
    world.published_publications[0].related_events.add(event)
    urls[event.get_absolute_url()] = marker
    urls[event.get_ics_url()] = marker

    marker = f"{LEAK}publicationdeleted"
    publication = PublicationFactory(title=marker, slug=marker, body=marker)
    urls[publication.get_absolute_url()] = marker

    marker = f"{LEAK}aboutdeleted"
    page = FlatPage.objects.create(url=f"/about/{marker}/", title=marker, content=marker)
    page.sites.add(Site.objects.get(pk=settings.SITE_ID))
    urls[page.url] = marker

    def delete_all():
        state.delete()
        plan.delete()
        event.delete()
        publication.delete()
        page.delete()

    return urls, delete_all
