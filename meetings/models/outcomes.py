"""A meeting's outcomes: decisions, conclusions, recommendations and
amendments of the Operational Mechanism, adopted by consensus on a day of
the meeting, with what the decisions register shows of them (who may see
them, since when, their themes, the states concerned, the documents that
carry them)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive.enums import AccessLevel
from archive.models import Document, Theme
from chairmanship.models import Chairmanship
from core.dates import date_label
from membership.models import ParticipantState

from ..enums import MeetingKind, OutcomeKind
from .meetings import CONFIRMATION_LEAD, Meeting, _has_text, _meeting_of


class MeetingOutcome(models.Model):
    """A decision or conclusions of a meeting, adopted by consensus (the
    only way the process decides) on a day of the meeting. It may confirm a
    chair term: the 2013 election, later handovers."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("meeting"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OutcomeKind.choices, default=OutcomeKind.DECISION,
    )
    text = models.TextField(_("text"))
    adopted_on = models.DateField(
        _("adopted by consensus on"), help_text=_("One of the meeting's days."),
    )
    confirms_chairmanship = models.ForeignKey(
        Chairmanship, on_delete=models.PROTECT, null=True, blank=True,
        related_name="confirming_outcomes",
        verbose_name=pgettext_lazy("chair term", "confirms the chairmanship term"),
    )
    # What the decisions register shows; who may see it follows the archive's
    # levels (meetings.selectors.outcomes_visible_to), as a document's does.
    access = models.CharField(_("who may see it"), max_length=20, choices=AccessLevel.choices,
                              default=AccessLevel.PUBLIC)
    published_at = models.DateTimeField(
        _("in the decisions register since"), null=True, blank=True, default=timezone.now,
        help_text=_("From this moment the outcome is shown in the decisions register, its "
                    "feeds and alerts. Empty: not shown yet."))
    themes = models.ManyToManyField(Theme, blank=True, related_name="meeting_outcomes",
                                    verbose_name=_("themes"))
    states = models.ManyToManyField(ParticipantState, blank=True, related_name="meeting_outcomes",
                                    verbose_name=_("states concerned"))
    documents = models.ManyToManyField(
        Document, blank=True, related_name="carried_outcomes",
        verbose_name=_("documents that carry it"),
        help_text=_("Each visitor sees only the documents the archive lets them see."))

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["confirms_chairmanship"],
                condition=models.Q(confirms_chairmanship__isnull=False),
                name="meetings_term_confirmed_once",
                violation_error_message=_("Another outcome already confirms this chairmanship "
                                          "term."),
            ),
        ]
        indexes = [models.Index(fields=["published_at"], name="meetings_outcome_published_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.adopted_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        errors: dict[str, ValidationError] = {}
        meeting = _meeting_of(self)
        if meeting is not None and self.adopted_on and meeting.start and meeting.end and not (
            meeting.start <= self.adopted_on <= meeting.end
        ):
            errors["adopted_on"] = ValidationError(
                _("An outcome is adopted on one of the meeting's days (%(start)s – %(end)s)."),
                code="adopted_outside_meeting",
                params={"start": date_label(meeting.start),
                        "end": date_label(meeting.end)},
            )
        if (
            self.kind == OutcomeKind.AMENDMENT and meeting is not None
            and meeting.kind != MeetingKind.MINISTERIAL
        ):
            errors["kind"] = ValidationError(
                _("The Operational Mechanism can be amended only at a Ministerial Conference."),
                code="amendment_not_ministerial",
            )
        term = self.confirms_chairmanship if self.confirms_chairmanship_id else None
        if term is not None and self.adopted_on:
            if self.adopted_on > term.end:
                errors["confirms_chairmanship"] = ValidationError(
                    _("This term had ended (%(end)s) before the outcome was adopted."),
                    code="term_ended",
                    params={"end": date_label(term.end)},
                )
            elif self.adopted_on < term.start - CONFIRMATION_LEAD:
                errors["confirms_chairmanship"] = ValidationError(
                    _("This term starts on %(start)s: a confirmation is adopted in the year "
                      "before it starts at the earliest."),
                    code="term_too_far",
                    params={"start": date_label(term.start)},
                )
        if not _has_text(self.text_ru, self.text_en):
            errors["text_ru"] = ValidationError(
                _("Give the text in Russian or in English."), code="text_required",
            )
        if errors:
            raise ValidationError(errors)
