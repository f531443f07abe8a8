"""Admin list filters shared by the content apps."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

YEAR = _("year")


def year_filter(date_field, title=YEAR, parameter_name="year"):
    """A list filter by the year of a date field, offering only years that occur."""

    class YearFilter(admin.SimpleListFilter):
        def lookups(self, request, model_admin):
            years = model_admin.model._default_manager.exclude(**{date_field: None}).dates(
                date_field, "year", order="DESC"
            )
            return [(str(day.year), str(day.year)) for day in years]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit() and 1 <= int(value) <= 9999:
                return queryset.filter(**{f"{date_field}__year": int(value)})
            return queryset

    YearFilter.title = title
    YearFilter.parameter_name = parameter_name
    YearFilter.__name__ = f"YearFilter_{date_field}"
    return YearFilter
