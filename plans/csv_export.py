"""CSV export of the filtered plan list: every matching plan, not one page."""

import csv

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.staff.csv_export import spreadsheet_safe as safe_cell


def header():
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
    ]


def plan_row(request, plan):
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
