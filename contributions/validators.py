"""Rules of one value: a currency code, an exchange rate, and the one
computation of a USD equivalent (Decimal, never float)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .currencies import ISO_4217, USD

CENT = Decimal("0.01")


def validate_currency(value: str) -> None:
    if value not in ISO_4217:
        raise ValidationError(
            _("“%(code)s” is not a currency code of ISO 4217 (for example KZT, USD, EUR)."),
            code="unknown_currency", params={"code": value},
        )


def usd_equivalent(*, amount: Decimal, rate: Decimal) -> Decimal:
    """``amount`` in US dollars at ``rate`` (dollars for one unit of the
    currency), rounded half up to the cent."""
    return (Decimal(amount) * Decimal(rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def check_rate(*, currency: str, rate: Decimal | None) -> None:
    """A rate is positive, and exactly 1 for an amount in dollars."""
    if rate is None:
        return
    if rate <= 0:
        raise ValidationError({"usd_rate": _("The rate must be greater than zero.")})
    if currency == USD and rate != 1:
        raise ValidationError({"usd_rate": _("An amount in US dollars has the rate 1.")})
