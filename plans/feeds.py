"""RSS and Atom feeds of status decisions: on all plans, in a dimension, on the plans a
state coordinates, on one plan.

Every feed reads StatusChange.objects.shown_publicly(), the API's definition of a public
decision: published plans only, a meeting named only once it is published.
"""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.feeds import RequestHostFeed
from core.partial_dates import DatePrecision
from members.models import Participant

from .models import Dimension, Plan, StatusChange

FEED_LENGTH = 30


class DecisionsFeed(RequestHostFeed):
    """Status decisions on all published plans, most recent first (RSS)."""

    title = _("CICA action plans: status decisions")
    description = _(
        "New statuses of CICA's concept papers and action plans: which body decided, "
        "at which meeting, and when."
    )
    subtitle = description  # Atom's name for it
    # The entry's text: new and former status, body, meeting, date, note.
    description_template = "plans/_decision_feed_item.html"

    def link(self, obj):
        return self.absolute(reverse("plans:status_board"))

    def decisions(self, obj):
        return StatusChange.objects.shown_publicly()

    def items(self, obj):
        return self.decisions(obj)[:FEED_LENGTH]

    def item_title(self, item):
        return _("%(plan)s: %(status)s") % {
            "plan": item.plan.title,
            "status": item.get_to_status_display(),
        }

    def item_link(self, item):
        # The decision in the plan page's status history.
        return self.absolute(f"{item.plan.get_absolute_url()}#decision-{item.step}")

    def item_pubdate(self, item):
        # A date known only to its month or year gets no machine-readable date: any day
        # given would be made up. The entry's text says "March 2020".
        if item.decided_on is None or item.decided_on_precision != DatePrecision.DAY:
            return None
        return timezone.make_aware(datetime.datetime.combine(item.decided_on, datetime.time()))

    item_updateddate = item_pubdate

    def item_categories(self, item):
        return [str(item.get_to_status_display())]


class DecisionsAtomFeed(DecisionsFeed):
    feed_type = Atom1Feed


class DimensionDecisionsFeed(DecisionsFeed):
    """Status decisions on the plans of one dimension."""

    def get_object(self, request, slug):
        return get_object_or_404(Dimension.objects.published(), slug=slug)

    def title(self, dimension):
        return _("CICA action plans: status decisions in the dimension “%(dimension)s”") % {
            "dimension": dimension.name
        }

    def link(self, dimension):
        return self.absolute(dimension.get_absolute_url())

    def decisions(self, dimension):
        return StatusChange.objects.shown_publicly().filter(plan__dimension=dimension)


class DimensionDecisionsAtomFeed(DimensionDecisionsFeed):
    feed_type = Atom1Feed


class StateDecisionsFeed(DecisionsFeed):
    """Status decisions on the plans a member state coordinates or co-coordinates, itself
    or through their priority area or dimension (as the plan list's coordinator filter)."""

    def get_object(self, request, slug):
        return get_object_or_404(Participant.objects.published().states(), slug=slug)

    def title(self, state):
        return _("CICA action plans: status decisions on plans coordinated by %(state)s") % {
            "state": state.name
        }

    def link(self, state):
        return self.absolute(state.get_absolute_url())

    def decisions(self, state):
        return StatusChange.objects.shown_publicly().on_plans(Plan.objects.coordinated_by(state))


class StateDecisionsAtomFeed(StateDecisionsFeed):
    feed_type = Atom1Feed


class PlanDecisionsFeed(DecisionsFeed):
    """The status decisions on one plan."""

    def get_object(self, request, slug):
        return get_object_or_404(Plan.objects.published().only("title", "slug"), slug=slug)

    def title(self, plan):
        return _("CICA: status decisions on “%(plan)s”") % {"plan": plan.title}

    def link(self, plan):
        return self.absolute(plan.get_absolute_url())

    def decisions(self, plan):
        return StatusChange.objects.shown_publicly().filter(plan=plan)


class PlanDecisionsAtomFeed(PlanDecisionsFeed):
    feed_type = Atom1Feed
