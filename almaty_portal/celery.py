"""Celery application: configuration from Django settings (CELERY_*),
tasks discovered in every installed app's ``tasks.py``."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings.dev")

app = Celery("almaty_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="almaty_portal.ping")
def ping() -> str:
    """Round trip check for the worker (health checks and tests)."""
    return "pong"
