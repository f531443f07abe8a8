from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="list"),
    # Before the slug route: "status" is a reserved slug (see Plan.clean).
    path("status/", views.StatusBoardView.as_view(), name="status_board"),
    path("<slug:slug>/", views.PlanDetailView.as_view(), name="detail"),
]
