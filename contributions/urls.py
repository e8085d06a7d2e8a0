from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("contributions/", views.TotalsView.as_view(), name="totals"),
]
