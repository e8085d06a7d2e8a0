from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ChairmanshipBasis(models.TextChoices):
    """Why a state holds a term: the founding election, the rotation, or a
    decision the secretariat recorded (a departure from the rotation)."""

    ELECTED = "elected", pgettext_lazy("chair basis", "Elected at the Ministerial Conference")
    ROTATION = "rotation", pgettext_lazy("chair basis", "Rotation")
    DECISION = "decision", pgettext_lazy("chair basis", "Recorded decision")


class SkipReason(models.TextChoices):
    """Why the rotation passed over a state for a turn."""

    NOT_PARTICIPANT = "not_participant", _("Not a participant state on the start date")
    DECLINED = "declined", _("Declined the turn")
