"""What the Secretariat needs to see first when it opens the admin."""

import datetime

from django.contrib.admin.models import LogEntry
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from core.bilingual import missing
from core.publishing import PublicationStatus
from events.models import Event
from members.models import Participant
from plans.models import Plan, PlanStatus
from publications.models import Publication

PUBLISHABLE_MODELS = [Publication, Event, Plan, Participant]
LIST_LENGTH = 8


def _admin_url(obj):
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _items(queryset):
    return [
        {"object": obj, "kind": obj._meta.verbose_name, "url": _admin_url(obj)}
        for obj in queryset[:LIST_LENGTH]
    ]


def dashboard(user):
    now = timezone.now()
    drafts, scheduled = [], []
    for model in PUBLISHABLE_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        drafts += _items(
            model.objects.filter(publication_status=PublicationStatus.DRAFT).order_by("-pk")
        )
        scheduled += _items(model.objects.scheduled(now).order_by("publish_at"))
    plan_counts = dict(Plan.objects.values_list("status").annotate(count=Count("pk")).order_by())
    today = timezone.localdate()
    return {
        "missing_russian": _missing_russian(user),
        "drafts": drafts,
        "scheduled": sorted(scheduled, key=lambda item: item["object"].publish_at),
        "plans_by_status": [
            {"status": status, "label": label, "count": plan_counts.get(status, 0)}
            for status, label in PlanStatus.choices
        ],
        "coming_events": _items(
            Event.objects.filter(
                start_date__gte=today, start_date__lte=today + datetime.timedelta(days=30)
            ).order_by("start_date")
        ),
        "recent_changes": LogEntry.objects.select_related("user", "content_type").order_by(
            "-action_time"
        )[:LIST_LENGTH],
    }


def _missing_russian(user):
    """Per type, how many published items have no Russian version, with the admin list
    showing them (core/staff/translation_admin.py's filter)."""
    rows = []
    for model in PUBLISHABLE_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        count = model.objects.published().filter(missing(model, "ru")).count()
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        rows.append(
            {
                "label": opts.verbose_name_plural,
                "count": count,
                "url": f"{url}?publication_status__exact={PublicationStatus.PUBLISHED}&russian=no",
            }
        )
    return rows
