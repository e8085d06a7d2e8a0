from django.urls import path

from . import views

app_name = "actionplan"

urlpatterns = [
    path("action-plan/", views.PlanView.as_view(), name="plan"),
    path("action-plan/v<int:version>/", views.PlanView.as_view(), name="plan_version"),
    path("action-plan/progress/", views.ProgressMatrixView.as_view(), name="progress"),
    path("action-plan/progress.csv", views.ProgressCsvView.as_view(), name="progress_csv"),
    path("action-plan/report/", views.ProgressReportView.as_view(), name="report"),
    path(
        "action-plan/rounds/<int:pk>/report-<str:language>.pdf",
        views.ProgressReportDownloadView.as_view(), name="report_pdf",
    ),
]
