"""Choices of the contributions ledger."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class StatementLanguage(models.TextChoices):
    RU = "ru", _("Russian")
    EN = "en", _("English")
