"""Issue 24: "Withdraw the whole delegation" asks first (a page that names
what is lost), keeps the record, and "Restore the delegation" undoes it
while registration is open; another state's coordinator reaches neither."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from meetings.enums import Accreditation, DelegateRole, DelegationStatus
from meetings.services.withdrawal import delegation_withdraw
from tests.factories.meetings import DelegateFactory, DelegationFactory
from tests.factories.membership import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(meeting, kazakhstan, coordinator):
    delegation = DelegationFactory(meeting=meeting, state=kazakhstan)
    DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, email="head@example.kz",
                    surname_latin="Akhmetov", given_names_latin="Erlan",
                    accreditation=Accreditation.APPROVED)
    DelegateFactory(delegation=delegation, email="adviser@example.kz",
                    surname_latin="Nurlanova", given_names_latin="Aliia")
    return delegation


def _status(delegation):
    delegation.refresh_from_db()
    return delegation.status


def test_delegation_page_links_to_the_confirmation_not_a_one_click_post(client, submitted,
                                                                      coordinator):
    client.force_login(coordinator)

    page = client.get(f"/en/registration/{submitted.meeting.slug}/").content.decode()

    withdraw = f"/en/registration/{submitted.meeting.slug}/withdraw/"
    assert f'<a class="button button--secondary" href="{withdraw}">' in page
    assert f'action="{withdraw}"' not in page


def test_withdraw_confirmation_names_what_is_lost_and_changes_nothing(client, submitted,
                                                                     coordinator, mailoutbox):
    client.force_login(coordinator)

    response = client.get(f"/en/registration/{submitted.meeting.slug}/withdraw/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Withdraw the whole delegation of Kazakhstan?" in page
    assert escape(submitted.meeting.title_en) in page
    assert "Erlan Akhmetov" in page
    assert "Aliia Nurlanova" in page
    assert "accreditation already approved" in page
    assert "Each delegate and the Support Unit will be told by email." in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert (_status(submitted), submitted.delegates.count(), mailoutbox) == (
        DelegationStatus.SUBMITTED, 2, [],
    )


def test_withdraw_confirmation_in_russian(client, submitted, coordinator):
    client.force_login(coordinator)

    page = client.get(f"/ru/registration/{submitted.meeting.slug}/withdraw/").content.decode()

    assert escape(submitted.meeting.title_ru) in page
    assert '<html lang="ru"' in page
    assert "Одобрена" in page


def test_withdraw_post_keeps_the_rows_and_shows_restore(client, submitted, coordinator,
                                                        mailoutbox,
                                                        django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    slug = submitted.meeting.slug

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/registration/{slug}/withdraw/", follow=True)

    page = response.content.decode()
    assert (_status(submitted), submitted.delegates.count()) == (DelegationStatus.WITHDRAWN, 2)
    assert "The delegation is withdrawn. Its delegates and the Support Unit are told" in page
    assert f'href="/en/registration/{slug}/restore/"' in page
    assert "Add a delegate" not in page
    assert sorted(m.to[0] for m in mailoutbox) == ["adviser@example.kz", "head@example.kz"]


def test_withdraw_needs_the_csrf_token(submitted, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{submitted.meeting.slug}/withdraw/")

    assert (response.status_code, _status(submitted)) == (403, DelegationStatus.SUBMITTED)


def test_restore_confirmation_then_post_restores(client, submitted, coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)
    client.force_login(coordinator)
    url = f"/en/registration/{submitted.meeting.slug}/restore/"

    page = client.get(url).content.decode()
    status_after_get = _status(submitted)
    response = client.post(url, follow=True)

    assert "Restore the delegation of Kazakhstan?" in page
    assert "Erlan Akhmetov" in page
    assert status_after_get == DelegationStatus.WITHDRAWN
    assert "The delegation is restored as it was." in response.content.decode()
    assert _status(submitted) == DelegationStatus.SUBMITTED


def test_restore_after_the_deadline_refused_with_the_reason(client, submitted, coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)
    client.force_login(coordinator)
    closes = submitted.meeting.registration_closes

    with time_machine.travel(closes + datetime.timedelta(hours=1), tick=False):
        page = client.get(f"/en/registration/{submitted.meeting.slug}/").content.decode()
        response = client.post(f"/en/registration/{submitted.meeting.slug}/restore/")

    assert "Registration is closed: only the Support Unit can restore the delegation." in page
    assert response.status_code == 200
    assert "The delegation can no longer be restored: registration closed on" in (
        response.content.decode())
    assert _status(submitted) == DelegationStatus.WITHDRAWN


@pytest.mark.parametrize("action", ["withdraw", "restore"])
def test_another_states_coordinator_reaches_only_their_own_delegation(
    client, submitted, coordinator, other_coordinator, action,
):
    if action == "restore":
        delegation_withdraw(delegation=submitted, user=coordinator)
    before = _status(submitted)
    client.force_login(other_coordinator)  # Kyrgyzstan's, which has no delegation
    url = f"/en/registration/{submitted.meeting.slug}/{action}/"

    statuses = [client.get(url).status_code, client.post(url).status_code]

    assert statuses == [404, 404]
    assert _status(submitted) == before


@pytest.mark.parametrize("action", ["withdraw", "restore"])
def test_a_user_without_a_state_is_refused(client, submitted, action):
    client.force_login(UserFactory())

    response = client.post(f"/en/registration/{submitted.meeting.slug}/{action}/")

    assert (response.status_code, _status(submitted)) == (403, DelegationStatus.SUBMITTED)


def test_secretariat_restores_from_the_admin_after_the_deadline(admin_client, submitted,
                                                                 coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)
    closes = submitted.meeting.registration_closes

    with time_machine.travel(closes + datetime.timedelta(days=1), tick=False):
        response = admin_client.post(reverse("admin:meetings_delegation_changelist"), {
            "action": "restore_withdrawn", "_selected_action": [submitted.pk],
        }, follow=True)

    assert "1 delegation restored." in response.content.decode()
    assert _status(submitted) == DelegationStatus.SUBMITTED


def test_dashboard_asks_nothing_of_a_withdrawn_delegation(client, submitted, coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)
    client.force_login(coordinator)

    page = client.get("/en/registration/").content.decode()

    assert "Withdrawn" in page
    assert "Still to do before the deadline" not in page
