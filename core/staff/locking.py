"""Refuse the second of two concurrent admin saves instead of silently overwriting.

The change form carries the id of the newest history record the editor saw. On save,
under a row lock, a newer record means somebody else saved in between: the form is
refused with their name and time, the editor's input stays on the form, and a
deliberate second save (now based on the newer version) goes through.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.date_formats import site_date_time

EDIT_BASE_FIELD = "edit_base_version"


def latest_history(instance):
    if instance is None or instance.pk is None or not hasattr(instance, "history"):
        return None
    return instance.history.select_related("history_user").order_by("-history_id").first()


def latest_version_id(instance):
    record = latest_history(instance)
    return record.history_id if record else 0


class OptimisticLockAdminMixin:
    form = None  # set below, once LockedModelForm exists
    """Use with a form derived from LockedModelForm (the default here)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        first_name, first_options = fieldsets[0]
        fields = list(first_options.get("fields", []))
        if EDIT_BASE_FIELD not in fields:
            fields.append(EDIT_BASE_FIELD)
        return [(first_name, {**first_options, "fields": fields}), *fieldsets[1:]]


class LockedModelForm(forms.ModelForm):
    edit_base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[EDIT_BASE_FIELD].initial = latest_version_id(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        # Lock the row so that two saves cannot both pass this check.
        type(self.instance)._default_manager.select_for_update().filter(
            pk=self.instance.pk
        ).exists()
        newest = latest_history(self.instance)
        seen = cleaned_data.get(EDIT_BASE_FIELD) or 0
        if newest is not None and newest.history_id != seen:
            # Base the next submit on the newer version: saving again is a deliberate choice.
            self.data = self.data.copy()
            self.data[self.add_prefix(EDIT_BASE_FIELD)] = str(newest.history_id)
            who = newest.history_user.get_username() if newest.history_user else _("someone")
            raise forms.ValidationError(
                _(
                    "%(who)s changed this item on %(when)s, after you opened it. Your "
                    "changes have not been saved and are kept below. Compare with the "
                    "History page, then save again to replace their version."
                ),
                code="edit_conflict",
                params={
                    "who": who,
                    # In the site's zone and named, as the History page shows it.
                    "when": site_date_time(newest.history_date),
                },
            )
        return cleaned_data


OptimisticLockAdminMixin.form = LockedModelForm
