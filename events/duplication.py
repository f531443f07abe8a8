"""Copying an event as a draft for the next annual meeting (admin action)."""

from django.db import transaction
from django.utils import timezone

from core.publishing import PublicationStatus

from .models import Event, EventStatus

COPIED_FIELDS = [
    "title",
    "kind",
    "date_precision",
    "timezone",
    "city",
    "venue",
    "organiser",
    "summary",
    "body",
]


def a_year_later(value):
    """The same day (or wall-clock time) a year later; 29 February becomes 28 February."""
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value.replace(year=value.year + 1, day=28)


def _next_year_text(text, year):
    return text.replace(str(year), str(year + 1))


def _unique_slug(base):
    base = base[:240]
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def duplicate_as_draft(event):
    """A draft copy a year later, with the same hosts and plans, without documents.

    A year in the title or slug ("SOC 2025") becomes the next one ("SOC 2026").
    """
    year = event.start_date.year
    copy = Event(**{name: getattr(event, name) for name in COPIED_FIELDS})
    copy.title = _next_year_text(event.title, year)
    if str(year) in event.slug:
        copy.slug = _unique_slug(_next_year_text(event.slug, year))
    else:
        copy.slug = _unique_slug(f"{event.slug}-{year + 1}")
    copy.status = EventStatus.SCHEDULED
    copy.publication_status = PublicationStatus.DRAFT
    copy.publish_at = timezone.now()
    copy.start_date = a_year_later(event.start_date)
    copy.end_date = a_year_later(event.end_date) if event.end_date else None
    if event.starts_at:
        # Same wall-clock time at the venue a year later, whatever daylight saving does.
        copy.starts_at = a_year_later(event.local_start)
        copy.ends_at = a_year_later(event.local_end) if event.ends_at else None
    copy.save()
    copy.hosts.set(event.hosts.all())
    copy.plans.set(event.plans.all())
    return copy
