"""The harvesting endpoints, at the root URLconf (no language prefix: a
harvester's address must not depend on a language)."""

from django.urls import path

from . import views

app_name = "harvest"

urlpatterns = [
    path("oai/", views.oai_endpoint, name="oai"),
    path("api/documents/", views.documents_json, name="documents"),
]
