"""History in the admin read as staff read the form: choice labels, names, a dash.

django-simple-history shows a change as the stored values ("draft → published",
"None → 2024-01-05", a related row's id); here each value is shown as the form shows it.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class LabelledChangesHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(field, models.ManyToManyField):
            return super().prepare_delta_change_value(change, value)
        if isinstance(value, DeletedObject):
            # An empty relation, or a row deleted since.
            return EMPTY if value.pk is None else _("deleted (%(pk)s)") % {"pk": value.pk}
        if value is None or value == "":
            return EMPTY
        if isinstance(value, models.Model):
            return str(value)
        if field.flatchoices:
            labels = dict(make_hashable(field.flatchoices))
            return force_str(labels.get(make_hashable(value), value))
        if isinstance(field, models.BooleanField):
            return _("Yes") if value else _("No")
        return value


class LabelledHistoryMixin:
    """For a SimpleHistoryAdmin: its History page shows labels, not stored values, and
    an address naming no record (/plan/abc/history/, .../history/x/) is a 404:
    django-simple-history passes the raw ids to the database and fails with a 500."""

    def history_view(self, request, object_id, extra_context=None):
        _primary_key_or_404(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _primary_key_or_404(self.model, object_id)
        _primary_key_or_404(self.model.history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return LabelledChangesHelper(self.model, historical_record)


def _primary_key_or_404(model, raw_id):
    try:
        model._meta.pk.to_python(unquote(raw_id))
    except (ValidationError, ValueError, TypeError):
        raise Http404 from None
