"""Demo ledger: a few pledges and payments, every one marked illustrative
(invented for the demonstration; no founding text records any state's
contribution, so none of these figures is real). Idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from membership.models import ParticipantState

from .models import AdministrativeCosts, Payment, Pledge
from .services import costs_save, payment_save, pledge_save

NOTE = ("Иллюстративная запись: придумана для демонстрации портала, не реальный взнос. / "
        "Illustrative: invented for the demonstration of the portal, not a real contribution.")

# iso3 -> (currency, rate to the dollar, pledged, [paid amounts])
LEDGER = {
    "KAZ": ("KZT", Decimal("0.0019"), Decimal("15000000.00"), [Decimal("15000000.00")]),
    "KGZ": ("KGS", Decimal("0.0115"), Decimal("1000000.00"), [Decimal("400000.00")]),
    "TJK": ("USD", Decimal("1"), Decimal("8000.00"), []),
}
COSTS_USD = Decimal("60000.00")


def load() -> str:
    year = timezone.localdate().year - 1
    states = ParticipantState.objects.in_bulk(LEDGER, field_name="iso3")
    pledges = payments = 0
    for iso3, (currency, rate, pledged, paid) in LEDGER.items():
        state = states.get(iso3)
        if state is None:
            continue
        pledge = Pledge.objects.filter(state=state, year=year).first()
        if pledge is None:
            pledge = pledge_save(pledge=Pledge(
                state=state, year=year, pledged_on=datetime.date(year, 2, 15),
                currency=currency, amount=pledged, usd_rate=rate, notes=NOTE,
                illustrative=True))
        pledges += 1
        for index, amount in enumerate(paid):
            received_on = datetime.date(year, 4 + 3 * index, 10)
            if not Payment.objects.filter(state=state, year=year,
                                          received_on=received_on).exists():
                payment_save(payment=Payment(
                    state=state, year=year, pledge=pledge, received_on=received_on,
                    covers_from=datetime.date(year, 1, 1), covers_until=datetime.date(year, 12, 31),
                    currency=currency, amount=amount, usd_rate=rate, notes=NOTE,
                    illustrative=True), receipts=[])
            payments += 1
    if not AdministrativeCosts.objects.filter(year=year).exists():
        costs_save(costs=AdministrativeCosts(year=year, amount_usd=COSTS_USD, notes=NOTE,
                                             illustrative=True))
    return (f"contributions: {pledges} illustrative pledges, {payments} payments and the "
            f"Support Unit's costs for {year}")
