from django.urls import path, re_path

from . import feeds, views

app_name = "plans"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="list"),
    # Before the slug route: "status" and "decisions" are reserved slugs (see Plan.clean).
    path("status/", views.StatusBoardView.as_view(), name="status_board"),
    # Feeds of status decisions: RSS at feed/, Atom at feed/atom/.
    path("decisions/feed/", feeds.DecisionsFeed(), name="decisions_rss"),
    path("decisions/feed/atom/", feeds.DecisionsAtomFeed(), name="decisions_atom"),
    # A dimension's slug may be Unicode (its page is a filter value, not a path).
    re_path(
        r"^decisions/dimension/(?P<slug>[-\w]+)/feed/$",
        feeds.DimensionDecisionsFeed(),
        name="dimension_decisions_rss",
    ),
    re_path(
        r"^decisions/dimension/(?P<slug>[-\w]+)/feed/atom/$",
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
