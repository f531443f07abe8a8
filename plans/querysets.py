from django.db import models
from django.db.models.functions import Coalesce

from core.bilingual import in_any_language
from core.partial_dates import DatePrecision
from core.publishing import PublishableQuerySet, published_q
from members.models import Participant

from .choices import CLOSED_STATUSES, CoordinationRole, MeasureStatus

# A plan's roles are its own, its priority area's and its dimension's, most specific first
# (Plan.coordination_levels): the subjects' fields on a coordination role.
ROLE_SUBJECTS = ("plan", "priority_area", "dimension")


class PlanQuerySet(PublishableQuerySet):
    # Set by with_roles(); the roles are read once the plans are (_fetch_all).
    _roles_wanted = False

    def for_list(self):
        return self.select_related("dimension", "priority_area")

    def with_roles(self):
        """Each plan, its priority area and its dimension get ``published_roles``: the
        coordination roles of published states, coordinators first, then by state name
        (Plan.coordination_levels). An unpublished participant's name is not public yet.

        One query for the three levels once the plans are read (three prefetches took
        a third of the plan list's view time: 3 ms of CPU, issue 19). Reads the
        priority areas and dimensions that select_related loaded, if it did.
        """
        clone = self._chain()
        clone._roles_wanted = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._roles_wanted = self._roles_wanted
        return clone

    def _fetch_all(self):
        # Plans only: values() and counts of the same queryset have no roles to attach.
        roles_due = (
            self._roles_wanted
            and self._result_cache is None
            and self._iterable_class is models.query.ModelIterable
        )
        super()._fetch_all()
        if roles_due:
            attach_published_roles(self._result_cache)

    def with_measure_counts(self):
        """Each plan with ``measures_total``, ``measures_done`` and ``measures_cancelled``
        (Plan.list_progress). Grouped by plan: use it on a page of plans, not on a query
        that is counted or grouped itself."""
        return self.annotate(
            measures_total=models.Count("measures"),
            measures_done=models.Count(
                "measures", filter=models.Q(measures__status=MeasureStatus.DONE)
            ),
            measures_cancelled=models.Count(
                "measures", filter=models.Q(measures__status=MeasureStatus.CANCELLED)
            ),
        )

    def for_detail(self):
        """What the plan page shows: the plan's neighbours, roles, history (with the
        meetings), measures (with their events and published responsible states) and
        documents."""
        status_change = self.model._meta.get_field("status_changes").related_model
        measure = self.model._meta.get_field("measures").related_model
        return (
            self.select_related("dimension", "priority_area", "predecessor", "successor")
            .with_roles()
            .prefetch_related(
                models.Prefetch(
                    "status_changes",
                    queryset=status_change.objects.select_related("meeting").order_by("step"),
                ),
                models.Prefetch(
                    "measures",
                    queryset=measure.objects.select_related("event").with_responsible_states(),
                ),
                "documents",
            )
        )

    def search(self, text):
        text = text.strip()
        if not text:
            return self
        # The matching dimensions and priority areas (small tables) are looked up first,
        # in one query: an OR over joined tables would stop the database from using the
        # indexes on the plan's own columns (trigram indexes on PostgreSQL, issue 7).
        area_model = self.model._meta.get_field("priority_area").related_model
        dimension_model = self.model._meta.get_field("dimension").related_model
        matches = (
            area_model.objects.filter(in_any_language("name", "icontains", text))
            .order_by()
            .values_list("pk", models.Value("area"))
            .union(
                dimension_model.objects.filter(in_any_language("name", "icontains", text))
                .order_by()
                .values_list("pk", models.Value("dimension"))
            )
        )
        areas = [pk for pk, kind in matches if kind == "area"]
        dimensions = [pk for pk, kind in matches if kind == "dimension"]
        return self.filter(
            in_any_language("title", "icontains", text)
            | in_any_language("summary", "icontains", text)
            | in_any_language("body", "icontains", text)
            | models.Q(priority_area__in=areas)
            | models.Q(dimension__in=dimensions)
        )

    # A period with no end year is the single year it starts in (as Plan.period shows it).

    def covering_year(self, year):
        """Plans whose period includes the year."""
        return self.filter(start_year__lte=year).filter(
            models.Q(end_year__gte=year) | models.Q(end_year__isnull=True, start_year=year)
        )

    def coordinated_by(self, state):
        """Any coordination role of the state on the plan, its priority area or its dimension.

        The state's roles (a few dozen) are read first, then the plans found by their
        ids: one EXISTS over the three columns could use no index, and read every plan
        (170 ms at 20,000 plans, issue 7).
        """
        coordination = self.model._meta.get_field("coordinations").related_model
        roles = coordination.objects.filter(state=state).values_list(
            "plan_id", "priority_area_id", "dimension_id"
        )
        plans, areas, dimensions = set(), set(), set()
        for plan, area, dimension in roles:
            plans.add(plan)
            areas.add(area)
            dimensions.add(dimension)
        return self.filter(
            models.Q(pk__in=plans - {None})
            | models.Q(priority_area__in=areas - {None})
            | models.Q(dimension__in=dimensions - {None})
        )

    def period_ended_open(self, year):
        """Plans whose period ended before the year and that are still open (not closed)."""
        ended = models.Q(end_year__lt=year) | models.Q(end_year__isnull=True, start_year__lt=year)
        return self.filter(ended).exclude(status__in=CLOSED_STATUSES)

    def status_changed_since(self, day):
        """Plans whose last decision may fall on or after the day, as far as its date is known."""
        # The first condition holds in every case below; alone, it is one range of the
        # decision-date index, which otherwise began with every plan never decided.
        return self.filter(status_decided_on__gte=day.replace(month=1, day=1)).filter(
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
    def of_published_states(self):
        return self.filter(published_q("state"))

    def shown_to(self, user):
        """Roles on dimensions, priority areas and published plans; on draft plans too
        for staff who may preview plans."""
        plan = self.model._meta.get_field("plan").related_model
        if plan.objects.previewable_by(user):
            return self
        return self.filter(models.Q(plan__isnull=True) | published_q("plan"))

    def with_plan_lists(self):
        """Whether the role's dimension or priority area has published plans
        (``subject_has_plans``): a subject without any is named, not linked to an empty
        list. Part of the same query."""
        plan = self.model._meta.get_field("plan").related_model
        published = plan.objects.published()
        return self.annotate(
            subject_has_plans=models.Case(
                models.When(
                    dimension__isnull=False,
                    then=models.Exists(published.filter(dimension=models.OuterRef("dimension"))),
                ),
                models.When(
                    priority_area__isnull=False,
                    then=models.Exists(
                        published.filter(priority_area=models.OuterRef("priority_area"))
                    ),
                ),
                default=models.Value(True),
                output_field=models.BooleanField(),
            )
        )

    def in_subject_order(self):
        """Roles on dimensions, then on priority areas, then on plans; each kind in the
        order of its dimension, then by name; with the subjects loaded (a plan without
        its long texts)."""
        kind = models.Case(
            models.When(dimension__isnull=False, then=0),
            models.When(priority_area__isnull=False, then=1),
            default=2,
        )
        position = Coalesce(
            "dimension__position", "priority_area__dimension__position", "plan__dimension__position"
        )
        name = Coalesce("dimension__name", "priority_area__name", "plan__title")
        return (
            self.select_related("dimension", "priority_area__dimension", "plan")
            .defer("plan__summary", "plan__body")
            .order_by(kind, position, name, "pk")
        )

    def in_role_order(self):
        """Coordinators before co-coordinators, then by state name; with the states loaded."""
        coordinator_first = models.Case(
            models.When(role=CoordinationRole.COORDINATOR, then=0), default=1
        )
        return self.select_related("state").order_by(coordinator_first, "state__name", "pk")


class MeasureQuerySet(models.QuerySet):
    def with_responsible_states(self):
        """Each measure with ``published_responsible_states``, by name: only their names
        are shown, and only once they are published."""
        states = Participant.objects.published().only("name").order_by("name")
        return self.prefetch_related(
            models.Prefetch(
                "responsible_states", queryset=states, to_attr="published_responsible_states"
            )
        )


def attach_published_roles(plans):
    """Set ``published_roles`` on the plans, their priority areas and their dimensions,
    from one query of the roles of published states (see PlanQuerySet.with_roles)."""
    if not plans:
        return
    subjects = {name: {} for name in ROLE_SUBJECTS}
    for plan in plans:
        for name in ROLE_SUBJECTS:
            subject = plan if name == "plan" else getattr(plan, name)
            if subject is not None:
                subjects[name].setdefault(subject.pk, []).append(subject)
    coordination = plans[0]._meta.get_field("coordinations").related_model
    wanted = models.Q()
    for name, by_pk in subjects.items():
        if by_pk:
            wanted |= models.Q(**{f"{name}__in": list(by_pk)})
    # Without the states' summaries: the CSV export reads every role.
    roles = coordination.objects.filter(wanted).of_published_states().in_role_order()
    found = {name: {} for name in ROLE_SUBJECTS}
    for role in roles.defer("state__summary"):
        for name in ROLE_SUBJECTS:
            subject_pk = getattr(role, f"{name}_id")
            if subject_pk is not None:
                found[name].setdefault(subject_pk, []).append(role)
    for name, by_pk in subjects.items():
        for pk, instances in by_pk.items():
            for instance in instances:
                instance.published_roles = found[name].get(pk, [])


# What a decision shows the public: not who recorded it, nor when.
PUBLIC_DECISION_COLUMNS = [
    "plan",
    "plan__title",
    "plan__slug",
    "step",
    "from_status",
    "to_status",
    "decided_on",
    "decided_on_precision",
    "deciding_body",
    "meeting",
    "note",
]


class StatusChangeQuerySet(models.QuerySet):
    """Plans' status decisions."""

    def of_published_plans(self):
        return self.filter(published_q("plan"))

    def shown_publicly(self):
        """Decisions on published plans, most recent first, as the API's list and the
        decision feeds give them: with their plan's title and slug, their meeting only if
        it is published (else None), and neither who recorded them nor when."""
        event = self.model._meta.get_field("meeting").related_model
        return (
            self.of_published_plans()
            .select_related("plan")
            .only(*PUBLIC_DECISION_COLUMNS)
            .prefetch_related(models.Prefetch("meeting", queryset=event.objects.published()))
            .in_decision_order()
        )

    def on_plans(self, plans):
        """Decisions on the plans of a QuerySet (one subquery)."""
        return self.filter(plan__in=plans.order_by().values("pk"))

    def decided_since(self, day):
        """Decisions that may fall on or after the day, as far as their dates are known
        (one known only to its year 2024 may be after 1 March 2024). The first
        condition says what the others imply: one range of the date index to read."""
        return self.filter(decided_on__gte=day.replace(month=1, day=1)).filter(
            models.Q(decided_on_precision=DatePrecision.DAY, decided_on__gte=day)
            | models.Q(decided_on_precision=DatePrecision.MONTH, decided_on__gte=day.replace(day=1))
            | models.Q(
                decided_on_precision__in=[DatePrecision.YEAR, DatePrecision.BY_YEAR],
                decided_on__gte=day.replace(month=1, day=1),
            )
        )

    def decided_until(self, day):
        """Decisions that may fall on or before the day (stored dates are the first day of
        what is known, so one known to a month or year that begins by then counts)."""
        return self.filter(decided_on__lte=day)

    def in_decision_order(self):
        """Most recent first, undated decisions last; ties by plan and step."""
        return self.order_by(
            models.F("decided_on").desc(nulls_last=True), "plan__title", "plan_id", "-step"
        )
