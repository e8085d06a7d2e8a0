from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("states/", views.StateListView.as_view(), name="state_list"),
    path("states/<str:code>/", views.StateDetailView.as_view(), name="state_detail"),
    path(
        "states/<str:code>/coordinator/",
        views.CoordinatorContactsView.as_view(),
        name="coordinator_contacts",
    ),
    path("observers/", views.ObserverListView.as_view(), name="observer_list"),
    path(
        "accounts/welcome/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
]
