"""Submit admin change forms the way a browser would, hidden fields included."""

import datetime

from django.contrib.admin.widgets import AdminSplitDateTime
from django.db.models.fields.files import FieldFile
from django.forms import SplitDateTimeWidget
from django.urls import reverse
from django.utils import timezone


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def form_data(form):
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, (AdminSplitDateTime, SplitDateTimeWidget)):
            if isinstance(value, datetime.datetime):
                if timezone.is_aware(value):
                    value = timezone.localtime(value)
                data[form.add_prefix(name) + "_0"] = value.strftime("%Y-%m-%d")
                data[form.add_prefix(name) + "_1"] = value.strftime("%H:%M:%S")
        elif isinstance(value, FieldFile):
            continue  # an unchanged file input is sent empty
        elif value is not None:
            data[form.add_prefix(name)] = value
    return data


def change_form_data(client, obj):
    response = client.get(change_url(obj))
    assert response.status_code == 200, response.status_code
    data = form_data(response.context["adminform"].form)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for inline_form in formset.formset.forms:
            data.update(form_data(inline_form))
    return data
