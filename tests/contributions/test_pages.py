"""Who sees the ledger where: the coordinator's own state's record on the
dashboard (never another state's), the public yearly totals behind the
setting, the admin for the administrators only (input kept on error), and
query counts that do not grow with the rows."""

import datetime
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contributions.models import Payment, Pledge
from tests.factories import contributions as ledger
from tests.factories.archive import DocumentFactory
from tests.factories.membership import ParticipantStateFactory

from .conftest import coordinator_of

pytestmark = pytest.mark.django_db

DASHBOARD = "meetings:registration_dashboard"


def _text(response) -> str:
    """The words of the page's main content."""
    html = response.content.decode()
    main = re.search(r"<main[^>]*>(.*)</main>", html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", main.group(1) if main else html).split())


@pytest.fixture
def two_states(kazakhstan, kyrgyzstan):
    ledger.pledge(state=kazakhstan, amount="10000000.00", rate="0.0019")
    ledger.payment(state=kazakhstan, amount="5000000.00", rate="0.0019",
                   received_on=datetime.date(2025, 5, 6))
    ledger.pledge(state=kyrgyzstan, amount="777777.00", currency="KGS", rate="0.0115")


def test_coordinator_sees_their_own_states_record(client, kazakhstan, two_states):
    client.force_login(coordinator_of(kazakhstan))

    text = _text(client.get("/en" + reverse(DASHBOARD)[3:]))

    assert "Voluntary contributions" in text
    assert "10,000,000.00 KZT" in text
    assert "5,000,000.00 KZT" in text
    assert "Received / Outstanding 9,500.00 / 9,500.00" in text


def test_coordinator_never_sees_another_states_record(client, kyrgyzstan, kazakhstan,
                                                      two_states):
    client.force_login(coordinator_of(kyrgyzstan))

    text = _text(client.get("/en" + reverse(DASHBOARD)[3:]))

    assert "777,777.00 KGS" in text
    assert "KZT" not in text
    assert "10,000,000.00" not in text


def test_coordinator_without_records_is_told_so(client, kazakhstan):
    client.force_login(coordinator_of(kazakhstan))

    text = _text(client.get("/en" + reverse(DASHBOARD)[3:]))

    assert "No pledge or payment of your state has been recorded yet." in text


def test_coordinators_dashboard_in_russian(client, kazakhstan, two_states):
    """Needs the lead's catalogue merge (var/i18n-pending/C.po)."""
    client.force_login(coordinator_of(kazakhstan))

    text = _text(client.get(reverse(DASHBOARD)))

    assert "Добровольные взносы" in text
    assert "10 000 000,00 KZT" in text


def test_dashboard_reflects_a_new_payment_at_once(client, kazakhstan, two_states,
                                                  django_capture_on_commit_callbacks):
    client.force_login(coordinator_of(kazakhstan))
    url = "/en" + reverse(DASHBOARD)[3:]
    client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        ledger.payment(state=kazakhstan, amount="1234567.00", rate="0.0019")

    assert "1,234,567.00 KZT" in _text(client.get(url))


def test_public_totals_do_not_exist_by_default(client, two_states):
    assert client.get(reverse("contributions:totals")).status_code == 404


@override_settings(CONTRIBUTIONS_PUBLIC_AGGREGATE=True)
def test_public_totals_show_years_and_no_state(client, two_states):
    text = _text(client.get("/en" + reverse("contributions:totals")[3:]))

    assert "2025 27,944.44 9,500.00 1" in text
    assert "Kazakhstan" not in text
    assert "Kyrgyzstan" not in text
    assert "KZT" not in text


@override_settings(CONTRIBUTIONS_PUBLIC_AGGREGATE=True)
def test_public_totals_in_russian(client, two_states):
    """Needs the lead's catalogue merge (var/i18n-pending/C.po)."""
    text = _text(client.get(reverse("contributions:totals")))

    assert "Добровольные взносы" in text
    assert "27 944,44" in text


@override_settings(CONTRIBUTIONS_PUBLIC_AGGREGATE=True)
def test_public_totals_mark_illustrative_years(client, kazakhstan):
    ledger.pledge(state=kazakhstan, illustrative=True)

    assert "illustrative" in _text(client.get("/en" + reverse("contributions:totals")[3:]))


def test_editors_do_not_see_the_ledger(client, editor, two_states):
    client.force_login(editor)

    for name in ("pledge", "payment", "administrativecosts", "statement"):
        assert client.get(reverse(f"admin:contributions_{name}_changelist")).status_code == 403
    assert client.get(reverse("admin:contributions_statement_request")).status_code == 403


def test_admin_keeps_a_payment_in_an_unknown_currency_with_its_error(admin_client, kazakhstan):
    response = admin_client.post("/en" + reverse("admin:contributions_payment_add")[3:], {
        "state": kazakhstan.pk, "year": "2025", "received_on": "2025-05-01",
        "covers_from": "2025-01-01", "covers_until": "2025-12-31", "amount": "1500.50",
        "currency": "xyz", "usd_rate": "0.5", "notes": "Перевод через банк",
    })

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["currency"] == [
        "“XYZ” is not a currency code of ISO 4217 (for example KZT, USD, EUR)."]
    assert 'value="1500.50"' in response.content.decode()
    assert "Перевод через банк" in response.content.decode()
    assert not Payment.objects.exists()


def test_admin_keeps_a_non_participants_payment_with_the_services_error(admin_client, newcomer):
    receipt = DocumentFactory(access="secretariat")
    response = admin_client.post("/en" + reverse("admin:contributions_payment_add")[3:], {
        "state": newcomer.pk, "year": "2025", "received_on": "2025-05-01",
        "covers_from": "2025-01-01", "covers_until": "2025-12-31", "amount": "1500.50",
        "currency": "usd", "usd_rate": "1", "receipts": [receipt.pk],
    })

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["non_participant_reason"] == [
        ("Newland was not a participant state in 2025: give the reason for recording this "
         "payment.")]
    assert 'value="1500.50"' in response.content.decode()
    assert not Payment.objects.exists()


def test_admin_records_a_payment_with_its_usd_equivalent(admin_client, kazakhstan):
    receipt = DocumentFactory(access="secretariat")
    response = admin_client.post(reverse("admin:contributions_payment_add"), {
        "state": kazakhstan.pk, "year": "2025", "received_on": "2025-05-01",
        "covers_from": "2025-01-01", "covers_until": "2025-06-30", "amount": "1000000",
        "currency": "kzt", "usd_rate": "0.0019", "receipts": [receipt.pk],
    })

    assert response.status_code == 302
    payment = Payment.objects.get()
    assert (payment.currency, str(payment.amount_usd), list(payment.receipts.all())) == (
        "KZT", "1900.00", [receipt])


def test_admin_refuses_to_delete_a_pledge_with_payments(admin_client, kazakhstan, two_states):
    pledge = Pledge.objects.get(state=kazakhstan)
    url = "/en" + reverse("admin:contributions_pledge_delete", args=[pledge.pk])[3:]

    page = _text(admin_client.get(url))
    admin_client.post(url, {"post": "yes"})

    assert "would require deleting the following protected related objects" in page
    assert Pledge.objects.filter(pk=pledge.pk).exists()


def test_admin_lists_mark_illustrative_rows(admin_client, kazakhstan):
    ledger.pledge(state=kazakhstan, illustrative=True)

    text = _text(admin_client.get("/en" + reverse("admin:contributions_pledge_changelist")[3:]))

    assert "illustrative" in text


def _grow(n: int) -> None:
    for index in range(n):
        state = ParticipantStateFactory()
        ledger.pledge(state=state, year=2025)
        ledger.payment(state=state, year=2025, received_on=datetime.date(2025, 3, 1 + index))
        ledger.payment(state=state, year=2024, received_on=datetime.date(2024, 3, 1 + index))


def _counts(admin_client, client, coordinator) -> dict[str, int]:
    """Queries of each page of the ledger (the public one with the setting on)."""
    counts = {}
    pages = [
        ("payments", admin_client, reverse("admin:contributions_payment_changelist")),
        ("pledges", admin_client, reverse("admin:contributions_pledge_changelist")),
        ("statement", admin_client, reverse("admin:contributions_statement_request")),
        ("totals", client, reverse("contributions:totals")),
        ("dashboard", coordinator, reverse(DASHBOARD)),
    ]
    with override_settings(CONTRIBUTIONS_PUBLIC_AGGREGATE=True):
        for name, who, url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert who.get(url).status_code == 200
            counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_ledger(admin_client, client, kazakhstan):
    from django.test import Client

    coordinator = Client()
    coordinator.force_login(coordinator_of(kazakhstan))
    _grow(1)
    ledger.payment(state=kazakhstan, year=2025)
    ledger.payment(state=kazakhstan, year=2024)
    before = _counts(admin_client, client, coordinator)

    _grow(3)
    ledger.payment(state=kazakhstan, year=2025, received_on=datetime.date(2025, 9, 9))
    ledger.payment(state=kazakhstan, year=2024, received_on=datetime.date(2024, 9, 9))

    assert _counts(admin_client, client, coordinator) == before
    assert before["totals"] <= 6
