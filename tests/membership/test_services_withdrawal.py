"""A state that withdraws (or whose participation becomes pending) has no
coordinator in office from that day; other apps hear of every change to a
state's membership history and the admin shows what they find."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from membership import permissions, selectors, services
from membership.enums import MembershipStatus
from membership.models import NationalCoordinator, ParticipantState
from membership.signals import membership_history_changed
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
        ("The term of Aigerim Testova starts on Aug. 1, 2024, when Kazakhstan is no longer "
         "a participant: correct or end that term first.")
    ]
    assert term(kazakhstan) == (None, "")


def test_membership_change_status_tells_the_other_apps(kazakhstan, heard):
    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 1, 1)
    )

    assert heard == [(ParticipantState, kazakhstan)]


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
        ("Aigerim Testova is no longer the national coordinator from Jan. 1, 2022: "
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
