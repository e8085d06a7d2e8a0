import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import date_label
from membership.models import ILLUSTRATIVE_HELP, ParticipantState

from .enums import ChairmanshipBasis
from .validators import term_end_for

# The exclusion constraint that keeps terms apart on PostgreSQL (migration
# 0002); services turn its IntegrityError into the same ValidationError.
NO_OVERLAP_CONSTRAINT = "chairmanship_terms_no_overlap"


class Chairmanship(models.Model):
    """One term of a participant state as Chair of the process.

    Dates are inclusive. A term by election or rotation lasts two years
    (``end`` is two years after ``start`` less one day); a term by a recorded
    decision lasts as long as the decision says, and does not move the
    rotation (see ``chairmanship.services``).
    Terms of different states never overlap (a CheckConstraint here, an
    exclusion constraint on PostgreSQL, and the services on any database).
    Create and change terms through ``chairmanship.services``, which also
    checks the rotation.
    """

    state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, related_name="chairmanships",
        verbose_name=_("state"),
    )
    start = models.DateField(pgettext_lazy("chair term", "term start"))
    end = models.DateField(
        pgettext_lazy("chair term", "term end"),
        help_text=_("Inclusive. By rotation or election: two years after the start, less one "
                    "day. By a recorded decision: the end the decision gives."),
    )
    representative_name = models.CharField(
        _("representative"), max_length=200, blank=True,
        help_text=_("The representative the chairing government appointed."),
    )
    representative_title = models.CharField(
        _("representative's title"), max_length=300, blank=True,
    )
    basis = models.CharField(
        _("basis"), max_length=20, choices=ChairmanshipBasis.choices,
        default=ChairmanshipBasis.ROTATION,
    )
    decision_note = models.TextField(
        _("decision"), blank=True,
        help_text=_("Required when the term departs from the rotation: what was decided, "
                    "by whom and why."),
    )
    # The meeting that elected or confirmed the Chair is linked from the
    # meetings side (MeetingOutcome.confirms_chairmanship, reverse name
    # ``confirming_outcomes``): meetings depends on chairmanship, never the
    # reverse.
    notes = models.TextField(_("notes"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = pgettext_lazy("chair term", "chairmanship term")
        verbose_name_plural = pgettext_lazy("chair term", "chairmanship terms")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="chairmanship_dates_in_order",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        start, end = (f"{day:%Y-%m-%d}" if day else "…" for day in (self.start, self.end))
        return f"{self.state} ({start} – {end})"

    def get_absolute_url(self) -> str:
        return reverse("chairmanship:overview")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = ValidationError(
                _("The end date cannot be before the start date."), code="dates_order"
            )
        elif (self.start and self.end and self.basis != ChairmanshipBasis.DECISION
              and self.end != term_end_for(self.start)):
            errors["end"] = ValidationError(
                _("The end date must be %(end)s: a term starting on %(start)s lasts two years."),
                code="term_length",
                params={
                    "start": date_label(self.start),
                    "end": date_label(term_end_for(self.start)),
                },
            )
        if self.basis == ChairmanshipBasis.DECISION and not (
            (self.decision_note_ru or "").strip() or (self.decision_note_en or "").strip()
        ):
            errors["decision_note_ru"] = ValidationError(
                _("A departure from the rotation needs the decision recorded in a note."),
                code="decision_note_required",
            )
        if errors:
            raise ValidationError(errors)

    def covers(self, on: datetime.date) -> bool:
        return self.start <= on <= self.end


class TurnDeclination(models.Model):
    """A state declined its turn to chair (chairing is voluntary): the turn
    that would have started on ``turn_start`` passes to the next state."""

    state = models.ForeignKey(
        ParticipantState, on_delete=models.PROTECT, related_name="turn_declinations",
        verbose_name=_("state"),
    )
    turn_start = models.DateField(
        _("start of the declined turn"),
        help_text=_("The start date of the term the state declined."),
    )
    declined_on = models.DateField(_("declined on"))
    note = models.TextField(_("note"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=ILLUSTRATIVE_HELP,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("declined turn")
        verbose_name_plural = _("declined turns")
        ordering = ["turn_start", "state"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "turn_start"], name="chairmanship_one_declination_per_turn",
                violation_error_code="already_declined",
                violation_error_message=_("This state has already declined this turn."),
            ),
            models.CheckConstraint(
                condition=models.Q(declined_on__lte=models.F("turn_start")),
                name="chairmanship_declined_before_turn",
                violation_error_message=_("A turn is declined on or before its start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.turn_start:%Y-%m-%d}"
