"""Ledger rows, saved through the services (so the USD equivalent is the
one the rules compute)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from contributions.models import AdministrativeCosts, Payment, Pledge
from contributions.services import costs_save, payment_save, pledge_save


def pledge(*, state, year=2025, amount="1000000.00", currency="KZT", rate="0.0019",
           **fields) -> Pledge:
    return pledge_save(pledge=Pledge(
        state=state, year=year, pledged_on=fields.pop("pledged_on", datetime.date(year, 2, 1)),
        amount=Decimal(amount), currency=currency, usd_rate=Decimal(rate), **fields))


def payment(*, state, year=2025, amount="500000.00", currency="KZT", rate="0.0019",
            receipts=(), **fields) -> Payment:
    return payment_save(payment=Payment(
        state=state, year=year, received_on=fields.pop("received_on", datetime.date(year, 5, 1)),
        covers_from=fields.pop("covers_from", datetime.date(year, 1, 1)),
        covers_until=fields.pop("covers_until", datetime.date(year, 12, 31)),
        amount=Decimal(amount), currency=currency, usd_rate=Decimal(rate), **fields),
        receipts=list(receipts))


def costs(*, year=2025, amount_usd="10000.00", **fields) -> AdministrativeCosts:
    return costs_save(costs=AdministrativeCosts(year=year, amount_usd=Decimal(amount_usd),
                                                **fields))
