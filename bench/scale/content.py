"""Bulk builders for each kind of synthetic content (see bench.scale.seed).

Rows go in with bulk_create in chunks, so memory stays flat and no signal fires:
derived fields that save() would set (Event.last_date, Publication.body_html,
Participant.current_status, Plan.status...) are computed here the same way.
"""

import datetime
import zoneinfo

from django.utils import timezone, translation

from core.partial_dates import DatePrecision, normalise_partial_date
from core.publishing import PublicationStatus
from core.rendering import render_markdown
from events.models import Event, EventKind, EventStatus, last_day_covered
from members.models import Participant, ParticipantKind, ParticipationStatus
from members.models import StatusChange as MemberStatusChange
from plans.models import (
    Coordination,
    CoordinationRole,
    Dimension,
    PriorityArea,
)
from publications.models import Publication, PublicationKind

from . import text

BATCH = 1000
CHUNK = 5000
P = PublicationStatus
EVENT_KIND_WEIGHTS = {
    EventKind.SUMMIT: 2,
    EventKind.MINISTERIAL: 5,
    EventKind.SOC: 15,
    EventKind.SWG: 15,
    EventKind.EXPERTS: 20,
    EventKind.SPECIALISED: 15,
    EventKind.SEMINAR: 20,
    EventKind.BUSINESS_FORUM: 3,
    EventKind.OTHER: 5,
}
PUBLICATION_KIND_WEIGHTS = {
    PublicationKind.NEWS: 50,
    PublicationKind.PRESS_RELEASE: 20,
    PublicationKind.INTERVIEW: 5,
    PublicationKind.SPEECH: 10,
    PublicationKind.STATEMENT: 10,
    PublicationKind.ARTICLE: 5,
}
FIRST_EVENT = datetime.date(1992, 1, 1)
FIRST_PUBLICATION = datetime.date(1999, 1, 1)
BODY_POOL = 200


class Context:
    """What every builder shares: the random source, 'now', and what was made so far."""

    def __init__(self, rng, now=None):
        self.rng = rng
        self.now = (now or timezone.now()).replace(microsecond=0)
        self.today = timezone.localdate(self.now)
        self.state_pks = []
        self.event_pks = []
        self.meeting_rows = []  # (kind, day, pk) of published SOC/SWG meetings
        self.published_plan_pks = []
        self.created = {}

    def count(self, name, number):
        self.created[name] = self.created.get(name, 0) + number

    def publication_state(self, published_at):
        """Mostly published; a few drafts, scheduled (in 1-30 days) and withdrawn items."""
        roll = self.rng.random()
        published_at = min(published_at, self.now - datetime.timedelta(minutes=1))
        if roll < 0.03:
            return P.DRAFT, published_at
        if roll < 0.05:
            later = self.now + datetime.timedelta(seconds=self.rng.randrange(86400, 30 * 86400))
            return P.PUBLISHED, later
        if roll < 0.06:
            return P.WITHDRAWN, published_at
        return P.PUBLISHED, published_at

    def moment(self, day, hour=9):
        return datetime.datetime.combine(day, datetime.time(hour), timezone.get_current_timezone())

    def weighted(self, weights):
        return self.rng.choices(list(weights), list(weights.values()))[0]


def chunks(total, size=CHUNK):
    for start in range(0, total, size):
        yield range(start, min(total, start + size))


def width(total):
    return max(2, len(str(total)))


def seed_states(ctx, total):
    """Member and observer states with a dated history; never a real name or ISO code."""
    rng, digits = ctx.rng, width(total)
    states, histories = [], []
    for number in range(1, total + 1):
        joined = datetime.date(rng.randrange(1999, 2024), rng.randrange(1, 13), 1)
        if rng.random() < 0.7:
            history = [(ParticipationStatus.MEMBER, joined, DatePrecision.YEAR)]
            if rng.random() < 0.3:
                observer = joined.replace(year=joined.year - rng.randrange(1, 6))
                history.insert(0, (ParticipationStatus.OBSERVER, observer, DatePrecision.YEAR))
        else:
            history = [(ParticipationStatus.OBSERVER, joined, DatePrecision.MONTH)]
        history = [(s, normalise_partial_date(d, p), p) for s, d, p in history]
        current, since, precision = history[-1]
        first_member = next((h for h in history if h[0] == ParticipationStatus.MEMBER), None)
        states.append(
            Participant(
                kind=ParticipantKind.STATE,
                name=f"{text.TITLE_PREFIX} state {number:0{digits}d}",
                slug=f"{text.SLUG_PREFIX}state-{number:0{digits}d}",
                summary=text.paragraph(rng, rng.choice(text.TOPICS), "member state", 2),
                current_status=current,
                accession_date=first_member[1] if first_member else None,
                accession_precision=first_member[2] if first_member else "",
                publication_status=P.PUBLISHED,
                publish_at=ctx.moment(since),
            )
        )
        histories.append(history)
    Participant.objects.bulk_create(states, batch_size=BATCH)
    changes = [
        MemberStatusChange(participant=state, status=s, date=d, precision=p)
        for state, history in zip(states, histories, strict=True)
        for s, d, p in history
    ]
    MemberStatusChange.objects.bulk_create(changes, batch_size=BATCH)
    ctx.state_pks = [state.pk for state in states]
    ctx.count("states", len(states))
    ctx.count("member status changes", len(changes))


def ensure_taxonomy(ctx):
    """The dimensions and priority areas plans belong to: the real ones when loaded,
    otherwise five synthetic dimensions of four areas each."""
    if not Dimension.objects.exists():
        for number in range(1, 6):
            dimension = Dimension.objects.create(
                name=f"{text.TITLE_PREFIX} dimension {number}",
                slug=f"{text.SLUG_PREFIX}dimension-{number}",
                position=number,
            )
            Coordination.objects.create(
                state_id=ctx.rng.choice(ctx.state_pks),
                role=CoordinationRole.COORDINATOR,
                dimension=dimension,
            )
            for area_number in range(1, 5):
                area = PriorityArea.objects.create(
                    dimension=dimension,
                    name=f"{text.TITLE_PREFIX} priority area {number}.{area_number}",
                    slug=f"{text.SLUG_PREFIX}priority-area-{number}-{area_number}",
                )
                Coordination.objects.create(
                    state_id=ctx.rng.choice(ctx.state_pks),
                    role=CoordinationRole.COORDINATOR,
                    priority_area=area,
                )
        ctx.count("dimensions", 5)
        ctx.count("priority areas", 20)
    areas = {}
    for area in PriorityArea.objects.all():
        areas.setdefault(area.dimension_id, []).append(area.pk)
    return [(pk, areas.get(pk, [])) for pk in Dimension.objects.values_list("pk", flat=True)]


def _event_when(ctx, start, zone_name):
    """Dates, precision and times of one event, derived as Event.save() would."""
    rng = ctx.rng
    roll = rng.random()
    fields = {"starts_at": None, "ends_at": None, "end_date": None}
    if roll < 0.03:
        precision = DatePrecision.YEAR
    elif roll < 0.10:
        precision = DatePrecision.MONTH
    else:
        precision = DatePrecision.DAY
    start = normalise_partial_date(start, precision)
    if precision == DatePrecision.DAY:
        days = rng.choice([0, 0, 0, 1, 2, 3])
        if rng.random() < 0.25:
            zone = zoneinfo.ZoneInfo(zone_name)
            fields["starts_at"] = datetime.datetime.combine(start, datetime.time(10), zone)
            last = start + datetime.timedelta(days=days)
            fields["ends_at"] = datetime.datetime.combine(last, datetime.time(17), zone)
        if days:
            fields["end_date"] = start + datetime.timedelta(days=days)
    fields.update(start_date=start, date_precision=precision)
    fields["last_date"] = last_day_covered(start, fields["end_date"], precision)
    return fields


def seed_events(ctx, total):
    rng, digits = ctx.rng, width(total)
    span = (ctx.today + datetime.timedelta(days=730) - FIRST_EVENT).days
    with translation.override("en"):
        labels = {kind: str(kind.label) for kind in EventKind}
    # Announced in date order, as real meetings are: rows of a year sit together on disk.
    days = sorted(FIRST_EVENT + datetime.timedelta(days=rng.randrange(span)) for _ in range(total))
    for numbers in chunks(total):
        events, hosts = [], []
        for index in numbers:
            kind = ctx.weighted(EVENT_KIND_WEIGHTS)
            topic = rng.choice(text.TOPICS)
            zone_name = rng.choice(text.TIME_ZONES)
            when = _event_when(ctx, days[index], zone_name)
            announced = ctx.moment(when["start_date"]) - datetime.timedelta(days=30)
            status, publish_at = ctx.publication_state(announced)
            roll = rng.random()
            event = Event(
                title=f"{text.TITLE_PREFIX} {labels[kind]} {index + 1:0{digits}d} on {topic}",
                slug=f"{text.SLUG_PREFIX}event-{index + 1:0{digits}d}",
                kind=kind,
                status=EventStatus.CANCELLED
                if roll < 0.03
                else EventStatus.POSTPONED
                if roll < 0.05
                else EventStatus.SCHEDULED,
                timezone=zone_name,
                city=rng.choice(text.CITIES),
                venue=rng.choice(text.VENUES),
                summary=text.paragraph(rng, topic, "meeting", 2),
                body=text.paragraph(rng, topic, "meeting", 4),
                publication_status=status,
                publish_at=publish_at,
                updated_at=min(publish_at, ctx.now),
                **when,
            )
            events.append(event)
        Event.objects.bulk_create(events, batch_size=BATCH)
        for event in events:
            for state_pk in rng.sample(ctx.state_pks, 2 if rng.random() < 0.05 else 1):
                hosts.append(Event.hosts.through(event_id=event.pk, participant_id=state_pk))
            ctx.event_pks.append(event.pk)
            if (
                event.publication_status == P.PUBLISHED
                and event.kind in (EventKind.SOC, EventKind.SWG)
                and event.date_precision == DatePrecision.DAY
            ):
                ctx.meeting_rows.append((event.kind, event.start_date, event.pk))
        Event.hosts.through.objects.bulk_create(hosts, batch_size=BATCH)
        ctx.count("events", len(events))
        ctx.count("event hosts", len(hosts))


def seed_publications(ctx, total):
    rng, digits = ctx.rng, width(total)
    span = (ctx.today - FIRST_PUBLICATION).days
    with translation.override("en"):
        labels = {kind: str(kind.label).lower() for kind in PublicationKind}
    bodies = []
    for _ in range(BODY_POOL):
        body = text.markdown_body(rng, rng.choice(text.TOPICS), "publication")
        bodies.append((body, render_markdown(body)))
    through = Publication.related_states.through, Publication.related_plans.through
    through_events = Publication.related_events.through
    days = sorted(
        FIRST_PUBLICATION + datetime.timedelta(days=rng.randrange(span)) for _ in range(total)
    )
    for numbers in chunks(total):
        publications = []
        for index in numbers:
            kind = ctx.weighted(PUBLICATION_KIND_WEIGHTS)
            topic = rng.choice(text.TOPICS)
            posted_on = days[index]
            status, publish_at = ctx.publication_state(ctx.moment(posted_on))
            body, body_html = rng.choice(bodies)
            publications.append(
                Publication(
                    kind=kind,
                    title=f"{text.TITLE_PREFIX} {labels[kind]} {index + 1:0{digits}d}: {topic}",
                    slug=f"{text.SLUG_PREFIX}publication-{index + 1:0{digits}d}",
                    standfirst=text.paragraph(rng, topic, labels[kind], 1),
                    body=body,
                    body_html=body_html,
                    posted_on=posted_on,
                    author=f"{text.TITLE_PREFIX} press office",
                    publication_status=status,
                    publish_at=publish_at,
                )
            )
        Publication.objects.bulk_create(publications, batch_size=BATCH)
        states, plans, events = [], [], []
        for publication in publications:
            if rng.random() < 0.3:
                states.append(
                    through[0](
                        publication_id=publication.pk, participant_id=rng.choice(ctx.state_pks)
                    )
                )
            if ctx.published_plan_pks and rng.random() < 0.2:
                plans.append(
                    through[1](
                        publication_id=publication.pk, plan_id=rng.choice(ctx.published_plan_pks)
                    )
                )
            if ctx.event_pks and rng.random() < 0.2:
                events.append(
                    through_events(
                        publication_id=publication.pk, event_id=rng.choice(ctx.event_pks)
                    )
                )
        for model, rows in ((through[0], states), (through[1], plans), (through_events, events)):
            model.objects.bulk_create(rows, batch_size=BATCH)
        ctx.count("publications", len(publications))
        ctx.count("publication links", len(states) + len(plans) + len(events))
