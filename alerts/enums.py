from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What a subscription follows (``Subscription.value`` says which one)."""

    SEARCH = "search", _("Archive search")
    THEME = "theme", _("Theme")
    STATE = "state", _("State concerned")
    MEETING_KIND = "meeting_kind", _("Documents of a kind of meeting")
    DECISIONS = "decisions", _("Register of decisions")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
