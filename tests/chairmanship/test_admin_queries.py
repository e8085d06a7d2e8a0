"""The chairmanship admin's changelists cost the same number of queries
however many terms or declined turns are listed (flags included)."""

import datetime

import pytest
from django.contrib.auth.models import Group

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship
from chairmanship.services import chairmanship_create, turn_decline
from membership.enums import MembershipStatus
from membership.permissions import SECRETARIAT_EDITORS
from membership.services import membership_change_status
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
NAMES = ["Afghanistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"]


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def states(make_state):
    return [make_state(name) for name in NAMES]


def record_terms(states, count):
    """``count`` terms from 2013 by rotation (Kazakhstan elected first); the
    last state withdraws during its term, so one row carries a flag."""
    term = chairmanship_create(
        state=states[1], start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED
    )
    for _i in range(count - 1):
        term = chairmanship_create(
            state=states[(states.index(term.state) + 1) % len(states)],
            start=term.end + datetime.timedelta(days=1), basis=ChairmanshipBasis.ROTATION,
        )
    membership_change_status(
        state=term.state, status=MembershipStatus.WITHDRAWN,
        start=term.start + datetime.timedelta(days=200),
    )


def confirm_terms():
    """Each term confirmed by a meeting on the day before it starts."""
    for term in Chairmanship.objects.all():
        meeting = MeetingFactory(start=term.start - datetime.timedelta(days=1),
                                 end=term.start - datetime.timedelta(days=1))
        MeetingOutcomeFactory(meeting=meeting, confirms_chairmanship=term)


@pytest.mark.parametrize("count", [1, 3])
def test_terms_changelist_queries_do_not_grow(
    client, editor, states, django_assert_num_queries, count
):
    record_terms(states, count)
    confirm_terms()

    # Session and user; the proposal (terms, states, their periods, declined
    # turns); two for permissions; the states for the list filter; two
    # counts; the page of terms with their states, the states' periods for
    # the flag column, the confirming outcomes and their meetings for the
    # "elected or confirmed at" column; the date hierarchy's range and years.
    with django_assert_num_queries(17):
        response = client.get("/en/admin/chairmanship/chairmanship/")

    assert len(response.context["cl"].result_list) == count


@pytest.mark.parametrize("count", [1, 4])
def test_declinations_changelist_queries_do_not_grow(
    client, editor, states, django_assert_num_queries, count
):
    for state in states[:count]:
        turn_decline(state=state, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1))

    # Session and user; two for permissions; the states for the list
    # filter; two counts; the page with its states; the date hierarchy.
    with django_assert_num_queries(10):
        response = client.get("/en/admin/chairmanship/turndeclination/")

    assert len(response.context["cl"].result_list) == count
