"""Tasks of the project-level app."""

from celery import shared_task

from core.tasking import outbox_send


@shared_task(name="almaty_portal.send_outbox", ignore_result=True)
def send_outbox() -> int:
    """Beat, every minute: the tasks that waited for the broker
    (core/tasking.py)."""
    return outbox_send()
