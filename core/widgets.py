"""The select and the model choice filter of the public filter forms."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError


class FilterSelect(forms.Select):
    """forms.Select drawn by one template, each option written in it.

    Django's select template draws every option through two more templates (the option
    and its attributes): the filter forms list a hundred options, and that took two
    thirds of a list page's form (plan list filter 5 -> 15 ms of CPU, issue 19).
    """

    template_name = "core/filter_select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The filters' options have no groups: Django gives each option a group of its
        # own, and looping over both doubled the template's work (a third of a list
        # page's form, issue 19).
        optgroups = context["widget"]["optgroups"]
        if not any(group_name for group_name, _options, _index in optgroups):
            context["widget"]["options"] = [
                option for _group_name, options, _index in optgroups for option in options
            ]
        return context


class OptionsIterator(django_filters.fields.ModelChoiceIterator):
    """The choices from the options the field read, not from a query of their own.

    Django's iterator reads with QuerySet.iterator(), which on PostgreSQL opens a
    server-side cursor: three round trips for a few dozen options.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        for obj in self.field.options():
            yield self.choice(obj)


class OptionsReadOnceField(django_filters.fields.ModelChoiceField):
    """A model choice field that reads its queryset once per form, for drawing the
    select and for checking the value chosen.

    Django checks a value with a query of its own (queryset.get(slug=...)), then reads
    every option again to draw the select: a filtered list page ran both (issue 7).
    Here a value given by ``to_field_name`` is looked up among the options read; any
    other value is still a form error.
    """

    iterator = OptionsIterator

    def options(self):
        if getattr(self, "_options", None) is None:
            self._options = list(self.queryset)
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


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = OptionsReadOnceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", FilterSelect)
        super().__init__(*args, **kwargs)
