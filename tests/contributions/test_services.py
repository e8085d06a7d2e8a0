"""The ledger's rules (contributions.services), one test each."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import translation

from archive.enums import AccessLevel
from contributions import services
from contributions.models import Payment, Pledge
from contributions.validators import usd_equivalent
from tests.factories import contributions as ledger
from tests.factories.archive import DocumentFactory

pytestmark = pytest.mark.django_db


def _messages(exc_info, language: str = "en") -> dict:
    """The error's messages read in ``language`` (they are lazy: read
    outside an override, they would be in the default language)."""
    with translation.override(language):
        return {field: [str(message) for message in messages]
                for field, messages in exc_info.value.message_dict.items()}


def test_usd_equivalent_is_a_decimal_rounded_half_up_to_the_cent():
    assert usd_equivalent(amount=Decimal("1000.00"), rate=Decimal("0.0019")) == Decimal("1.90")
    assert usd_equivalent(amount=Decimal("3.33"), rate=Decimal("0.5")) == Decimal("1.67")
    assert isinstance(usd_equivalent(amount=Decimal("1"), rate=Decimal("1")), Decimal)


def test_pledge_stores_its_usd_equivalent_at_the_recorded_rate(kazakhstan):
    pledge = ledger.pledge(state=kazakhstan, amount="15000000.00", rate="0.0019")

    pledge.refresh_from_db()
    assert (pledge.amount, pledge.amount_usd) == (Decimal("15000000.00"), Decimal("28500.00"))


def test_payment_in_an_unknown_currency_is_refused_in_english(kazakhstan):
    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=kazakhstan, currency="XYZ")

    assert _messages(exc_info)["currency"] == [
        "“XYZ” is not a currency code of ISO 4217 (for example KZT, USD, EUR)."]
    assert Payment.objects.count() == 0


def test_payment_in_an_unknown_currency_is_refused_in_russian(kazakhstan):
    with translation.override("ru"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=kazakhstan, currency="XYZ")

    assert _messages(exc_info, "ru")["currency"] == [
        "«XYZ» — не код валюты по ISO 4217 (например, KZT, USD, EUR)."]


def test_a_rate_must_be_positive_and_one_for_dollars(kazakhstan):
    with translation.override("en"):
        with pytest.raises(ValidationError) as zero:
            ledger.pledge(state=kazakhstan, rate="0")
        with pytest.raises(ValidationError) as dollars:
            ledger.pledge(state=kazakhstan, currency="USD", rate="1.1")

    assert _messages(zero)["usd_rate"] == ["The rate must be greater than zero."]
    assert _messages(dollars)["usd_rate"] == ["An amount in US dollars has the rate 1."]


def test_a_receipt_must_be_a_secretariat_only_document(kazakhstan):
    public = DocumentFactory(access=AccessLevel.PUBLIC, title_en="Receipt 1")

    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=kazakhstan, receipts=[public])

    assert _messages(exc_info)["receipts"] == [
        "A receipt must be a secretariat-only archive document; not so: Receipt 1."]
    assert Payment.objects.count() == 0


def test_a_secretariat_only_receipt_is_kept(kazakhstan):
    receipt = DocumentFactory(access=AccessLevel.SECRETARIAT)

    payment = ledger.payment(state=kazakhstan, receipts=[receipt])

    assert list(payment.receipts.all()) == [receipt]


def test_payment_for_a_year_the_state_was_not_a_participant_needs_a_reason(newcomer):
    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=newcomer, year=2025)

    assert _messages(exc_info)["non_participant_reason"] == [
        ("Newland was not a participant state in 2025: give the reason for recording this "
        "payment.")]
    assert Payment.objects.count() == 0


def test_payment_for_a_year_the_state_was_not_a_participant_is_kept_with_a_reason(newcomer):
    payment = ledger.payment(state=newcomer, year=2025,
                             non_participant_reason="Advance before joining, agreed by the SOM")

    assert payment.pk is not None


def test_payment_in_a_year_the_state_joined_needs_no_reason(newcomer):
    assert ledger.payment(state=newcomer, year=2026).pk is not None


def test_payment_is_linked_to_its_states_pledge_for_the_year(kazakhstan):
    pledge = ledger.pledge(state=kazakhstan, year=2025)

    assert ledger.payment(state=kazakhstan, year=2025).pledge == pledge


def test_payment_linked_to_another_states_pledge_is_refused(kazakhstan, kyrgyzstan):
    other = ledger.pledge(state=kyrgyzstan, year=2025, currency="KGS", rate="0.0115")

    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=kazakhstan, year=2025, pledge=other)

    assert list(_messages(exc_info)) == ["pledge"]


def test_a_pledge_with_payments_is_not_deleted(kazakhstan):
    pledge = ledger.pledge(state=kazakhstan)
    ledger.payment(state=kazakhstan)

    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        services.pledge_delete(pledge=pledge)
    with pytest.raises(ProtectedError):
        pledge.delete()

    assert exc_info.value.messages == [
        ("The pledge of Kazakhstan for 2025 has payments recorded against it: it cannot be "
        "deleted. Link the payments to no pledge (or delete them) first.")]
    assert Pledge.objects.filter(pk=pledge.pk).exists()


def test_a_pledge_without_payments_is_deleted(kazakhstan):
    pledge = ledger.pledge(state=kazakhstan)

    services.pledge_delete(pledge=pledge)

    assert not Pledge.objects.exists()


def test_every_change_is_in_the_history(kazakhstan):
    pledge = ledger.pledge(state=kazakhstan)
    pledge.amount = Decimal("2000000.00")
    services.pledge_save(pledge=pledge)
    payment = ledger.payment(state=kazakhstan)
    costs = ledger.costs(year=2025)

    assert [h.amount_usd for h in pledge.history.order_by("history_date")] == [
        Decimal("1900.00"), Decimal("3800.00")]
    assert payment.history.count() == 1
    assert costs.history.count() == 1


def test_period_covered_must_not_end_before_it_starts(kazakhstan):
    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        ledger.payment(state=kazakhstan, covers_from=datetime.date(2025, 6, 1),
                       covers_until=datetime.date(2025, 1, 1))

    assert exc_info.value.messages == ["The period covered ends before it starts."]
