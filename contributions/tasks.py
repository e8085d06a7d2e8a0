"""Background work of the ledger: the yearly statement's PDF, idempotent
(the row's status under a lock), so acknowledged late."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from .services import statement_build


@shared_task(
    name="contributions.build_statement", acks_late=True, reject_on_worker_lost=True,
    autoretry_for=(OperationalError,), retry_backoff=True, retry_backoff_max=300,
    max_retries=5,
)
def build_statement(statement_id: int) -> str:
    statement = statement_build(statement_id=statement_id)
    return statement.status if statement is not None else "skipped"
