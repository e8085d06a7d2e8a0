from django.urls import path

from . import views

app_name = "briefings"

urlpatterns = [
    path("briefing-packs/<int:pk>/download/", views.pack_download, name="pack_download"),
]
