"""The Operational Mechanism as a versioned text: each version is the whole
consolidated text, paragraph by paragraph, in force from a date until the
next version's, and tied to the Ministerial Conference outcome that adopted
or amended it (the Mechanism, section vii: it "may be amended at Ministerial
meetings").

The rules (``MechanismVersion.clean``, which ``mechanism.services`` runs):

- the first text is the original: its adopting outcome, if recorded, is one
  of a Ministerial Conference; without one, the date of its adoption is
  recorded instead;
- every later text is an amendment: it needs an outcome of the kind
  "Amendment of the Operational Mechanism", which meetings only allows at a
  Ministerial Conference (``meetings.models.MeetingOutcome.clean``);
- a text comes into force on or after the day it was adopted; two versions
  never come into force on the same day, and one outcome adopts one
  version."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.models import Document
from core.dates import date_label
from meetings.enums import MeetingKind, OutcomeKind
from meetings.models import MeetingOutcome

from .enums import HEADINGS, ParagraphKind


class MechanismVersion(models.Model):
    in_force_from = models.DateField(
        _("in force from"), unique=True,
        error_messages={"unique": _("Another version of the text comes into force on this "
                                    "date.")},
    )
    outcome = models.OneToOneField(
        MeetingOutcome, on_delete=models.PROTECT, null=True, blank=True,
        related_name="mechanism_version", verbose_name=_("adopted by the outcome"),
        help_text=_("The Ministerial Conference outcome that adopted this text (an amendment: "
                    "an outcome of the kind “Amendment of the Operational Mechanism”)."),
        error_messages={"unique": _("This outcome already adopted another version of the "
                                    "text.")},
    )
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True,
        help_text=_("Only for the original text when its adopting outcome is not recorded; "
                    "otherwise the outcome's date."),
    )
    adoption_note = models.TextField(
        _("note on the adoption"), blank=True,
        help_text=_("Shown with the version, for example where the text comes from."),
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True,
        related_name="mechanism_versions", verbose_name=_("archive document"),
        help_text=_("The document of this text in the archive (its access level applies)."),
    )
    illustrative = models.BooleanField(
        _("illustrative"), default=False,
        help_text=_("Its dates were invented for the demonstration."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of the Operational Mechanism")
        verbose_name_plural = _("versions of the Operational Mechanism")
        ordering = ["in_force_from"]

    def __str__(self) -> str:
        return str(_("Text in force from %(date)s") % {"date": date_label(self.in_force_from)})

    def get_absolute_url(self) -> str:
        return f"{reverse('mechanism:text')}?on={self.in_force_from:%Y-%m-%d}"

    @property
    def adoption_date(self):
        """The day the text was adopted: its outcome's, else the one recorded."""
        if self.outcome_id is not None:
            return self.outcome.adopted_on
        return self.adopted_on

    @property
    def is_amendment(self) -> bool:
        return self.outcome_id is not None and self.outcome.kind == OutcomeKind.AMENDMENT

    def clean(self):
        super().clean()
        errors: dict[str, list[ValidationError]] = {}

        def refuse(field: str, message, code: str, **params) -> None:
            errors.setdefault(field, []).append(
                ValidationError(message, code=code, params=params or None))

        outcome = self.outcome if self.outcome_id is not None else None
        if outcome is not None:
            if outcome.meeting.kind != MeetingKind.MINISTERIAL:
                refuse("outcome", _("The Operational Mechanism is adopted and amended only at a "
                                    "Ministerial Conference: this outcome is of “%(meeting)s”."),
                       "outcome_not_ministerial", meeting=outcome.meeting.title)
            if self.adopted_on and self.adopted_on != outcome.adopted_on:
                refuse("adopted_on", _("The outcome was adopted on %(date)s: leave this date "
                                       "empty or give the same."),
                       "adoption_date_differs", date=date_label(outcome.adopted_on))
        if self.in_force_from:
            others = MechanismVersion.objects.exclude(pk=self.pk).select_related("outcome")
            earlier = others.filter(in_force_from__lt=self.in_force_from).exists()
            first_other = others.order_by("in_force_from").first()
            if earlier and (outcome is None or outcome.kind != OutcomeKind.AMENDMENT):
                refuse("outcome", _("A later text is an amendment: choose the Ministerial "
                                    "Conference outcome of the kind “Amendment of the "
                                    "Operational Mechanism” that made it."),
                       "amendment_outcome_required")
            if (not earlier and first_other is not None
                    and first_other.in_force_from > self.in_force_from
                    and not first_other.is_amendment):
                refuse("in_force_from", _("The text in force from %(date)s is the original "
                                          "text: no version can come into force before it."),
                       "before_original", date=date_label(first_other.in_force_from))
            if not earlier and outcome is None and not self.adopted_on:
                refuse("adopted_on", _("Record how the original text was adopted: the "
                                       "Ministerial Conference outcome, or the date of its "
                                       "adoption."), "adoption_required")
            adopted = outcome.adopted_on if outcome is not None else self.adopted_on
            if adopted and self.in_force_from < adopted:
                refuse("in_force_from", _("A text comes into force on or after the day it was "
                                          "adopted (%(date)s)."),
                       "in_force_before_adoption", date=date_label(adopted))
        if errors:
            raise ValidationError(errors)


class MechanismParagraph(models.Model):
    """A paragraph of one version: a heading, a paragraph, a list item or a
    footnote, in the text's order."""

    version = models.ForeignKey(
        MechanismVersion, on_delete=models.CASCADE, related_name="paragraphs",
        verbose_name=_("version"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=ParagraphKind.choices,
                            default=ParagraphKind.PARAGRAPH)
    number = models.CharField(
        _("number"), max_length=10, blank=True,
        help_text=_("As the text numbers it: “1”, “iii”, “2)”, “¹”; empty for none."),
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="mechanism_paragraph_position_unique",
                violation_error_message=_("The version already has a paragraph at this "
                                          "position."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.number} {(self.text or '')[:60]}".strip()

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADINGS

    def clean(self):
        super().clean()
        if not (self.text_ru or "").strip() and not (self.text_en or "").strip():
            raise ValidationError(
                {"text_ru": ValidationError(_("Give the text in Russian or in English."),
                                            code="text_required")})
