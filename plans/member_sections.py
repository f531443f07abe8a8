"""What the plans app adds to a member state's page (see members.views.MemberDetailView).

A busy state coordinates dozens of dimensions, priority areas and plans. Its roles are
read as plain rows and each written as one line of HTML: as models (a role, its plan,
area and dimensions) with a template filter per line they cost about 5 ms of the page,
as rows about 2 (issue 7). The lines are the bytes of the template they replace
(tests/plans/test_plan_items.py).
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from core.markup import escaped
from core.publishing import published_q
from core.slug_urls import slug_url_function

from .choices import PlanKind
from .models import Coordination, CoordinationRole, Plan, coordination_period

ROLE_COLUMNS = (
    "role",
    "start_year",
    "end_year",
    "dimension__name",
    "dimension__slug",
    "dimension__position",
    "priority_area__name",
    "priority_area__slug",
    "priority_area__dimension__name",
    "priority_area__dimension__position",
    "plan__title",
    "plan__slug",
    "plan__kind",
    "plan__dimension__position",
)
KIND_LABELS = dict(PlanKind.choices)


def _subject_order(row):
    """Dimensions, then priority areas, then plans; each in its dimension's order."""
    if row.dimension__name is not None:
        return (0, row.dimension__position, row.dimension__name)
    if row.priority_area__name is not None:
        return (1, row.priority_area__dimension__position, row.priority_area__name)
    return (2, row.plan__dimension__position, row.plan__title)


def _line(row, list_url, plan_url):
    """<li> of one role: its subject linked, what the subject is, the years."""
    if row.dimension__name is not None:
        url = f"{list_url}?dimension={row.dimension__slug}"
        name = row.dimension__name
        what = escaped(gettext("dimension"))
    elif row.priority_area__name is not None:
        url = f"{list_url}?priority_area={row.priority_area__slug}"
        name = row.priority_area__name
        # As {% blocktranslate %}: the value is escaped, the translation is not.
        what = gettext("priority area, %(dimension)s") % {
            "dimension": escaped(row.priority_area__dimension__name)
        }
    else:
        url, name = plan_url(row.plan__slug), row.plan__title
        what = escaped(str(KIND_LABELS.get(row.plan__kind, row.plan__kind)).lower())
    period = coordination_period(row.start_year, row.end_year)
    period = f' <span class="muted">{escaped(period)}</span>' if period else ""
    return (
        f'<li><a href="{escaped(url)}">{escaped(name)}</a> '
        f'<span class="muted">({what})</span>{period}</li>\n'
    )


def context_for(participant, user):
    """The dimensions, priority areas and plans the state coordinates or co-coordinates,
    as lines of HTML. One query whatever the number of roles."""
    roles = Coordination.objects.filter(state=participant)
    if not Plan.objects.previewable_by(user):
        # Checked on the join to the plan that the row needs anyway; a subquery per role
        # cost more to plan than to run (issue 7).
        roles = roles.filter(Q(plan__isnull=True) | published_q("plan"))
    # Sorted below; not by the model's default order, which joins the states.
    rows = sorted(roles.order_by("pk").values_list(*ROLE_COLUMNS, named=True), key=_subject_order)
    list_url = reverse("plans:list")
    plan_url = slug_url_function("plans:detail")
    lines = {CoordinationRole.COORDINATOR: [], CoordinationRole.CO_COORDINATOR: []}
    for row in rows:
        lines[row.role].append(_line(row, list_url, plan_url))
    return {
        "plan_roles_coordinates": SafeString("".join(lines[CoordinationRole.COORDINATOR])),
        "plan_roles_co_coordinates": SafeString("".join(lines[CoordinationRole.CO_COORDINATOR])),
    }
