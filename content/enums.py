from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    """How the process relates to a partner, in the order /partners/ shows them."""

    ORGANISATION = "organisation", _("International or regional organisation")
    PROCESS = "process", _("Regional consultative process")
