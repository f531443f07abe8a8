"""get_FOO_display without rebuilding a dict of every choice on each call."""

import functools

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


@functools.cache
def _labels(field):
    # A field's choices are fixed when its model class is made; the labels stay lazy,
    # so each call still gives the active language's text.
    return dict(make_hashable(field.flatchoices))


class ChoiceLabelsMixin:
    """Put before models.Model in a model's bases.

    Django's get_FOO_display builds dict(field.flatchoices) on every call, about 25 µs;
    list pages call it once or twice a row (status badges, kinds), hundreds of times a
    page. Same result, the dict made once per field.
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_labels(field).get(make_hashable(value), value), strings_only=True)
