"""core.markup.escaped gives the text of Django's conditional_escape."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.markup import escaped

VALUES = [
    "plain",
    "<script>alert('x') & \"y\"</script>",
    "",
    mark_safe("<b>already safe</b>"),
    gettext_lazy("Cancelled"),
    2016,
    3.5,
    None,
    datetime.date(2026, 11, 28),
    "Türkiye — “quotes” \N{EN DASH} 2016–2018",
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_same_text_as_conditional_escape(value, language):
    with translation.override(language):
        assert escaped(value) == str(conditional_escape(value))
