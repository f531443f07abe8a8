"""The read-only API under /api/v1/ (and /ru/api/v1/ for Russian text): each app's
viewsets (<app>/api.py) on one router, the only place that imports them all."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from events.api import EventViewSet
from members.api import ParticipantViewSet
from plans.api import DecisionViewSet, DimensionViewSet, PlanViewSet, PriorityAreaViewSet
from publications.api import PublicationViewSet

from .api_docs import ApiDocsView

router = DefaultRouter()
router.register("states", ParticipantViewSet, basename="state")
router.register("dimensions", DimensionViewSet, basename="dimension")
router.register("priority-areas", PriorityAreaViewSet, basename="priority-area")
router.register("plans", PlanViewSet, basename="plan")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("events", EventViewSet, basename="event")
router.register("publications", PublicationViewSet, basename="publication")

app_name = "api"
urlpatterns = [
    path("", ApiDocsView.as_view(), name="docs"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/", include(router.urls)),
]
