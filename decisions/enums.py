from django.db import models
from django.utils.translation import pgettext_lazy

from meetings.enums import OutcomeKind

# The register's "kind of outcome" filter: the meetings' kinds of outcome,
# and the confirmation of a Chair (an outcome that confirms a chair term,
# whatever its kind).
CHAIR_CONFIRMATION = "chair"
REGISTER_KINDS = [
    *OutcomeKind.choices,
    (CHAIR_CONFIRMATION, pgettext_lazy("meeting outcome", "Confirmation of a Chair")),
]


class Responsible(models.TextChoices):
    """Who carries out a follow-up item."""

    STATE = "state", pgettext_lazy("follow-up responsible", "A participant state")
    CHAIR = "chair", pgettext_lazy("follow-up responsible", "The Chair")
    SUPPORT_UNIT = "support_unit", pgettext_lazy("follow-up responsible", "The Support Unit")


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", pgettext_lazy("follow-up status", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("follow-up status", "In progress")
    DONE = "done", pgettext_lazy("follow-up status", "Done")


# Statuses of an item still to be carried out.
OPEN_STATUSES = (FollowUpStatus.NOT_STARTED, FollowUpStatus.IN_PROGRESS)
