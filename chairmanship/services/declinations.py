"""Recording declined turns (chairing is voluntary: a state may decline its
turn, which passes to the next state), under the terms' lock."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import date_label
from membership.models import ParticipantState

from ..models import Chairmanship, TurnDeclination
from ..selectors import chairmanship_terms
from ..validators import term_end_for
from .rotation import ONE_DAY
from .terms import chairmanship_terms_lock

TURNS_AHEAD = 50


def _turn_starts(*, terms: list[Chairmanship], today: datetime.date) -> set[datetime.date] | None:
    """The days a turn starts on: the day after each recorded term, and every
    two years after the last one. None when any day may be one (no term yet,
    or the last term has ended and the next will start whenever it is
    recorded)."""
    if not terms or terms[-1].end < today:
        return None
    starts = {term.end + ONE_DAY for term in terms}
    start = terms[-1].end + ONE_DAY
    for _i in range(TURNS_AHEAD):
        starts.add(start)
        start = term_end_for(start) + ONE_DAY
    return starts


def turn_declination_validate(*, declination: TurnDeclination) -> None:
    """Besides the model's rules: the state cannot decline a term it holds,
    and the declined turn must start on a day a turn starts (a declination
    on any other day would never match a turn, and so silently skip no one)."""
    declination.full_clean()
    terms = list(chairmanship_terms())
    turn_start = declination.turn_start
    if any(t.state_id == declination.state_id and t.start == turn_start for t in terms):
        raise ValidationError(
            {"turn_start": ValidationError(
                _("%(state)s holds the term starting on %(start)s, so it cannot have declined it."),
                code="turn_held",
                params={"state": declination.state, "start": date_label(turn_start)},
            )}
        )
    starts = _turn_starts(terms=terms, today=timezone.localdate())
    if starts is not None and turn_start not in starts:
        upcoming = terms[-1].end + ONE_DAY
        raise ValidationError(
            {"turn_start": ValidationError(
                _("No turn starts on %(start)s: a turn starts the day after a term ends "
                  "(the next one on %(next)s)."),
                code="not_a_turn",
                params={"start": date_label(turn_start), "next": date_label(upcoming)},
            )}
        )


def turn_decline(
    *,
    state: ParticipantState,
    turn_start: datetime.date,
    declined_on: datetime.date,
    note_ru: str = "",
    note_en: str = "",
    illustrative: bool = False,
) -> TurnDeclination:
    """Record that ``state`` declined the turn starting on ``turn_start``;
    the rotation then passes that turn to the next state. ``illustrative``:
    invented for the demonstration (the pages mark it)."""
    declination = TurnDeclination(
        state=state, turn_start=turn_start, declined_on=declined_on,
        note_ru=note_ru, note_en=note_en, illustrative=illustrative,
    )
    with transaction.atomic():
        chairmanship_terms_lock()
        turn_declination_validate(declination=declination)
        declination.save()
    return declination


def turn_declination_update(
    *, declination: TurnDeclination, data: dict[str, Any]
) -> TurnDeclination:
    with transaction.atomic():
        chairmanship_terms_lock()
        for name, value in data.items():
            setattr(declination, name, value)
        turn_declination_validate(declination=declination)
        declination.save()
    return declination
