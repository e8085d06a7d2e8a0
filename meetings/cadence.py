"""The rhythm of meetings the Operational Mechanism sets (section v), year
by year, for the secretariat's cadence panel (a read: no writes).

- a Ministerial Conference once every two years: one is due two years after
  the last one that took place (and stays due until one does);
- a Senior Officials' Meeting every year;
- national consultations at least once a year in every state that is a
  participant at the end of the year (today, for the current year). This
  one is *recommended*, not obliged ("Национальным координаторам
  рекомендуется проводить консультации как минимум раз в год"), and a
  regional meeting of national coordinators that year counts for every
  participant state: a year without either is "not held", listed apart
  from the gaps in what the process must hold.

A meeting counts when it is not cancelled or postponed; one whose last day
has passed counts as held, a later one as planned. Past years with nothing
held are "not held"; in the current year, "not yet scheduled".
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, ParticipantState

from .enums import NOT_TAKING_PLACE, MeetingKind
from .models import Meeting

HELD = "held"
PLANNED = "planned"
NOT_HELD = "not_held"  # a past year: a gap (or, for a recommendation, not held)
DUE = "due"  # the current year: not yet scheduled
NOT_DUE = "not_due"

STATUS_LABELS = {
    HELD: pgettext_lazy("cadence", "Held"),
    PLANNED: pgettext_lazy("cadence", "Planned"),
    NOT_HELD: pgettext_lazy("cadence", "Not held"),
    DUE: pgettext_lazy("cadence", "Not yet scheduled"),
    NOT_DUE: pgettext_lazy("cadence", "Not due"),
}


@dataclass
class Check:
    status: str
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_gap(self) -> bool:
        return self.status in (NOT_HELD, DUE)


@dataclass
class StateCheck:
    state: ParticipantState
    check: Check


@dataclass
class CadenceYear:
    year: int
    ministerial: Check
    senior_officials: Check
    consultations: list[StateCheck]
    coordinators_meetings: list[Meeting] = field(default_factory=list)
    # What the process must hold (ministerial, senior officials) and did not.
    gaps: list[str] = field(default_factory=list)
    # The recommended national consultations not held (not gaps).
    not_held: list[str] = field(default_factory=list)

    @property
    def consultations_held(self) -> int:
        return len(self.consulted_states)

    @property
    def consulted_states(self) -> list[ParticipantState]:
        return [item.state for item in self.consultations if item.check.meetings]


def _check(meetings: list[Meeting], *, today: datetime.date, due: bool, current: bool) -> Check:
    if meetings:
        status = HELD if any(m.end < today for m in meetings) else PLANNED
        return Check(status=status, meetings=meetings)
    if not due:
        return Check(status=NOT_DUE)
    return Check(status=DUE if current else NOT_HELD)


def _participants_by_year(first: int, last: int, *, today: datetime.date):
    """{year: [states participant on 31 December (today for this year)]},
    states in name order. One query."""
    periods = (
        MembershipPeriod.objects.filter(status=MembershipStatus.PARTICIPANT)
        .filter(Q(end__isnull=True) | Q(end__gte=datetime.date(first, 1, 1)))
        .select_related("state")
        .order_by("state__name", "start")
    )
    periods = list(periods)
    result: dict[int, list[ParticipantState]] = {}
    for year in range(first, last + 1):
        on = today if year == today.year else datetime.date(year, 12, 31)
        seen: dict[int, ParticipantState] = {}
        for period in periods:
            if period.covers(on):
                seen.setdefault(period.state_id, period.state)
        result[year] = sorted(seen.values(), key=lambda s: s.name)
    return result


def meeting_cadence(
    *, first_year: int | None = None, today: datetime.date | None = None,
) -> list[CadenceYear]:
    """The cadence from ``first_year`` (the year of the first meeting by
    default) to the current year, latest year first. Two queries."""
    today = today or timezone.localdate()
    meetings = list(
        Meeting.objects.filter(kind__in=(
            MeetingKind.MINISTERIAL, MeetingKind.SENIOR_OFFICIALS,
            MeetingKind.NATIONAL_CONSULTATION, MeetingKind.COORDINATORS,
        ))
        .exclude(status__in=NOT_TAKING_PLACE)
        .filter(start__year__lte=today.year)
        .select_related("host_state")
        .order_by("start", "pk")
    )
    if first_year is None:
        first_year = min((m.start.year for m in meetings), default=today.year)
    by_year: dict[tuple[str, int], list[Meeting]] = defaultdict(list)
    consultations: dict[tuple[int, int], list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        if meeting.kind == MeetingKind.NATIONAL_CONSULTATION:
            consultations[(meeting.host_state_id, meeting.start.year)].append(meeting)
        else:
            by_year[(meeting.kind, meeting.start.year)].append(meeting)
    participants = _participants_by_year(first_year, today.year, today=today)

    years = []
    last_ministerial = None
    for year in range(first_year, today.year + 1):
        current = year == today.year
        ministerial_meetings = by_year[(MeetingKind.MINISTERIAL, year)]
        ministerial_due = last_ministerial is None or year - last_ministerial >= 2
        ministerial = _check(
            ministerial_meetings, today=today, due=ministerial_due, current=current,
        )
        som = _check(
            by_year[(MeetingKind.SENIOR_OFFICIALS, year)], today=today, due=True, current=current,
        )
        coordinators = by_year[(MeetingKind.COORDINATORS, year)]
        states = [
            StateCheck(state=state, check=_check(
                sorted(consultations[(state.pk, year)] + coordinators,
                       key=lambda m: (m.start, m.pk)),
                today=today, due=True, current=current,
            ))
            for state in participants.get(year, [])
        ]
        entry = CadenceYear(
            year=year, ministerial=ministerial, senior_officials=som, consultations=states,
            coordinators_meetings=coordinators,
        )
        entry.gaps = _gaps(entry, last_ministerial=last_ministerial)
        entry.not_held = _consultations_not_held(entry)
        years.append(entry)
        if ministerial_meetings:
            last_ministerial = year
    return list(reversed(years))


def _gaps(entry: CadenceYear, *, last_ministerial: int | None) -> list[str]:
    gaps = []
    params = {"year": entry.year, "last": last_ministerial}
    if entry.ministerial.status == NOT_HELD:
        gaps.append(str(
            _("No Ministerial Conference in %(year)s; the last one was in %(last)s.") % params
            if last_ministerial else _("No Ministerial Conference in %(year)s.") % params
        ))
    elif entry.ministerial.status == DUE:
        gaps.append(str(_("A Ministerial Conference is due in %(year)s and not yet scheduled.")
                        % params))
    if entry.senior_officials.status == NOT_HELD:
        gaps.append(str(_("No Senior Officials' Meeting in %(year)s.") % params))
    elif entry.senior_officials.status == DUE:
        gaps.append(str(_("The Senior Officials' Meeting of %(year)s is not yet scheduled.")
                        % params))
    return gaps


def _consultations_not_held(entry: CadenceYear) -> list[str]:
    """The participant states with neither a national consultation of their
    own nor a meeting of national coordinators that year (recommended, not
    obliged: listed apart from the gaps)."""
    lines = []
    for item in entry.consultations:
        names = {"year": entry.year, "state": item.state.name}
        if item.check.status == NOT_HELD:
            lines.append(str(_("%(state)s: national consultations not held in %(year)s.")
                             % names))
        elif item.check.status == DUE:
            lines.append(str(_("%(state)s: no national consultation scheduled yet in "
                               "%(year)s.") % names))
    return lines
