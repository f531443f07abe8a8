"""The site app's own table: the history of the About pages."""

from django.contrib.flatpages.models import FlatPage
from simple_history import register

# About pages are django.contrib.flatpages; their field-by-field history lives here.
register(FlatPage, app="cica_site")
