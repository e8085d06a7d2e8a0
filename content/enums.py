from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    """How the process relates to a partner, in the order /partners/ shows them."""

    ORGANISATION = "organisation", _("International or regional organisation")
    PROCESS = "process", _("Regional consultative process")


class ProjectStatus(models.TextChoices):
    """Derived from a project's dates and today's date in Almaty, never stored."""

    PLANNED = "planned", _("Not started yet")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
