from django.urls import path

from . import views

app_name = "mechanism"

urlpatterns = [
    path("operational-mechanism/", views.TextView.as_view(), name="text"),
    path("operational-mechanism/versions/", views.VersionListView.as_view(), name="versions"),
    path("operational-mechanism/compare/", views.CompareView.as_view(), name="compare"),
]
