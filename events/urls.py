from django.urls import path

from . import feeds, views

app_name = "events"
# Fixed paths come before "<slug>/": RESERVED_SLUGS in models keeps events from shadowing them.
urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("past/", views.PastEventListView.as_view(), name="past"),
    path("calendar.ics", views.CalendarFeedView.as_view(), name="calendar_ics"),
    path("feed/rss/", feeds.UpcomingEventsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.UpcomingEventsAtomFeed(), name="feed_atom"),
    path("<int:year>/<int:month>/", views.MonthView.as_view(), name="month"),
    path("<slug:slug>.ics", views.EventCalendarView.as_view(), name="detail_ics"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
