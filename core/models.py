"""Tables of the shared building blocks: the published-row counters."""

from django.db import models


class PublishedRowCount(models.Model):
    """The number of rows of one table whose publication_status is published; kept by
    triggers (core/published_rows.py), read by published_total()."""

    table_name = models.CharField(max_length=63, unique=True)
    published = models.BigIntegerField()

    class Meta:
        # The table was created under the site app (cica_site 0005); it kept its name.
        db_table = "cica_site_publishedrowcount"
        ordering = ["table_name"]

    def __str__(self):
        return f"{self.table_name}: {self.published}"
