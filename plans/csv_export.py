"""CSV export of the filtered plan list: every matching plan, not one page."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.api import iso_partial_date
from core.slug_urls import slug_url
from core.staff.csv_export import spreadsheet_safe as safe_cell


def header():
    """The list's columns, then those the API gives a plan (plans.api.PlanSerializer)
    that the first ones do not: codes and slugs beside the labels and names, the date of
    the last decision as far as it is known with its precision, the summary, the
    progress of the measures and the plan's API address."""
    return [
        _("Title"),
        _("Kind"),
        _("Dimension"),
        _("Priority area"),
        _("Period from"),
        _("Period to"),
        _("Status"),
        _("Status decided on"),
        _("Coordinators"),
        _("Address"),
        _("Slug"),
        _("Kind (code)"),
        _("Dimension (slug)"),
        _("Priority area (slug)"),
        _("Status (code)"),
        _("Status decided (ISO 8601)"),
        _("Status decided (precision)"),
        _("Summary"),
        _("Measures"),
        _("Measures done"),
        _("Measures cancelled"),
        _("Progress (%)"),
        _("API address"),
    ]


def plan_row(request, plan):
    """A plan of PlanQuerySet.with_roles().with_measure_counts()."""
    progress = plan.list_progress
    coordinators = "; ".join(
        f"{role.state.name} ({role.get_role_display()})" for role in plan.effective_coordinations()
    )
    return [
        plan.title,
        plan.get_kind_display(),
        plan.dimension.name,
        plan.priority_area.name if plan.priority_area else "",
        plan.start_year,
        plan.end_year,
        plan.get_status_display(),
        plan.status_decided_display,
        coordinators,
        request.build_absolute_uri(plan.get_absolute_url()),
        plan.slug,
        plan.kind,
        plan.dimension.slug,
        plan.priority_area.slug if plan.priority_area else "",
        plan.status,
        iso_partial_date(plan.status_decided_on, plan.status_decided_precision) or "",
        plan.status_decided_precision if plan.status_decided_on else "",
        plan.summary,
        progress.total,
        progress.done,
        progress.cancelled,
        "" if progress.percent is None else progress.percent,
        request.build_absolute_uri(slug_url("api:plan-detail", plan.slug)),
    ]


def plans_csv_response(request, plans):
    filename = f"cica-plans-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte-order mark so that spreadsheet programs read the UTF-8 (en dashes, names) right.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header())
    for plan in plans:
        writer.writerow([safe_cell(cell) for cell in plan_row(request, plan)])
    return response
