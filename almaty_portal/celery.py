"""Celery application: configuration from Django settings (CELERY_*),
tasks discovered in every installed app's ``tasks.py``."""

import os

from celery.signals import worker_process_init

from core.tasking import PortalCelery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings.dev")

# PortalCelery: a send that finds the broker down waits in the database's
# outbox instead of failing the request (core/tasking.py).
app = PortalCelery("almaty_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="almaty_portal.ping")
def ping() -> str:
    """Round trip check for the worker (health checks and tests)."""
    return "pong"


@worker_process_init.connect
def _background_priority(**kwargs) -> None:
    """Each worker process yields the CPU to the web (archive/priority.py)."""
    from archive.priority import lower_cpu_priority

    lower_cpu_priority()
