"""Publication state shared by every public content type.

Drafts and scheduled items are plain data checked at query time, so an item
scheduled for 09:00 appears at 09:00 with no job to run.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choice_labels import ChoiceLabelsMixin


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def published_q(relation=None):
    """published()'s condition, on this model or across a relation (e.g. "state")."""
    prefix = f"{relation}__" if relation else ""
    return models.Q(
        **{
            f"{prefix}publication_status": PublicationStatus.PUBLISHED,
            f"{prefix}publish_at__lte": timezone.now(),
        }
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def scheduled(self, now=None):
        """Published, but only from a moment still ahead (publish_at > now)."""
        return self.filter(
            publication_status=PublicationStatus.PUBLISHED,
            publish_at__gt=now or timezone.now(),
        )

    def visible_to(self, user):
        """Published items, or everything for staff who may preview drafts."""
        if self.previewable_by(user):
            return self.all()
        return self.published()

    def previewable_by(self, user):
        """Whether ``user`` may see this model's drafts (staff with change permission)."""
        return user.is_authenticated and user.is_staff and user.has_perm(self.change_permission())

    def change_permission(self):
        opts = self.model._meta
        return f"{opts.app_label}.change_{opts.model_name}"


class Publishable(ChoiceLabelsMixin, models.Model):
    publication_status = models.CharField(
        _("publication status"),
        max_length=12,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("The item appears publicly from this moment, if its status is Published."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Whole seconds: the admin form shows no microseconds, so re-saving a form
        # would otherwise record a spurious change of publish_at in the history.
        if self.publish_at is not None:
            self.publish_at = self.publish_at.replace(microsecond=0)
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return (
            self.publication_status == PublicationStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )
