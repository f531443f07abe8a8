"""The site app's own tables: the history of the About pages and the Secretariat's contact."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history import register

from core.partial_dates import DatePrecision, format_partial_date, normalise_partial_date

# About pages are django.contrib.flatpages; their field-by-field history lives here.
register(FlatPage, app="cica_site")


def public_about_pages():
    """The About pages anyone may read: under /about/, on this site, no login required.

    The site is matched by a subquery rather than a join, so that search can compile
    this condition into its own SQL (cica_site.search.published_condition).
    """
    on_this_site = FlatPage.sites.through.objects.filter(site_id=settings.SITE_ID)
    return FlatPage.objects.filter(
        url__startswith="/about/",
        registration_required=False,
        pk__in=on_this_site.values("flatpage_id"),
    )


# The About page the contact section is shown on (security.txt names it as the contact).
SECRETARIAT_PAGE_URL = "/about/secretariat/"


class SecretariatQuerySet(models.QuerySet):
    def published(self):
        # Contact details have no draft state: what staff save is public (publishers only).
        return self

    def contact(self):
        """The one Secretariat row with its heads in order, or None before it is filled."""
        return self.prefetch_related("heads").first()


class Secretariat(models.Model):
    """How to reach the Secretariat. One row, edited by staff; every field may stay empty."""

    address = models.TextField(_("address"), blank=True, help_text=_("One line per line."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International form: +7 7172 …")
    )
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)

    objects = SecretariatQuerySet.as_manager()

    class Meta:
        verbose_name = _("Secretariat contact")
        verbose_name_plural = _("Secretariat contact")
        ordering = ["pk"]

    def __str__(self):
        return str(_("CICA Secretariat"))

    def get_absolute_url(self):
        return SECRETARIAT_PAGE_URL

    @property
    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +)."""
        digits = "".join(char for char in self.phone if char.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}"


class SecretariatHead(models.Model):
    """A head of the Secretariat (Executive Director, later Secretary General) and the term."""

    secretariat = models.ForeignKey(
        Secretariat,
        on_delete=models.CASCADE,
        related_name="heads",
        verbose_name=_("Secretariat contact"),
    )
    name = models.CharField(pgettext_lazy("a person", "name"), max_length=200)
    title = models.CharField(
        pgettext_lazy("the post held", "title"),
        max_length=200,
        help_text=_("Executive Director, …"),
    )
    started = models.DateField(pgettext_lazy("term of office", "from"), null=True, blank=True)
    started_precision = models.CharField(
        _("precision of from"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    ended = models.DateField(
        pgettext_lazy("term of office", "to"),
        null=True,
        blank=True,
        help_text=_("Empty while in office or when not known."),
    )
    ended_precision = models.CharField(
        _("precision of to"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("head of the Secretariat")
        verbose_name_plural = _("heads of the Secretariat")
        ordering = ["order", "started", "pk"]

    def __str__(self):
        return f"{self.name}, {self.title}"

    def save(self, *args, **kwargs):
        self.started = normalise_partial_date(self.started, self.started_precision)
        self.ended = normalise_partial_date(self.ended, self.ended_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return SECRETARIAT_PAGE_URL

    @property
    def started_display(self):
        return format_partial_date(self.started, self.started_precision)

    @property
    def ended_display(self):
        return format_partial_date(self.ended, self.ended_precision)
