from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.staff.admin import ViewOnSiteMixin
from core.staff.csv_export import CsvExportAdminMixin
from core.staff.locking import LockedModelForm, OptimisticLockAdminMixin


class AboutPageForm(LockedModelForm, FlatpageForm):
    content = forms.CharField(
        label=_("content"),
        widget=forms.Textarea(attrs={"rows": 24}),
        required=False,
        help_text=_(
            "Markdown (or plain HTML). Pages under /about/ are public. Scripts, styles, "
            "event handlers and unsafe links are removed when the page is shown."
        ),
    )


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class AboutPageAdmin(
    ViewOnSiteMixin,
    OptimisticLockAdminMixin,
    CsvExportAdminMixin,
    SimpleHistoryAdmin,
    FlatPageAdmin,
):
    form = AboutPageForm
    list_display = ["url", "title", "registration_required"]
