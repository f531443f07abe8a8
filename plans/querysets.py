from django.db import models

from cica_site.partial_dates import DatePrecision
from cica_site.publishing import PublishableQuerySet

from .choices import CLOSED_STATUSES, CoordinationRole


class PlanQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("dimension", "priority_area")

    def search(self, text):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(summary__icontains=text)
            | models.Q(body__icontains=text)
            | models.Q(priority_area__name__icontains=text)
            | models.Q(dimension__name__icontains=text)
        )

    # A period with no end year is the single year it starts in (as Plan.period shows it).

    def covering_year(self, year):
        """Plans whose period includes the year."""
        return self.filter(start_year__lte=year).filter(
            models.Q(end_year__gte=year) | models.Q(end_year__isnull=True, start_year=year)
        )

    def coordinated_by(self, state):
        """Any coordination role of the state on the plan, its priority area or its dimension."""
        coordination = self.model._meta.get_field("coordinations").related_model
        roles = coordination.objects.filter(state=state).filter(
            models.Q(plan=models.OuterRef("pk"))
            | models.Q(priority_area=models.OuterRef("priority_area"))
            | models.Q(dimension=models.OuterRef("dimension"))
        )
        return self.filter(models.Exists(roles))

    def period_ended_open(self, year):
        """Plans whose period ended before the year and that are still open (not closed)."""
        ended = models.Q(end_year__lt=year) | models.Q(end_year__isnull=True, start_year__lt=year)
        return self.filter(ended).exclude(status__in=CLOSED_STATUSES)

    def status_changed_since(self, day):
        """Plans whose last decision may fall on or after the day, as far as its date is known."""
        return self.filter(
            models.Q(status_decided_precision=DatePrecision.DAY, status_decided_on__gte=day)
            | models.Q(
                status_decided_precision=DatePrecision.MONTH,
                status_decided_on__gte=day.replace(day=1),
            )
            | models.Q(
                status_decided_precision__in=[DatePrecision.YEAR, DatePrecision.BY_YEAR],
                status_decided_on__gte=day.replace(month=1, day=1),
            )
        )


class CoordinationQuerySet(models.QuerySet):
    def in_role_order(self):
        """Coordinators before co-coordinators, then by state name; with the states loaded."""
        coordinator_first = models.Case(
            models.When(role=CoordinationRole.COORDINATOR, then=0), default=1
        )
        return self.select_related("state").order_by(coordinator_first, "state__name", "pk")
