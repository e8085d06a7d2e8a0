"""Background work of the action plan: the PDF progress report of a round,
idempotent (the row's status under a lock), so acknowledged late."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from .services import progress_report_build


@shared_task(
    name="actionplan.build_progress_report", acks_late=True, reject_on_worker_lost=True,
    autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300,
    max_retries=5,
)
def build_progress_report(report_id: int) -> str:
    report = progress_report_build(report_id=report_id)
    return report.status if report is not None else "skipped"
