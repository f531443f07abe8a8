from html import unescape

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.bilingual import LANGUAGE_CODES, localized
from core.partial_dates import DatePrecision, format_partial_date, normalise_partial_date
from core.publishing import Publishable, PublishableQuerySet
from core.rendering import render_markdown
from core.slug_urls import slug_url
from core.uploads import ImageUploadField

IMAGE_NEEDS_ALT = _("Describe the image for people who cannot see it (alt text).")


class PublicationKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")
    INTERVIEW = "interview", _("Interview")
    SPEECH = "speech", _("Speech")
    STATEMENT = "statement", _("Statement")
    ARTICLE = "article", _("Article")


class PublicationQuerySet(PublishableQuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)


class Publication(Publishable):
    kind = models.CharField(
        _("kind"), max_length=16, choices=PublicationKind.choices, db_index=True
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True)
    standfirst = models.TextField(_("standfirst"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    # Rendered from body on save and sanitised; never edited by hand.
    body_html = models.TextField(editable=False, blank=True)
    posted_on = models.DateField(_("posted on"), default=timezone.localdate, db_index=True)
    # An item known only by its title and month or year (an older CICA press release) is
    # shown as far as its date is known.
    posted_precision = models.CharField(
        _("date known to"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    source_url = models.URLField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("For an item published elsewhere (such as on CICA's own site): its address."),
    )
    author = models.CharField(_("author or interviewer"), max_length=250, blank=True)
    speaker = models.CharField(_("interviewee or speaker"), max_length=250, blank=True)
    image = ImageUploadField(_("image"), upload_to="publications/%Y/", blank=True)
    image_alt = models.CharField(_("image description (alt text)"), max_length=250, blank=True)
    related_states = models.ManyToManyField(
        "members.Participant",
        blank=True,
        related_name="publications",
        verbose_name=_("related states"),
    )
    related_plans = models.ManyToManyField(
        "plans.Plan", blank=True, related_name="publications", verbose_name=_("related plans")
    )
    related_events = models.ManyToManyField(
        "events.Event", blank=True, related_name="publications", verbose_name=_("related events")
    )
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    objects = PublicationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-posted_on", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        permissions = [("publish_publication", _("Can publish and unpublish publications"))]
        # The list (all, by kind, by year), feeds, counts and the sitemap at scale (issue 7).
        indexes = [
            models.Index(fields=["posted_on", "id"], name="publication_posted"),
            models.Index(fields=["kind", "posted_on", "id"], name="publication_kind_posted"),
            models.Index(
                fields=["publication_status", "publish_at", "kind", "posted_on"],
                name="publication_published",
            ),
            models.Index(fields=["updated_at"], name="publication_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="publication_image_has_alt_text",
                violation_error_message=IMAGE_NEEDS_ALT,
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("publications:detail", self.slug)

    def clean(self):
        super().clean()
        # The English alt text is required (the form's field); the Russian one falls back to it.
        if self.image and not (self.image_alt_en or "").strip():
            raise ValidationError({"image_alt_en": IMAGE_NEEDS_ALT})

    def save(self, *args, **kwargs):
        self.posted_on = normalise_partial_date(self.posted_on, self.posted_precision)
        # Each language's body is rendered into its own column (publications/translation.py).
        sources = {code: getattr(self, localized("body", code)) for code in LANGUAGE_CODES}
        rendered = {
            localized("body_html", code): render_markdown(source) if source else None
            for code, source in sources.items()
        }
        for column, html in rendered.items():
            setattr(self, column, html)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(name.startswith("body") for name in update_fields):
            kwargs["update_fields"] = {*update_fields, "body_html", *rendered}
        super().save(*args, **kwargs)

    @property
    def posted_display(self):
        return format_partial_date(self.posted_on, self.posted_precision)

    @property
    def posted_iso(self):
        """The date as far as it is known, for <time datetime>: 2023-08-07, 2023-08 or 2023."""
        if self.posted_precision == DatePrecision.DAY:
            return self.posted_on.isoformat()
        if self.posted_precision == DatePrecision.MONTH:
            return self.posted_on.strftime("%Y-%m")
        return str(self.posted_on.year)

    @property
    def description(self):
        """One or two plain sentences for feeds, search engines and link previews."""
        text = self.standfirst or unescape(strip_tags(self.body_html))
        return Truncator(" ".join(text.split())).words(40)
