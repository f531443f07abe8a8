from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.staff.admin import SuperuserOnlyAdminMixin, ViewOnSiteMixin
from core.staff.csv_export import CsvExportAdminMixin
from core.staff.history import LabelledHistoryMixin
from core.staff.locking import LockedModelForm, OptimisticLockAdminMixin
from core.staff.translation_admin import RussianVersionAdminMixin, TranslatedTabularInline

from .models import Secretariat, SecretariatHead

CONTENT_HELP = _(
    "Markdown (or plain HTML). Pages under /about/ are public. Scripts, styles, "
    "event handlers and unsafe links are removed when the page is shown."
)


def _content_field(label):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 24}),
        required=False,
        help_text=CONTENT_HELP,
    )


class AboutPageForm(LockedModelForm, FlatpageForm):
    # The page's text in each language (cica_site/translation.py).
    content_en = _content_field(_("content [en]"))
    content_ru = _content_field(_("content [ru]"))


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class AboutPageAdmin(
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    CsvExportAdminMixin,
    LabelledHistoryMixin,
    # Above SimpleHistoryAdmin, after the mixins: see core/staff/admin.py.
    RussianVersionAdminMixin,
    SimpleHistoryAdmin,
    FlatPageAdmin,
):
    form = AboutPageForm
    list_display = ["url", "title", "registration_required"]

    # Staff know these as the About pages, not by Django's name ("flat pages").
    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"title": _("About pages"), **(extra_context or {})}
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            title = _("Add About page")
        elif self.has_change_permission(request):
            title = _("Change About page")
        else:
            title = _("View About page")
        return super().changeform_view(
            request, object_id, form_url, {"title": title, **(extra_context or {})}
        )


def show_to_superusers_only(model):
    """Re-register an installed app's admin so that only superusers see it."""
    model_admin = admin.site.get_model_admin(model)
    admin_class = type(
        f"SuperuserOnly{type(model_admin).__name__}",
        (SuperuserOnlyAdminMixin, type(model_admin)),
        {},
    )
    admin.site.unregister(model)
    admin.site.register(model, admin_class)


# The site's machinery: the Sites row and the login-attempt records of django-axes.
for machinery in [Site, *apps.get_app_config("axes").get_models()]:
    if admin.site.is_registered(machinery):
        show_to_superusers_only(machinery)


class SecretariatHeadInline(TranslatedTabularInline):
    model = SecretariatHead
    extra = 1
    fields = ["order", "name", "title", "started", "started_precision", "ended", "ended_precision"]


@admin.register(Secretariat)
class SecretariatAdmin(TranslationAdmin):
    """The contact section of the Secretariat's About page: one row, never deleted."""

    list_display = ["__str__", "address_line", "email", "phone", "office_hours"]
    fields = ["address", "email", "phone", "office_hours"]
    inlines = [SecretariatHeadInline]

    @admin.display(description=_("address"))
    def address_line(self, obj):
        return obj.address.splitlines()[0] if obj.address else ""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Secretariat.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
