"""A URLconf that puts event pages elsewhere (tests/site/test_slug_urls.py)."""

from django.urls import include, path
from django.views.generic import View

event_patterns = (
    [path("<slug:slug>/", View.as_view(), name="detail")],
    "events",
)

urlpatterns = [path("moved/", include(event_patterns))]
