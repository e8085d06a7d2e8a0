"""The decisions register's own rows: follow-up items of meetings' outcomes.

An outcome itself (its text, kind, themes, states concerned, access level,
publication and documents) is a meetings row (``meetings.MeetingOutcome``):
it is recorded with its meeting, in the meeting's admin, and a meeting's
page shows it. The register adds a view of it (``RegisterOutcome``: its
permalink) and what only the register keeps: what each outcome asks to be
done, by whom and by when, and how far it has got."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.models import Document
from core.dates import date_label
from core.models import TimeStampedModel
from meetings.models import MeetingOutcome
from membership.models import ILLUSTRATIVE_HELP, ParticipantState

from .enums import FollowUpStatus, Responsible


class RegisterOutcome(MeetingOutcome):
    """A meeting's outcome as the register shows it, at its own address."""

    class Meta:
        proxy = True
        verbose_name = _("register entry")
        verbose_name_plural = _("decisions register")

    def get_absolute_url(self) -> str:
        return reverse("decisions:outcome", kwargs={"pk": self.pk})


class FollowUpItem(TimeStampedModel):
    """One thing an outcome asks to be done: by a participant state, the
    Chair or the Support Unit, by a date that is not before the outcome was
    adopted, with its status and the archive documents that show it done.
    Staff edit every item (the admin); a state's national coordinator
    updates their own state's (status, note, evidence)."""

    outcome = models.ForeignKey(
        MeetingOutcome, on_delete=models.PROTECT, related_name="follow_up_items",
        verbose_name=_("outcome"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    action = models.TextField(pgettext_lazy("follow-up", "what is to be done"))
    responsible = models.CharField(
        pgettext_lazy("follow-up", "who"), max_length=20, choices=Responsible.choices,
        default=Responsible.STATE,
    )
    state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, null=True, blank=True,
        related_name="follow_up_items", verbose_name=_("state"),
        help_text=_("Only when a participant state carries it out."),
    )
    due_on = models.DateField(pgettext_lazy("follow-up", "due by"))
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices,
        default=FollowUpStatus.NOT_STARTED,
    )
    note = models.TextField(
        pgettext_lazy("follow-up", "note on progress"), blank=True,
    )
    evidence = models.ManyToManyField(
        Document, blank=True, related_name="follow_up_items",
        verbose_name=pgettext_lazy("follow-up", "evidence"),
        help_text=_("Archive documents that show what was done; each reader sees only those "
                    "the archive lets them see."),
    )
    illustrative = models.BooleanField(_("illustrative"), default=False,
                                       help_text=ILLUSTRATIVE_HELP)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("follow-up item")
        verbose_name_plural = _("follow-up items")
        ordering = ["outcome", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(responsible=Responsible.STATE, state__isnull=False)
                    | (~models.Q(responsible=Responsible.STATE) & models.Q(state__isnull=True))
                ),
                name="decisions_followup_state_iff_state_responsible",
                violation_error_message=_(
                    "Choose the state when a participant state carries it out, and only then."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["state", "status"], name="decisions_followup_state_idx"),
        ]

    def __str__(self) -> str:
        return (self.action or "")[:80]

    @property
    def is_open(self) -> bool:
        return self.status != FollowUpStatus.DONE

    def clean(self):
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.responsible == Responsible.STATE and self.state_id is None:
            errors["state"] = ValidationError(
                _("Choose the state that carries it out."), code="state_required",
            )
        elif self.responsible != Responsible.STATE and self.state_id is not None:
            errors["state"] = ValidationError(
                _("A state is chosen only when a participant state carries it out."),
                code="state_not_responsible",
            )
        outcome = self.outcome if self.outcome_id is not None else None
        if outcome is not None and self.due_on and self.due_on < outcome.adopted_on:
            errors["due_on"] = ValidationError(
                _("A follow-up cannot be due before its decision was adopted (%(date)s)."),
                code="due_before_decision",
                params={"date": date_label(outcome.adopted_on)},
            )
        if not ((self.action_ru or "").strip() or (self.action_en or "").strip()):
            errors["action_ru"] = ValidationError(
                _("Say what is to be done, in Russian or in English."), code="action_required",
            )
        if errors:
            raise ValidationError(errors)
