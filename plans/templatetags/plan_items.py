"""{{ role|participant_role_item }}: one line of a member state's roles, in Python.

A busy state coordinates dozens of plans; through an included template each line took
about 100 us, a tenth of the member page (issue 7). Same bytes as the template it
replaces (tests/plans/test_plan_items.py compares them).
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()


def _link(subject, name):
    return (
        f'<a href="{conditional_escape(subject.get_absolute_url())}">{conditional_escape(name)}</a>'
    )


@register.filter
def participant_role_item(role):
    if role.dimension:
        what = conditional_escape(gettext("dimension"))
        subject = role.dimension
        name = subject.name
    elif role.priority_area:
        subject = role.priority_area
        name = subject.name
        # As {% blocktranslate %}: the value is escaped, the translation is not.
        what = gettext("priority area, %(dimension)s") % {
            "dimension": conditional_escape(subject.dimension.name)
        }
    else:
        subject = role.plan
        name = subject.title
        what = conditional_escape(subject.get_kind_display().lower())
    period = f' <span class="muted">{conditional_escape(role.period)}</span>' if role.period else ""
    return SafeString(
        f'<li>{_link(subject, name)} <span class="muted">({what})</span>{period}</li>\n'
    )
