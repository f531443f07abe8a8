from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.MemberListView.as_view(), name="list"),
    path("<slug:slug>/", views.MemberDetailView.as_view(), name="detail"),
]
