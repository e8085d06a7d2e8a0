"""Recording and changing chair terms. Every write validates
(``full_clean`` plus the rules that need other rows) inside
``transaction.atomic`` with the existing terms locked, so that two
secretariat users cannot record overlapping terms at once."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.dates import date_label
from core.db import constraint_name_of
from membership.enums import MembershipStatus
from membership.models import ParticipantState, User
from membership.selectors import membership_period_on

from ..enums import ChairmanshipBasis
from ..models import NO_OVERLAP_CONSTRAINT, Chairmanship
from ..selectors import last_rotation_term, rotation_data, term_before
from ..validators import term_end_for
from .rotation import Proposal, _propose


def _overlap_error(other: Chairmanship | None = None) -> ValidationError:
    if other is None:
        return ValidationError(
            _("Chairmanship terms cannot overlap: another term covers some of these dates."),
            code="overlap",
        )
    return ValidationError(
        _("Chairmanship terms cannot overlap: from %(start)s to %(end)s the Chair is %(state)s."),
        code="overlap",
        params={"state": other.state, "start": date_label(other.start),
                "end": date_label(other.end)},
    )


def chairmanship_validate(*, chairmanship: Chairmanship, check_rotation: bool = True) -> None:
    """Every rule a term must satisfy, raising one ValidationError keyed by
    field, under the lock the services take."""
    term = chairmanship
    errors: dict[str, list[ValidationError]] = {}
    if term.end is None and term.basis == ChairmanshipBasis.DECISION:
        errors["end"] = [ValidationError(
            _("A term by recorded decision ends on the date the decision gives: enter it."),
            code="decision_end_required",
        )]
    try:
        term.full_clean(exclude=["end"] if errors else None)
    except ValidationError as exc:
        for name, field_errors in exc.error_dict.items():
            errors.setdefault(name, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)

    others = Chairmanship.objects.select_related("state")
    if term.pk is not None:
        others = others.exclude(pk=term.pk)
    overlapping = others.filter(start__lte=term.end, end__gte=term.start).order_by("start").first()
    if overlapping is not None:
        errors.setdefault(NON_FIELD_ERRORS, []).append(_overlap_error(overlapping))

    period = membership_period_on(state=term.state, on=term.start)
    if period is None or period.status != MembershipStatus.PARTICIPANT:
        errors.setdefault("state", []).append(ValidationError(
            _("Only participant states chair: on %(start)s %(state)s is not a participant state."),
            code="not_participant",
            params={"state": term.state, "start": date_label(term.start)},
        ))

    preceding = term_before(start=term.start, exclude_pk=term.pk)
    if preceding is None and term.basis != ChairmanshipBasis.ELECTED:
        errors.setdefault("basis", []).append(ValidationError(
            _("The first term was elected at the Ministerial Conference: "
              "record it with the basis “elected”."),
            code="first_is_elected",
        ))
    elif preceding is not None and term.basis == ChairmanshipBasis.ELECTED:
        errors.setdefault("basis", []).append(ValidationError(
            _("Only the first Chair was elected. Later terms follow the rotation, "
              "or a decision recorded by the secretariat."),
            code="only_first_elected",
        ))
    elif (check_rotation and preceding is not None and term.basis == ChairmanshipBasis.ROTATION
          and "state" not in errors):
        anchor = last_rotation_term(before=term.start, exclude_pk=term.pk) or preceding
        try:
            proposal = _propose(after_state=anchor.state, start=term.start, data=rotation_data())
        except ValidationError as exc:
            errors.setdefault("state", []).append(exc)
        else:
            if proposal.state.pk != term.state.pk:
                errors.setdefault("state", []).append(ValidationError(
                    _("By rotation the term from %(start)s falls to %(proposed)s, not %(state)s. "
                      "To depart from the rotation, choose the basis “recorded decision” "
                      "and record the decision in a note."),
                    code="not_rotation",
                    params={"start": date_label(term.start), "proposed": proposal.state,
                            "state": term.state},
                ))
    if errors:
        raise ValidationError(errors)


def chairmanship_terms_lock() -> None:
    """Lock every recorded term (there is one per two years) until the end of
    the current transaction, so that concurrent writers of terms queue up;
    the overlap check that follows runs in a later statement and so sees a
    term a concurrent writer has just committed. On PostgreSQL the exclusion
    constraint backs this up, also for the very first term (nothing to lock
    yet). SQLite ignores row locks: there a concurrent write fails with
    "database is locked" unless the connection begins transactions IMMEDIATE."""
    list(Chairmanship.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def _save(chairmanship: Chairmanship) -> None:
    try:
        with transaction.atomic():
            chairmanship.save()
    except IntegrityError as exc:
        if constraint_name_of(exc) == NO_OVERLAP_CONSTRAINT:
            raise _overlap_error() from exc
        raise


def chairmanship_create(
    *,
    state: ParticipantState,
    start: datetime.date,
    basis: str,
    end: datetime.date | None = None,
    representative_name_ru: str = "",
    representative_name_en: str = "",
    representative_title_ru: str = "",
    representative_title_en: str = "",
    decision_note_ru: str = "",
    decision_note_en: str = "",
    notes_ru: str = "",
    notes_en: str = "",
    illustrative: bool = False,
    created_by: User | None = None,
) -> Chairmanship:
    """Record a term. ``end`` defaults to two years after ``start`` less a
    day; a term by ``decision`` needs it (as long as the decision says).

    Rejected: a term by rotation or election not two years long, overlapping another, of a state
    that is not a participant on ``start``; a first term not ``elected``; a
    ``rotation`` term for a state the rotation does not give (record a
    ``decision`` with a note instead: departures are recorded, never silent).
    """
    chairmanship = Chairmanship(
        state=state, start=start, basis=basis,
        end=end if end is not None or basis == ChairmanshipBasis.DECISION else term_end_for(start),
        representative_name_ru=representative_name_ru,
        representative_name_en=representative_name_en,
        representative_title_ru=representative_title_ru,
        representative_title_en=representative_title_en,
        decision_note_ru=decision_note_ru, decision_note_en=decision_note_en,
        notes_ru=notes_ru, notes_en=notes_en, illustrative=illustrative,
        created_by=created_by,
    )
    with transaction.atomic():
        chairmanship_terms_lock()
        chairmanship_validate(chairmanship=chairmanship)
        _save(chairmanship)
    return chairmanship


def chairmanship_create_from_proposal(
    *, proposal: Proposal, created_by: User | None = None, **details: Any
) -> Chairmanship:
    """Record the proposed term with the basis ``rotation``; still validated,
    so a proposal that went stale (a new term, a declination) is rejected.
    ``details`` are the optional texts of ``chairmanship_create``."""
    return chairmanship_create(
        state=proposal.state, start=proposal.start, end=proposal.end,
        basis=ChairmanshipBasis.ROTATION, created_by=created_by, **details,
    )


def chairmanship_update(*, chairmanship: Chairmanship, data: dict[str, Any]) -> Chairmanship:
    """Change a recorded term. The rotation is checked again only when the
    state, dates or basis change, so correcting a representative's name on
    an old term never trips over later membership changes."""
    with transaction.atomic():
        chairmanship_terms_lock()
        original = Chairmanship.objects.get(pk=chairmanship.pk)
        for name, value in data.items():
            setattr(chairmanship, name, value)
        rotation_changed = (
            (original.state_id, original.start, original.end, original.basis)
            != (chairmanship.state_id, chairmanship.start, chairmanship.end, chairmanship.basis)
        )
        chairmanship_validate(chairmanship=chairmanship, check_rotation=rotation_changed)
        _save(chairmanship)
    return chairmanship
