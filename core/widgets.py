"""Widgets and choice fields of the public filter forms."""

import functools

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core.form_renderer import html_attributes
from core.markup import escaped

CLOSE_OPTGROUP = "</optgroup>"
SELECTED = " selected"


class QuickSelect(forms.Select):
    """forms.Select written out in Python, not through a template for every option.

    The filter forms list every coordinating or host state, every year and every
    priority area; rendering each option through Django's widget templates took a
    good part of a list page's time. The HTML is the same as forms.Select's
    (tests/site/test_widgets.py compares them).
    """

    def render(self, name, value, attrs=None, renderer=None):
        # Select.get_context and optgroups, without a dict for every option.
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        wanted = self.format_value(value)
        has_selected = False
        lines = []
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(option_label, (list, tuple)):
                group_name, options = option_value, option_label
            else:
                group_name, options = None, ((option_value, option_label),)
            if group_name:
                lines.append(format_html('<optgroup label="{}">', group_name))
            for subvalue, sublabel in options:
                text = str(subvalue)
                selected = (not has_selected or self.allow_multiple_selected) and text in wanted
                has_selected |= selected
                lines.append(
                    f'<option value="{escaped(text)}"{SELECTED if selected else ""}>'
                    f"{escaped(sublabel)}</option>"
                )
            if group_name:
                lines.append(CLOSE_OPTGROUP)
        return SafeString(
            f'<select name="{escaped(name)}"{html_attributes(attrs)}>\n'
            + "\n".join(lines)
            + "\n</select>"
        )


class ListedModelChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """Reads the options with one plain query, not with QuerySet.iterator().

    On PostgreSQL iterator() opens a server-side cursor (DECLARE ... WITH HOLD, FETCH,
    CLOSE): three round trips and a materialised result for a few dozen options. That
    took about half of each choice field's time on the list pages.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.field.options():
            yield self.choice(obj)


class ListedModelChoiceField(django_filters.fields.ModelChoiceField):
    """A model choice field whose options are read once per form, for the select and
    for checking the value chosen.

    Django checks a value with a query of its own (queryset.get(slug=...)), then reads
    every option again to draw the select: a filtered list page ran both (issue 7).
    Here a value given by ``to_field_name`` is looked up among the options read.
    """

    iterator = ListedModelChoiceIterator

    def __init__(self, *args, options=None, **kwargs):
        # options: a function giving the same objects as the queryset, read faster.
        self.read_options = options
        super().__init__(*args, **kwargs)

    def options(self):
        if getattr(self, "_options", None) is None:
            self._options = list(self.read_options() if self.read_options else self.queryset)
        return self._options

    def _set_queryset(self, queryset):
        self._options = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def __deepcopy__(self, memo):
        # Each form's copy reads its own options, at the time of its request.
        result = super().__deepcopy__(memo)
        result._options = None
        return result

    def to_python(self, value):
        if (
            not self.to_field_name
            or value in self.empty_values
            or (self.null_label is not None and value == self.null_value)
            or isinstance(value, self.queryset.model)
        ):
            return super().to_python(value)
        self.validate_no_null_characters(value)
        wanted = str(value)
        for option in self.options():
            if str(getattr(option, self.to_field_name)) == wanted:
                return option
        raise ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )


@functools.cache
def _model_of(queryset_function):
    return queryset_function(None).model


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice filter shown as a QuickSelect, its options read in one query.

    ``options=function`` reads the options another way (plain SQL); the function must
    give the objects ``queryset`` gives, in its order.
    """

    field_class = ListedModelChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        if self.extra.get("options") is not None and callable(self.queryset):
            # The field reads its options with ``options`` and needs the queryset only
            # for its model; a queryset function builds its query on every request
            # (0.4 ms for the event list's host states, issue 7).
            return _model_of(self.queryset)._default_manager.none()
        return super().get_queryset(request)
