"""A state that withdraws (or whose participation becomes pending) has no
coordinator in office from that day; other apps hear of every change to a
state's membership history and the admin shows what they find."""

import datetime
import html
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create
from meetings.enums import MeetingStatus
from membership import permissions, selectors, services
from membership.enums import MembershipStatus
from membership.models import NationalCoordinator, ParticipantState
from membership.signals import membership_history_changed
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import UserFactory

from .conftest import appoint
from .test_admin import post_data, state_change_url, with_new_period

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime.datetime(2024, 5, 10, 12, 0, tzinfo=ALMATY), tick=False):
        yield


@pytest.fixture
def heard():
    """Receivers of membership_history_changed: what they were sent, and a
    warning they answer with."""
    calls = []

    def receiver(sender, state, **kwargs):
        calls.append((sender, state))
        return [f"Check the chair terms of {state.name_en}."]

    membership_history_changed.connect(receiver, dispatch_uid="test-heard")
    yield calls
    membership_history_changed.disconnect(dispatch_uid="test-heard")


def term(state):
    coordinator = NationalCoordinator.objects.get(state=state)
    return (coordinator.end, coordinator.end_reason)


def test_withdrawal_ends_the_coordinator_term_the_day_before(kazakhstan, english):
    appoint(kazakhstan, start=D(2019, 3, 1))

    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 1, 1)
    )

    assert term(kazakhstan) == (D(2023, 12, 31), "The state withdrew from the process.")
    assert selectors.active_coordinator(state=kazakhstan) is None


def test_withdrawal_from_a_future_date_keeps_the_coordinator_until_then(kazakhstan):
    user = UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), user=user)

    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 7, 1)
    )

    assert term(kazakhstan)[0] == D(2024, 6, 30)
    assert permissions.roles_of(type(user).objects.get(pk=user.pk)).is_participant is True


def test_participation_becoming_pending_ends_the_coordinator_term(kazakhstan, english):
    appoint(kazakhstan, start=D(2019, 3, 1))

    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.PENDING, start=D(2024, 1, 1),
        deadline=D(2024, 3, 1),
    )

    assert term(kazakhstan) == (
        D(2023, 12, 31), "The state's participation became pending.",
    )


def test_pending_state_with_a_new_deadline_keeps_its_coordinator(pending_state):
    appoint(pending_state, start=D(2013, 7, 1))

    services.membership_change_status(
        state=pending_state, status=MembershipStatus.PENDING, start=D(2013, 9, 1),
        deadline=D(2013, 12, 31),
    )

    assert term(pending_state) == (None, "")


def test_withdrawal_before_a_future_appointment_is_refused(kazakhstan, english):
    appoint(kazakhstan, start=D(2024, 8, 1))

    with pytest.raises(ValidationError) as error:
        services.membership_change_status(
            state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 7, 1)
        )

    assert error.value.messages == [
        ("The term of Aigerim Testova starts on 1 August 2024, when Kazakhstan is no longer "
         "a participant: correct or end that term first.")
    ]
    assert term(kazakhstan) == (None, "")


def _text(response) -> str:
    """The page's text, each tag read as a space (a cell's parts stay apart)."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def _projection(response) -> list[str]:
    """The states the chairmanship overview's rotation ahead names, in order."""
    return [entry.state.name_en for entry in response.context["overview"]["projection"]]


def test_membership_change_status_tells_the_other_apps(client, kazakhstan, kyrgyzstan):
    """What the other apps show once Kazakhstan withdraws (1 March 2024), in
    the middle of its chairmanship term and with a meeting open for
    registration: its coordinator can no longer register a delegation, the
    public chairmanship page flags its term for the secretariat and leaves it
    out of the rotation ahead, and the chairmanship's answer to the change
    (for the membership admin) says the same. (``membership_change_status``
    itself returns only the new period; it drops that answer.)"""
    coordinator = UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), user=coordinator)
    chairmanship_create(state=kazakhstan, start=D(2023, 11, 1), basis=ChairmanshipBasis.ELECTED)
    MeetingFactory(
        slug="som-2024", start=D(2024, 10, 15), end=D(2024, 10, 16),
        status=MeetingStatus.REGISTRATION_OPEN,
        registration_opens=datetime.datetime(2024, 5, 1, tzinfo=ALMATY),
        registration_closes=datetime.datetime(2024, 9, 30, tzinfo=ALMATY),
    )
    client.force_login(coordinator)
    before = client.get("/en/registration/som-2024/")
    client.logout()
    overview_before = client.get("/en/chairmanship/")

    period = services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 3, 1)
    )

    client.force_login(coordinator)
    dashboard, delegation = client.get("/en/registration/"), client.get(
        "/en/registration/som-2024/")
    client.logout()
    overview = client.get("/en/chairmanship/")
    flag = ("Kazakhstan is no longer a participant state from 1 March 2024, during the term "
            "(withdrawn).")
    assert (period.status, period.start, period.end) == (
        MembershipStatus.WITHDRAWN, D(2024, 3, 1), None)
    assert term(kazakhstan) == (D(2024, 2, 29), "The state withdrew from the process.")
    assert "Delegation of Kazakhstan" in _text(before)
    assert (dashboard.status_code, delegation.status_code) == (403, 403)
    assert flag not in _text(overview_before)
    assert f"Kazakhstan For the secretariat's decision: {flag}" in _text(overview)
    assert _projection(overview_before)[:2] == ["Kyrgyzstan", "Kazakhstan"]
    assert set(_projection(overview)) == {"Kyrgyzstan"}
    assert services.membership_history_changed_notify(state=kazakhstan) == [
        (f"Recorded chairmanship term 1 November 2023 – 31 October 2025: {flag} Nothing was "
         "changed: the secretariat decides what becomes of the term."),
    ]


def test_membership_periods_save_correction_ends_the_term_and_returns_warnings(
    kazakhstan, heard, english
):
    appoint(kazakhstan, start=D(2019, 3, 1))
    period = kazakhstan.membership_periods.get()
    period.end = D(2021, 12, 31)
    withdrawn = kazakhstan.membership_periods.model(
        status=MembershipStatus.WITHDRAWN, start=D(2022, 1, 1)
    )

    warnings = services.membership_periods_save(state=kazakhstan, changed=[period, withdrawn])

    assert term(kazakhstan) == (D(2021, 12, 31), "The state withdrew from the process.")
    assert warnings == [
        ("Aigerim Testova is no longer the national coordinator from 1 January 2022: "
        "The state withdrew from the process."),
        "Check the chair terms of Kazakhstan.",
    ]
    assert heard == [(ParticipantState, kazakhstan)]


def test_admin_shows_the_warnings_after_saving_the_periods(admin_client, kazakhstan, heard):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["membership_periods-0-end"] = "2021-12-31"
    with_new_period(data, 1, status=MembershipStatus.WITHDRAWN, start="2022-01-01")

    response = admin_client.post(state_change_url(kazakhstan), data, follow=True)

    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings == ["Check the chair terms of Kazakhstan."]
