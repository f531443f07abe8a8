from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.staff.admin import TranslatedContentAdmin
from core.staff.filters import year_filter

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(TranslatedContentAdmin):
    show_full_result_count = False  # one count per page at scale (issue 7)
    list_display = [
        "title",
        "kind",
        "posted_on",
        "publication_status",
        "publish_at",
        "public_page",
    ]
    list_filter = ["kind", "publication_status", year_filter("posted_on", _("year posted"))]
    search_fields = ["title", "slug", "standfirst", "body", "author", "speaker"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_states", "related_plans", "related_events"]
    readonly_fields = ["public_page"]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "title", "slug", "standfirst", "posted_on", "posted_precision"]},
        ),
        (
            _("Text"),
            {
                "fields": ["body"],
                "description": _(
                    "Markdown: blank lines between paragraphs, ## for a heading, - for a list, "
                    "[text](https://...) for a link, > for a quote. In interviews, begin "
                    "questions with “Q:” and answers with “A:”. Scripts, styles and unsafe "
                    "links are removed when the text is saved."
                ),
            },
        ),
        (_("People"), {"fields": ["author", "speaker"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Related"), {"fields": ["related_states", "related_plans", "related_events"]}),
        (_("Publication"), {"fields": ["publication_status", "publish_at", "public_page"]}),
    ]

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if obj is None or not obj.pk:
            return _("Available after saving.")
        label = _("View on site") if obj.is_published else _("Preview (not published)")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', self.view_on_site(obj), label
        )
