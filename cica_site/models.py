"""The site app's own tables: the history of the About pages and the published-row
counters (cica_site/published_rows.py)."""

from django.contrib.flatpages.models import FlatPage
from django.db import models
from simple_history import register

# About pages are django.contrib.flatpages; their field-by-field history lives here.
register(FlatPage, app="cica_site")


class PublishedRowCount(models.Model):
    """The number of rows of one table whose publication_status is published; kept by
    triggers (cica_site/published_rows.py), read by published_total()."""

    table_name = models.CharField(max_length=63, unique=True)
    published = models.BigIntegerField()

    class Meta:
        ordering = ["table_name"]

    def __str__(self):
        return f"{self.table_name}: {self.published}"
