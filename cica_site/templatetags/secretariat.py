from django import template

from cica_site.models import SECRETARIAT_PAGE_URL, Secretariat

register = template.Library()


@register.inclusion_tag("flatpages/_secretariat_contact.html")
def secretariat_contact(flatpage):
    """The contact section staff edit, on the Secretariat's About page only."""
    if flatpage.url != SECRETARIAT_PAGE_URL:
        return {"secretariat": None}
    return {"secretariat": Secretariat.objects.published().contact()}
