"""The base every content admin uses: history, edit-conflict refusal, publishing, CSV."""

from simple_history.admin import SimpleHistoryAdmin

from .csv_export import CsvExportAdminMixin
from .locking import OptimisticLockAdminMixin
from .publishing_admin import PublishingAdminMixin


class ContentAdmin(
    OptimisticLockAdminMixin, PublishingAdminMixin, CsvExportAdminMixin, SimpleHistoryAdmin
):
    actions = ["publish_selected", "unpublish_selected"]


class ChildContentAdmin(OptimisticLockAdminMixin, CsvExportAdminMixin, SimpleHistoryAdmin):
    """For edited models that have no publication state of their own."""
