from django.urls import path

from . import views

app_name = "chairmanship"

urlpatterns = [
    path("chairmanship/", views.ChairmanshipOverviewView.as_view(), name="overview"),
]
