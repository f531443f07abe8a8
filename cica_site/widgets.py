"""Widgets and choice fields of the public filter forms."""

import django_filters
from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

CLOSE_OPTGROUP = SafeString("</optgroup>")


def _attributes(attrs):
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes
    # its name alone.
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QuickSelect(forms.Select):
    """forms.Select written out in Python, not through a template for every option.

    The filter forms list every coordinating or host state, every year and every
    priority area; rendering each option through Django's widget templates took a
    good part of a list page's time. The HTML is the same as forms.Select's
    (tests/site/test_widgets.py compares them).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                parts.append(CLOSE_OPTGROUP)
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            widget["name"],
            _attributes(widget["attrs"]),
            format_html_join("\n", "{}", ((part,) for part in parts)),
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
        for obj in self.queryset:
            yield self.choice(obj)


class ListedModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ListedModelChoiceIterator


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice filter shown as a QuickSelect, its options read in one query."""

    field_class = ListedModelChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)
