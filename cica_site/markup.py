"""Small pieces of HTML written in Python the way the template engine writes them.

Pages whose long lists went through the template engine row by row write those rows
in Python instead (issue 7); these helpers keep their bytes those of the templates.
"""

from django.utils.formats import localize
from django.utils.html import conditional_escape


def shown(value):
    """A value as {{ value }} writes it: localized, then escaped."""
    return conditional_escape(str(localize(value)))


def link(url, text):
    """<a href="{{ url }}">{{ text }}</a>."""
    return f'<a href="{conditional_escape(url)}">{shown(text)}</a>'
