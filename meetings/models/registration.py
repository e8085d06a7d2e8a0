"""Delegations to a meeting and their delegates, and the invitations of
observer organisations (with the participant states' consent for civil
society).

Every write goes through ``meetings.services.registration``: the rules that
need other rows (the registration window, the size limits, who may act)
live there, under row locks. What the database can hold by itself is in
``Meta.constraints``: one delegation per state or organisation and meeting,
at most one head of delegation, one person (email) once per meeting."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import archive_storage
from core.models import TimeStampedModel
from membership.enums import Language, OrganisationKind
from membership.models import FocalPoint, Organisation, ParticipantState

from ..enums import Accreditation, Consent, DelegateRole, DelegationStatus
from .meetings import Meeting


def credentials_path(instance: Delegation, filename: str) -> str:
    """A random name in the private storage: the uploaded name (sanitised)
    is kept in ``credentials_name``."""
    return f"meetings/credentials/{uuid.uuid4().hex}.pdf"


class Delegation(TimeStampedModel):
    """The delegation of one participant state, or of one observer
    organisation (an observer state, an international, regional or
    civil-society organisation), to one meeting. Its credentials are the
    PDF that nominates it, kept in private storage: a state's note verbale,
    an organisation's nomination letter (``meetings.credentials``)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="delegations", verbose_name=_("meeting"),
    )
    state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, null=True, blank=True,
        related_name="delegations", verbose_name=_("state"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True,
        related_name="delegations", verbose_name=_("observer organisation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DelegationStatus.choices,
        default=DelegationStatus.DRAFT,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # A withdrawal keeps the delegates (and ``submitted_at``, so restoring
    # brings the delegation back as it was): who withdrew it and when.
    withdrawn_at = models.DateTimeField(
        pgettext_lazy("delegation", "withdrawn at"), null=True, blank=True,
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=pgettext_lazy("delegation", "withdrawn by"),
    )
    credentials = models.FileField(
        pgettext_lazy("delegation", "note verbale or nomination letter"),
        upload_to=credentials_path, storage=archive_storage, max_length=200, blank=True,
        help_text=_("What nominates the delegation (PDF): a state's note verbale, an "
                    "organisation's nomination letter."),
    )
    credentials_name = models.CharField(_("file name"), max_length=200, blank=True)
    credentials_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    # The purge of personal data (retention period) deletes the delegates and
    # keeps the delegation as the record that the state attended.
    personal_data_purged_at = models.DateTimeField(
        _("personal data removed at"), null=True, blank=True,
    )
    purged_delegate_count = models.PositiveSmallIntegerField(
        _("delegates before removal"), null=True, blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = pgettext_lazy("delegation", "delegation")
        verbose_name_plural = pgettext_lazy("delegation", "delegations")
        ordering = ["meeting", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(state__isnull=False, organisation__isnull=True)
                    | models.Q(state__isnull=True, organisation__isnull=False)
                ),
                name="meetings_delegation_state_or_organisation",
                violation_error_message=_(
                    "A delegation is a state's or an observer organisation's, not both."
                ),
            ),
            models.UniqueConstraint(
                fields=["meeting", "state"], condition=models.Q(state__isnull=False),
                name="meetings_one_delegation_per_state",
                violation_error_message=_("This state already has a delegation to the meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="meetings_one_delegation_per_organisation",
                violation_error_message=_(
                    "This organisation already has a delegation to the meeting."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(status=DelegationStatus.SUBMITTED)
                    | models.Q(submitted_at__isnull=False)
                ),
                name="meetings_submitted_delegation_has_moment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} – {self.meeting}"

    @property
    def party(self):
        """The state or the organisation the delegation represents."""
        return self.state if self.state_id else self.organisation

    @property
    def party_name(self) -> str:
        """The state's short name or the organisation's full name (active
        language)."""
        return self.state.name if self.state_id else self.organisation.name

    @property
    def is_observer(self) -> bool:
        return self.organisation_id is not None


class Delegate(TimeStampedModel):
    """A member of a delegation. ``meeting`` repeats the delegation's
    meeting (set by the services) so the database can refuse the same
    person (email) twice in one meeting."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="delegates",
        verbose_name=pgettext_lazy("delegation", "delegation"),
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("meeting"),
        editable=False,
    )
    surname_cyrillic = models.CharField(_("surname (Cyrillic)"), max_length=100, blank=True)
    given_names_cyrillic = models.CharField(
        _("given names (Cyrillic)"), max_length=150, blank=True,
        help_text=_("First name and patronymic, if any."),
    )
    surname_latin = models.CharField(
        _("surname (Latin)"), max_length=100,
        help_text=_("As in the passport. Proposed from the Cyrillic (ICAO Doc 9303)."),
    )
    given_names_latin = models.CharField(_("given names (Latin)"), max_length=150)
    position = models.CharField(_("position"), max_length=200)
    agency = models.CharField(_("agency"), max_length=200)
    email = models.EmailField(_("email"))
    role = models.CharField(
        pgettext_lazy("delegate", "role"), max_length=20, choices=DelegateRole.choices,
        default=DelegateRole.DELEGATE,
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.RUSSIAN,
        help_text=_("Emails to this delegate are written in it."),
    )
    needs_visa_letter = models.BooleanField(
        _("needs an invitation or visa-support letter"), default=False,
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    accreditation = models.CharField(
        _("accreditation"), max_length=20, choices=Accreditation.choices,
        default=Accreditation.PENDING,
    )
    accreditation_reason = models.TextField(
        _("reason"), blank=True,
        help_text=_("Shown to the coordinator. Required when accreditation is declined."),
    )
    accreditation_decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    accreditation_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("decided by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["delegation", "role", "surname_latin", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation"], condition=models.Q(role=DelegateRole.HEAD),
                name="meetings_one_head_per_delegation",
                violation_error_message=_("The delegation already has a head of delegation."),
            ),
            models.UniqueConstraint(
                Lower("email"), "meeting", name="meetings_delegate_email_once_per_meeting",
                violation_error_message=_(
                    "This person (email) is already registered for the meeting."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(accreditation=Accreditation.DECLINED)
                    | ~models.Q(accreditation_reason="")
                ),
                name="meetings_declined_accreditation_has_reason",
                violation_error_message=_("Say why the accreditation is declined."),
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "accreditation"], name="meetings_delegate_accr_idx"),
        ]

    def __str__(self) -> str:
        return self.name_latin

    @property
    def name_latin(self) -> str:
        return f"{self.given_names_latin} {self.surname_latin}".strip()

    @property
    def name_cyrillic(self) -> str:
        return f"{self.given_names_cyrillic} {self.surname_cyrillic}".strip()

    @property
    def is_head(self) -> bool:
        return self.role == DelegateRole.HEAD


class ObserverInvitation(models.Model):
    """An observer organisation invited to one meeting: the focal point
    registers the delegation through a signed, expiring link. A
    civil-society organisation registers only once the participant states
    consented (date and how it was given), never after an objection."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="observer_invitations",
        verbose_name=_("meeting"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="meeting_invitations",
        verbose_name=_("observer organisation"),
    )
    focal_point = models.ForeignKey(
        FocalPoint, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("observer focal point"),
    )
    email = models.EmailField(_("email the invitation goes to"))
    language = models.CharField(
        _("language of the invitation"), max_length=2, choices=Language.choices,
        default=Language.ENGLISH,
    )
    max_delegation_size = models.PositiveSmallIntegerField(
        pgettext_lazy("delegation", "maximum delegation size"), default=2,
    )
    consent = models.CharField(
        _("participant states' consent"), max_length=20, choices=Consent.choices,
        default=Consent.NOT_NEEDED,
    )
    consent_date = models.DateField(_("consent or objection on"), null=True, blank=True)
    consent_how = models.CharField(
        _("how consent was given or the objection raised"), max_length=300, blank=True,
        help_text=_("For example: no objection by the deadline of the note of 1 March."),
    )
    invited_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("observer invitation")
        verbose_name_plural = _("observer invitations")
        ordering = ["meeting", "organisation__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="meetings_invitation_once_per_meeting",
                violation_error_message=_("This organisation is already invited to the meeting."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(consent__in=[Consent.NOT_NEEDED, Consent.AWAITED])
                    | models.Q(consent_date__isnull=False)
                ),
                name="meetings_consent_has_date",
                violation_error_message=_("Give the date of the consent or of the objection."),
            ),
            models.CheckConstraint(
                condition=models.Q(max_delegation_size__gte=1),
                name="meetings_observer_size_positive",
                violation_error_message=_("A delegation has at least one member."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.meeting}"

    @property
    def consent_allows_registration(self) -> bool:
        """The one rule of consent (DOMAIN.md): a civil-society organisation
        observes only once the participant states consented, whatever its
        invitation recorded when it was invited as another kind; other
        observers need none, and an objection recorded stands."""
        if self.organisation.kind == OrganisationKind.CIVIL_SOCIETY:
            return self.consent == Consent.GIVEN
        return self.consent in (Consent.NOT_NEEDED, Consent.GIVEN)
