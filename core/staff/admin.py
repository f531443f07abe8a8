"""The base every content admin uses: history, edit-conflict refusal, publishing, CSV."""

from simple_history.admin import SimpleHistoryAdmin

from core.rendering import MARKDOWN_HELP
from core.site_url import on_site

from .csv_export import CsvExportAdminMixin
from .history import LabelledHistoryMixin
from .locking import OptimisticLockAdminMixin
from .publishing_admin import PublishingAdminMixin
from .translation_admin import RussianVersionAdminMixin


class ViewOnSiteMixin:
    """ "View on site" on the site's configured host, never the Sites framework's row.

    An item the public cannot see yet (a draft, a withdrawn or scheduled item) opens
    on the host the admin is on: its public URL is its preview there, shown only to
    staff, and only that host has the staff member's session.
    """

    def view_on_site(self, obj):
        url_of = getattr(obj, "get_absolute_url", None)
        if url_of is None:
            return None
        if getattr(obj, "is_published", True):
            return on_site(url_of())
        return url_of()


class SuperuserOnlyAdminMixin:
    """Machinery (sites, login records) shown to superusers only, whatever permissions
    a staff account was given: it is not content, and staff need not see it."""

    def has_module_permission(self, request):
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return request.user.is_superuser and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class ContentOptions:
    """What every content admin adds to its bases."""

    actions = ["publish_selected", "unpublish_selected"]

    # Text fields the public page renders as Markdown: their form says what is accepted.
    markdown_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A language's column (body_en) is named after the field it translates (body).
        name = getattr(db_field, "translated_field", db_field).name
        if field is not None and name in self.markdown_fields:
            field.help_text = MARKDOWN_HELP
        return field


class ContentAdmin(
    ContentOptions,
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    PublishingAdminMixin,
    CsvExportAdminMixin,
    LabelledHistoryMixin,
    SimpleHistoryAdmin,
):
    class Media:
        js = ["js/admin-slugs.js"]


class ChildContentAdmin(
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    CsvExportAdminMixin,
    LabelledHistoryMixin,
    SimpleHistoryAdmin,
):
    """For edited models that have no publication state of their own."""

    class Media:
        js = ["js/admin-slugs.js"]


# The translated admins put modeltranslation's TranslationAdmin (in
# RussianVersionAdminMixin) just above SimpleHistoryAdmin: some of its methods
# (get_fieldsets, get_readonly_fields) do not call the next class's, so the locking and
# publishing rules must come before it.
class TranslatedContentAdmin(
    ContentOptions,
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    PublishingAdminMixin,
    CsvExportAdminMixin,
    LabelledHistoryMixin,
    RussianVersionAdminMixin,
    SimpleHistoryAdmin,
):
    """ContentAdmin for a model with texts in English and Russian (core/bilingual.py)."""

    class Media:
        js = ["js/admin-slugs.js"]


class TranslatedChildContentAdmin(
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    CsvExportAdminMixin,
    LabelledHistoryMixin,
    RussianVersionAdminMixin,
    SimpleHistoryAdmin,
):
    """ChildContentAdmin for a model with texts in English and Russian."""

    class Media:
        js = ["js/admin-slugs.js"]
