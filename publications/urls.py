from django.urls import path

from . import feeds, views

app_name = "publications"
urlpatterns = [
    path("", views.PublicationListView.as_view(), name="list"),
    path("feed/rss/", feeds.LatestPublicationsFeed(), name="feed-rss"),
    path("feed/atom/", feeds.AtomPublicationsFeed(), name="feed-atom"),
    path("feed/<slug:kind>/rss/", feeds.LatestPublicationsFeed(), name="kind-feed-rss"),
    path("feed/<slug:kind>/atom/", feeds.AtomPublicationsFeed(), name="kind-feed-atom"),
    path("<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
]
