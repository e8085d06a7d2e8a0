"""A pending state's no-objection deadline: after the period's start; when
it passes with no outcome recorded, the secretariat sees it and records the
outcome in one step."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from membership import selectors, services
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, NationalCoordinator

from .conftest import appoint
from .test_admin import post_data, with_new_period

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
STATES_URL = "/en/admin/membership/participantstate/"


@pytest.fixture(autouse=True)
def frozen_today():
    # 1 September 2013 in Almaty (still 31 August in UTC until 05:00).
    with time_machine.travel(datetime.datetime(2013, 9, 1, 1, 0, tzinfo=ALMATY), tick=False):
        yield


@pytest.fixture
def overdue(pending_state):
    """Iran: pending since 5 June 2013, deadline 31 August 2013 (yesterday)."""
    return pending_state


@pytest.fixture
def not_yet_due(make_state):
    state = make_state("TUR", "Турция", "Türkiye", since=False)
    services.membership_change_status(
        state=state, status=MembershipStatus.PENDING, start=D(2013, 6, 5),
        deadline=D(2013, 9, 1),
    )
    return state


def history(state):
    return [
        (p.status, p.start, p.end, p.objection)
        for p in MembershipPeriod.objects.filter(state=state).order_by("start")
    ]


def test_pending_deadline_on_or_before_the_start_is_refused(make_state, english):
    state = make_state("IRN", "Иран", "Iran", since=False)

    with pytest.raises(ValidationError) as error:
        services.membership_change_status(
            state=state, status=MembershipStatus.PENDING, start=D(2013, 6, 5),
            deadline=D(2013, 6, 5),
        )

    assert error.value.messages == [
        "The no-objection deadline must fall after the start of the period."
    ]


def test_states_past_deadline_lists_only_pending_states_whose_deadline_passed(
    overdue, not_yet_due, kazakhstan
):
    assert list(selectors.states_pending_past_deadline()) == [overdue]


def test_admin_filter_deadline_passed_without_outcome(admin_client, overdue, not_yet_due):
    response = admin_client.get(STATES_URL + "?deadline=passed")

    assert list(response.context["cl"].result_list) == [overdue]


def test_admin_index_lists_the_states_whose_deadline_passed(admin_client, overdue, not_yet_due):
    response = admin_client.get("/en/admin/")

    content = response.content.decode()
    assert "The no-objection deadline passed with no outcome recorded" in content
    assert (">Iran<" in content, ">Türkiye<" in content) == (True, False)


def test_admin_index_without_overdue_states_shows_no_notice(admin_client, not_yet_due):
    response = admin_client.get("/en/admin/")

    assert "no outcome recorded" not in response.content.decode()


def test_record_no_objection_makes_the_state_a_participant_the_day_after(overdue):
    services.membership_record_pending_outcome(state=overdue, objection=False)

    assert history(overdue) == [
        (MembershipStatus.PENDING, D(2013, 6, 5), D(2013, 8, 31), False),
        (MembershipStatus.PARTICIPANT, D(2013, 9, 1), None, False),
    ]


def test_record_objection_ends_the_pending_period_on_the_deadline(overdue):
    coordinator = appoint(overdue, start=D(2013, 7, 1))

    services.membership_record_pending_outcome(state=overdue, objection=True)

    assert history(overdue) == [(MembershipStatus.PENDING, D(2013, 6, 5), D(2013, 8, 31), True)]
    assert list(selectors.states_pending_past_deadline()) == []
    assert NationalCoordinator.objects.get(pk=coordinator.pk).end == D(2013, 8, 31)


def test_record_outcome_before_the_deadline_passed_is_refused(not_yet_due, english):
    with pytest.raises(ValidationError) as error:
        services.membership_record_pending_outcome(state=not_yet_due, objection=False)

    assert error.value.messages == [
        "Türkiye has no pending membership whose no-objection deadline has passed."
    ]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("record_no_objection", [MembershipStatus.PENDING, MembershipStatus.PARTICIPANT]),
        ("record_objection", [MembershipStatus.PENDING]),
    ],
)
def test_admin_action_records_the_outcome(admin_client, overdue, action, expected):
    response = admin_client.post(
        STATES_URL, {"action": action, "_selected_action": [overdue.pk]}, follow=True
    )

    assert [p[0] for p in history(overdue)] == expected
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_public_page_of_an_objected_state_says_it_did_not_join(client, overdue):
    services.membership_record_pending_outcome(state=overdue, objection=True)

    content = client.get("/en/states/irn/").content.decode()

    assert "Objection raised: did not join" in content


def test_admin_period_inline_deadline_before_the_start_is_a_form_error(
    admin_client, make_state
):
    state = make_state("IRN", "Иран", "Iran", since=False)
    url = f"/en/admin/membership/participantstate/{state.pk}/change/"
    data = post_data(admin_client.get(url))
    with_new_period(data, 0, status=MembershipStatus.PENDING, start="2013-06-05",
                    deadline="2013-06-01")

    response = admin_client.post(url, data)

    form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert form.non_field_errors() == [
        "The no-objection deadline must fall after the start of the period."
    ]
    assert MembershipPeriod.objects.filter(state=state).count() == 0


def test_record_no_objection_when_the_pending_period_had_a_planned_end(make_state):
    state = make_state("IRN", "Иран", "Iran", since=False)
    MembershipPeriod.objects.create(
        state=state, status=MembershipStatus.PENDING, start=D(2013, 6, 5),
        end=D(2013, 12, 31), deadline=D(2013, 8, 31),
    )

    services.membership_record_pending_outcome(state=state, objection=False)

    assert history(state) == [
        (MembershipStatus.PENDING, D(2013, 6, 5), D(2013, 8, 31), False),
        (MembershipStatus.PARTICIPANT, D(2013, 9, 1), None, False),
    ]
