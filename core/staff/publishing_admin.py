"""Publish and unpublish: only for staff with the model's publish permission."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.publishing import PublicationStatus


def publish_permission(model):
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


class PublishingAdminMixin:
    publishing_fields = ("publication_status",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "publish_at" and field is not None:
            # The browser may be elsewhere: say which clock the moment is read on.
            field.help_text = _(
                "The item appears publicly from this moment, if its status is Published. "
                "Date and time in the site's time zone (%(zone)s)."
            ) % {"zone": settings.TIME_ZONE}
        return field

    def has_publish_permission(self, request):
        return request.user.has_perm(publish_permission(self.model))

    def has_change_permission(self, request, obj=None):
        # Editors work on drafts: what is public changes only through a publisher.
        if (
            obj is not None
            and obj.publication_status == PublicationStatus.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [f for f in self.publishing_fields if f not in readonly]
        return readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_publish_permission(request):
            actions.pop("publish_selected", None)
            actions.pop("unpublish_selected", None)
        return actions

    def _set_publication_status(self, request, queryset, status):
        if not self.has_publish_permission(request):
            raise PermissionDenied
        changed = 0
        for obj in queryset:
            if obj.publication_status != status:
                obj.publication_status = status
                obj._history_user = request.user
                obj.save()
                self.log_change(
                    request, obj, f"Publication status: {obj.get_publication_status_display()}"
                )
                changed += 1
        return changed

    @admin.action(description=_("Publish selected items"))
    def publish_selected(self, request, queryset):
        changed = self._set_publication_status(request, queryset, PublicationStatus.PUBLISHED)
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish (withdraw) selected items"))
    def unpublish_selected(self, request, queryset):
        changed = self._set_publication_status(request, queryset, PublicationStatus.WITHDRAWN)
        self.message_user(
            request,
            ngettext("%d item withdrawn.", "%d items withdrawn.", changed) % changed,
            messages.SUCCESS,
        )
