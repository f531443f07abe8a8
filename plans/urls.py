from django.urls import path

from . import feeds, views

app_name = "plans"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="list"),
    # Before the slug route: "status" and "decisions" are reserved slugs (see Plan.clean).
    path("status/", views.StatusBoardView.as_view(), name="status_board"),
    # Feeds of status decisions: RSS at feed/, Atom at feed/atom/.
    path("decisions/feed/", feeds.DecisionsFeed(), name="decisions_rss"),
    path("decisions/feed/atom/", feeds.DecisionsAtomFeed(), name="decisions_atom"),
    path(
        "decisions/dimension/<str:slug>/feed/",
        feeds.DimensionDecisionsFeed(),
        name="dimension_decisions_rss",
    ),
    path(
        "decisions/dimension/<str:slug>/feed/atom/",
        feeds.DimensionDecisionsAtomFeed(),
        name="dimension_decisions_atom",
    ),
    path(
        "decisions/state/<slug:slug>/feed/",
        feeds.StateDecisionsFeed(),
        name="state_decisions_rss",
    ),
    path(
        "decisions/state/<slug:slug>/feed/atom/",
        feeds.StateDecisionsAtomFeed(),
        name="state_decisions_atom",
    ),
    path("<slug:slug>/", views.PlanDetailView.as_view(), name="detail"),
    path("<slug:slug>/feed/", feeds.PlanDecisionsFeed(), name="plan_decisions_rss"),
    path("<slug:slug>/feed/atom/", feeds.PlanDecisionsAtomFeed(), name="plan_decisions_atom"),
]
