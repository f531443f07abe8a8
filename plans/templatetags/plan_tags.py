"""Pieces of plan pages, and the plans section other apps' pages show (the member page)."""

from django import template
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Participant, ParticipantKind

from ..models import Coordination, CoordinationRole, Plan

register = template.Library()


def decision_feeds(subject=None):
    """{"title", "rss", "atom"} of the feed of status decisions on the subject: a plan, a
    member state, or all plans (None); None where there is no such feed (a draft being
    previewed, an organisation). No query. (The status board links the dimensions'.)"""
    if subject is None:
        return {
            "title": _("CICA action plans: status decisions"),
            "rss": reverse("plans:decisions_rss"),
            "atom": reverse("plans:decisions_atom"),
        }
    if isinstance(subject, Plan) and subject.is_published:
        name, title = "plan", _("Status decisions on “%(name)s”")
        text = subject.title
    elif (
        isinstance(subject, Participant)
        and subject.kind == ParticipantKind.STATE
        and subject.is_published
    ):
        name, title = "state", _("Status decisions on plans coordinated by %(name)s")
        text = subject.name
    else:
        return None
    return {
        "title": title % {"name": text},
        "rss": reverse(f"plans:{name}_decisions_rss", kwargs={"slug": subject.slug}),
        "atom": reverse(f"plans:{name}_decisions_atom", kwargs={"slug": subject.slug}),
    }


@register.inclusion_tag("plans/_decision_feed_head.html")
def decision_feed_head(subject=None):
    """<link rel="alternate"> to the subject's feeds of status decisions, for <head>."""
    return {"feed": decision_feeds(subject)}


@register.inclusion_tag("plans/_decision_feed_links.html")
def decision_feed_links(subject=None, label=None):
    """The visible links to the subject's feeds of status decisions."""
    return {"feed": decision_feeds(subject), "label": label}


@register.inclusion_tag("plans/_status_badge.html")
def plan_status_badge(plan):
    return {"plan": plan}


@register.inclusion_tag("plans/_participant_section.html", takes_context=True)
def plans_coordinated(context, participant):
    """The dimensions, priority areas and plans a member state coordinates and
    co-coordinates; draft plans only for staff who may preview them. One query."""
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    roles = {CoordinationRole.COORDINATOR: [], CoordinationRole.CO_COORDINATOR: []}
    shown = Coordination.objects.filter(state=participant).shown_to(user)
    for role in shown.with_plan_lists().in_subject_order():
        roles[role.role].append(role)
    return {
        "participant": participant,
        "coordinates": roles[CoordinationRole.COORDINATOR],
        "co_coordinates": roles[CoordinationRole.CO_COORDINATOR],
    }
