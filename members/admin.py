from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.staff.admin import ChildContentAdmin, TranslatedContentAdmin
from core.staff.filters import year_filter
from core.staff.translation_admin import TranslatedTabularInline

from .models import Chairmanship, Participant, StatusChange


class StatusChangeInline(TranslatedTabularInline):
    model = StatusChange
    extra = 0
    fields = ["status", "date", "precision", "note"]


class ChairmanshipInline(admin.TabularInline):
    model = Chairmanship
    extra = 0
    fields = ["start_year", "end_year", "start_date", "end_date"]


@admin.register(Participant)
class ParticipantAdmin(TranslatedContentAdmin):
    list_display = [
        "name",
        "kind",
        "iso_code",
        "current_status",
        "accession",
        "publication_status",
    ]
    list_filter = [
        "kind",
        "current_status",
        "founding_member",
        year_filter("accession_date", _("accession year"), "accession_year"),
        "publication_status",
    ]
    search_fields = ["name", "official_name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["current_status", "accession"]
    inlines = [StatusChangeInline, ChairmanshipInline]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "name", "slug", "official_name", "iso_code", "founding_member"]},
        ),
        (_("Profile"), {"fields": ["summary", "website"]}),
        (_("Derived from the status history"), {"fields": ["current_status", "accession"]}),
        (_("Publication"), {"fields": ["publication_status", "publish_at"]}),
    ]

    @admin.display(description=_("member since"), ordering="accession_date")
    def accession(self, obj):
        return obj.accession_display or "—"


@admin.register(Chairmanship)
class ChairmanshipAdmin(ChildContentAdmin):
    list_display = ["state", "start_year", "end_year"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
    search_fields = ["state__name"]
