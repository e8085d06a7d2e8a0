from django.db import models
from django.utils.translation import pgettext_lazy


class WorkPlanStatus(models.TextChoices):
    """A plan is a draft until a Senior Officials' Meeting agrees it; once
    its year is over the secretariat closes it (no activity is added to a
    closed year)."""

    DRAFT = "draft", pgettext_lazy("work plan", "Draft")
    AGREED = "agreed", pgettext_lazy("work plan", "Agreed")
    CLOSED = "closed", pgettext_lazy("work plan", "Closed")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("work plan activity", "Planned")
    UNDER_WAY = "under_way", pgettext_lazy("work plan activity", "Under way")
    DONE = "done", pgettext_lazy("work plan activity", "Done")
    POSTPONED = "postponed", pgettext_lazy("work plan activity", "Postponed")
    CANCELLED = "cancelled", pgettext_lazy("work plan activity", "Cancelled")


class Responsible(models.TextChoices):
    """Who carries an activity out: a participant state, the Chair or the
    Support Unit (the Operational Mechanism's three actors)."""

    STATE = "state", pgettext_lazy("responsible", "A participant state")
    CHAIR = "chair", pgettext_lazy("responsible", "The Chair")
    SUPPORT_UNIT = "support_unit", pgettext_lazy("responsible", "The Support Unit")
