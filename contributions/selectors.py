"""Named reads of the ledger. Who may read what is decided here, once:
a state's figures go to the secretariat (the admin's permissions) and to
that state's own coordinator (``record_for``); the public sees yearly totals
only, and only when ``CONTRIBUTIONS_PUBLIC_AGGREGATE`` is on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q, Sum

from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, ParticipantState
from membership.permissions import roles_of

from .enums import StatementStatus
from .models import AdministrativeCosts, Payment, Pledge, Statement

ZERO = Decimal("0.00")


def _cents(value) -> Decimal:
    """A sum as the database gives it (SQLite drops trailing zeros), to the
    cent."""
    return (value or ZERO).quantize(ZERO)


def public_aggregate_enabled() -> bool:
    return bool(getattr(settings, "CONTRIBUTIONS_PUBLIC_AGGREGATE", False))


def was_participant_in(*, state: ParticipantState, year: int) -> bool:
    """The state was a participant on at least one day of ``year`` (its
    membership periods, as membership keeps them by date)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return MembershipPeriod.objects.filter(
        Q(end__isnull=True) | Q(end__gte=first),
        state=state, status=MembershipStatus.PARTICIPANT, start__lte=last,
    ).exists()


def pledge_for(*, state: ParticipantState, year: int) -> Pledge | None:
    return Pledge.objects.filter(state=state, year=year).first()


@dataclass
class StateLine:
    """One state's line of a year's statement (US dollars)."""

    state: ParticipantState
    pledged: Decimal = ZERO
    received: Decimal = ZERO
    illustrative: bool = False

    @property
    def outstanding(self) -> Decimal:
        return max(self.pledged - self.received, ZERO)


@dataclass
class YearStatement:
    year: int
    lines: list[StateLine] = field(default_factory=list)
    costs: AdministrativeCosts | None = None

    @property
    def pledged(self) -> Decimal:
        return sum((line.pledged for line in self.lines), ZERO)

    @property
    def received(self) -> Decimal:
        return sum((line.received for line in self.lines), ZERO)

    @property
    def outstanding(self) -> Decimal:
        return sum((line.outstanding for line in self.lines), ZERO)

    @property
    def illustrative(self) -> bool:
        return any(line.illustrative for line in self.lines) or bool(
            self.costs and self.costs.illustrative)

    @property
    def costs_covered_percent(self) -> Decimal | None:
        """The share of the year's recorded costs the payments received
        cover, in per cent (one decimal); None without a costs figure."""
        if self.costs is None or not self.costs.amount_usd:
            return None
        return (self.received * 100 / self.costs.amount_usd).quantize(Decimal("0.1"))

    @property
    def costs_uncovered(self) -> Decimal | None:
        if self.costs is None:
            return None
        return max(self.costs.amount_usd - self.received, ZERO)


def statement_for_year(*, year: int) -> YearStatement:
    """Pledged, received and outstanding per state for ``year`` (three
    queries whatever the number of states and rows)."""
    lines: dict[int, StateLine] = {}
    pledges = (Pledge.objects.filter(year=year).values("state_id")
               .annotate(total=Sum("amount_usd"),
                         invented=Count("pk", filter=Q(illustrative=True))))
    payments = (Payment.objects.filter(year=year).values("state_id")
                .annotate(total=Sum("amount_usd"),
                          invented=Count("pk", filter=Q(illustrative=True))))
    for row in pledges:
        line = lines.setdefault(row["state_id"], StateLine(state=None))
        line.pledged, line.illustrative = _cents(row["total"]), bool(row["invented"])
    for row in payments:
        line = lines.setdefault(row["state_id"], StateLine(state=None))
        line.received = _cents(row["total"])
        line.illustrative = line.illustrative or bool(row["invented"])
    for state in ParticipantState.objects.filter(pk__in=lines):
        lines[state.pk].state = state
    ordered = sorted(lines.values(), key=lambda line: str(line.state))
    return YearStatement(year=year, lines=ordered,
                         costs=AdministrativeCosts.objects.filter(year=year).first())


def years_recorded() -> list[int]:
    """Every year with a pledge, a payment or a costs figure, latest first."""
    years = (set(Pledge.objects.values_list("year", flat=True))
             | set(Payment.objects.values_list("year", flat=True))
             | set(AdministrativeCosts.objects.values_list("year", flat=True)))
    return sorted(years, reverse=True)


@dataclass
class YearTotal:
    year: int
    pledged: Decimal
    received: Decimal
    states: int
    illustrative: bool


def yearly_totals() -> list[YearTotal]:
    """Totals per year, no state named (the public aggregate): two queries."""
    pledged = {row["year"]: row for row in Pledge.objects.values("year").annotate(
        total=Sum("amount_usd"), invented=Count("pk", filter=Q(illustrative=True)))}
    received = {row["year"]: row for row in Payment.objects.values("year").annotate(
        total=Sum("amount_usd"), states=Count("state", distinct=True),
        invented=Count("pk", filter=Q(illustrative=True)))}
    totals = []
    for year in sorted(set(pledged) | set(received), reverse=True):
        p, r = pledged.get(year, {}), received.get(year, {})
        totals.append(YearTotal(
            year=year, pledged=_cents(p.get("total")), received=_cents(r.get("total")),
            states=r.get("states", 0),
            illustrative=bool(p.get("invented") or r.get("invented")),
        ))
    return totals


@dataclass
class StateRecord:
    """A state's own record, for its coordinator's dashboard."""

    state: ParticipantState
    years: list[dict]


def record_for(*, user) -> StateRecord | None:
    """The ledger of the state whose coordinator ``user`` is today; None for
    anyone else (staff read the admin; another state's record is never
    offered). Two queries after the roles."""
    state = roles_of(user).state
    if state is None:
        return None
    pledges = {p.year: p for p in Pledge.objects.filter(state=state)}
    payments: dict[int, list[Payment]] = {}
    for payment in Payment.objects.filter(state=state).order_by("received_on", "pk"):
        payments.setdefault(payment.year, []).append(payment)
    years = []
    for year in sorted(set(pledges) | set(payments), reverse=True):
        pledge, paid = pledges.get(year), payments.get(year, [])
        received = sum((p.amount_usd for p in paid), ZERO)
        pledged = pledge.amount_usd if pledge else ZERO
        years.append({
            "year": year, "pledge": pledge, "payments": paid, "received": received,
            "outstanding": max(pledged - received, ZERO),
            "illustrative": bool(pledge and pledge.illustrative)
            or any(p.illustrative for p in paid),
        })
    return StateRecord(state=state, years=years)


def statements() -> list[Statement]:
    return list(Statement.objects.select_related("requested_by"))


def statement_ready(*, pk: int) -> Statement | None:
    """A built statement whose file may be downloaded (the caller checked
    the user may see the ledger)."""
    statement = Statement.objects.filter(pk=pk, status=StatementStatus.DONE).first()
    if statement is None or not statement.file:
        return None
    return statement
