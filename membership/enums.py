from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Language(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")


class MembershipStatus(models.TextChoices):
    """A state's standing in the process during one period of its history."""

    PARTICIPANT = "participant", pgettext_lazy("membership status", "Participant")
    PENDING = "pending", pgettext_lazy("membership status", "Pending")
    WITHDRAWN = "withdrawn", pgettext_lazy("membership status", "Withdrawn")


class OrganisationKind(models.TextChoices):
    INTERNATIONAL = "international", _("International organisation")
    REGIONAL = "regional", _("Regional organisation")
    STATE = "state", _("Observer state")
    CIVIL_SOCIETY = "civil_society", _("Civil society organisation")


class SecurityEventKind(models.TextChoices):
    """What the security log recorded as refused (membership.SecurityEvent)."""

    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOCKOUT_STARTED = "lockout_started", _("Lockout started")
    LOCKOUT_REFUSAL = "lockout_refusal", _("Sign-in refused during a lockout")
    PERMISSION_DENIED = "permission_denied", _("Access denied")
    ADMIN_DENIED = "admin_denied", _("Administration access denied")
    CSRF_FAILURE = "csrf_failure", _("Form refused: security token missing or wrong")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Second factor refused")
