from django.urls import path

from . import views

app_name = "workplans"

urlpatterns = [
    path("work-plans/", views.WorkPlanIndexView.as_view(), name="index"),
    path("work-plans/<int:year>/", views.WorkPlanYearView.as_view(), name="year"),
]
