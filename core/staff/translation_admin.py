"""Staff write Russian beside English in the admin they already use.

django-modeltranslation's TranslationAdmin shows each translated field once per
language (title [en], title [ru]) where the field stood. On top of it, each list shows
whether the Russian version exists and filters by it, and the admin search looks in
both languages whatever the admin's own language.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.bilingual import LANGUAGE_CODES, has_text, localized, missing, name_field


class RussianVersionFilter(admin.SimpleListFilter):
    title = _("Russian version")
    parameter_name = "russian"

    def lookups(self, request, model_admin):
        return [("yes", _("exists")), ("no", _("missing"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(missing(queryset.model, "ru"))
        if self.value() == "no":
            return queryset.filter(missing(queryset.model, "ru"))
        return queryset


class RussianVersionAdminMixin(TranslationAdmin):
    def get_list_display(self, request):
        return [*super().get_list_display(request), "russian_version"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), RussianVersionFilter]

    def get_search_fields(self, request):
        fields = []
        for name in super().get_search_fields(request):
            if name in getattr(self.model, "translated_fields", ()):
                fields += [localized(name, code) for code in LANGUAGE_CODES]
            else:
                fields.append(name)
        return fields

    @admin.display(description=_("Russian"), boolean=True)
    def russian_version(self, obj):
        # The column is in the row the list already reads: no query.
        return has_text(obj, name_field(type(obj)), "ru")


class TranslatedTabularInline(TranslationTabularInline):
    """An inline whose text fields are shown in both languages."""
