from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alerts/", views.SubscribeView.as_view(), name="subscribe"),
    path("alerts/sent/", views.SentView.as_view(), name="sent"),
    path("alerts/manage/", views.ManageLinkView.as_view(), name="manage_request"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/manage/<str:token>/", views.manage, name="manage"),
    path("alerts/manage/<str:token>/delete/<int:pk>/", views.delete, name="delete"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
