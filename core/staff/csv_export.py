"""CSV export of an admin changelist exactly as filtered, searched and sorted."""

import csv

from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.urls import path
from django.utils.html import strip_tags
from django.utils.text import slugify

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Stop spreadsheet programs from running a cell as a formula."""
    text = "" if value is None else strip_tags(str(value))
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    def write(self, value):
        return value


class CsvExportAdminMixin:
    csv_export_enabled = True

    def get_urls(self):
        opts = self.model._meta
        export = path(
            "export.csv",
            self.admin_site.admin_view(self.export_csv_view),
            name=f"{opts.app_label}_{opts.model_name}_export_csv",
        )
        return [export, *super().get_urls()]

    def csv_fields(self, request):
        return [name for name in self.get_list_display(request) if name != "action_checkbox"]

    def export_csv_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        queryset = changelist.get_queryset(request)
        fields = self.csv_fields(request)
        writer = csv.writer(_Echo())

        def rows():
            yield writer.writerow(
                [spreadsheet_safe(label_for_field(f, self.model, self)) for f in fields]
            )
            for obj in queryset.iterator(chunk_size=500):
                values = []
                for name in fields:
                    _field, _attr, value = lookup_field(name, obj, self)
                    values.append(spreadsheet_safe(value))
                yield writer.writerow(values)

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        filename = slugify(self.model._meta.verbose_name_plural) or "export"
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
