"""Pages whose query count must not grow with the number of rows shown:
the state page (periods, coordinators, chair terms) and the membership
admin's change lists, measured with 1 and 3 rows."""

import datetime

import pytest

from membership import services
from membership.enums import MembershipStatus, OrganisationKind
from tests.factories.membership import (
    FocalPointFactory,
    OrganisationFactory,
    StaffUserFactory,
    UserFactory,
)

from .conftest import appoint

# Who is in office (the coordinator's edit link) depends on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

D = datetime.date

STATES = [("KAZ", "Казахстан", "Kazakhstan"), ("KGZ", "Кыргызстан", "Kyrgyzstan"),
          ("TJK", "Таджикистан", "Tajikistan")]


def kazakhstan_with_history(make_state, count: int):
    """Kazakhstan with ``count`` membership periods and ``count`` coordinators."""
    state = make_state("KAZ", "Казахстан", "Kazakhstan", since=False)
    starts = [D(2013, 6, 5), D(2016, 1, 1), D(2019, 1, 1)][:count]
    statuses = [MembershipStatus.PARTICIPANT, MembershipStatus.WITHDRAWN,
                MembershipStatus.PARTICIPANT]
    for start, status in zip(starts, statuses, strict=False):
        services.membership_change_status(state=state, status=status, start=start)
    appoint(state, start=D(2013, 6, 5), end=D(2015, 12, 31))
    if count > 1:
        appoint(state, name=("Второй Координатор", "Second"), start=D(2019, 1, 1),
                end=D(2020, 12, 31))
        appoint(state, name=("Третий Координатор", "Third"), start=D(2021, 1, 1))
    return state


@pytest.mark.parametrize("count", [1, 3])
def test_state_detail_queries_do_not_grow(client, make_state, django_assert_num_queries, count):
    kazakhstan_with_history(make_state, count)

    # The state, its periods, its coordinators, its chair terms, and the
    # archive's documents section.
    with django_assert_num_queries(5):
        response = client.get("/ru/states/kaz/")

    assert (len(response.context["periods"]), len(response.context["coordinators"])) == (
        count, count,
    )


@pytest.mark.parametrize("count", [1, 3])
def test_state_detail_queries_for_a_signed_in_coordinator(
    client, make_state, django_assert_num_queries, count
):
    state = kazakhstan_with_history(make_state, count)
    user = UserFactory()
    current = state.coordinators.order_by("-start").first()
    current.user = user
    current.save()
    client.force_login(user)

    # Session and user, the user's coordinator term and focal point term
    # (roles, asked once), then the page's five.
    with django_assert_num_queries(9):
        response = client.get("/ru/states/kaz/")

    assert response.context["can_edit_contacts"] is (count == 3)


def make_rows(kind: str, count: int, make_state):
    for iso3, name_ru, name_en in STATES[:count]:
        state = make_state(iso3, name_ru, name_en)
        if kind in ("coordinator", "user"):
            appoint(state, email=f"{iso3}@example.org", user=UserFactory())
    if kind in ("organisation", "focalpoint"):
        for _ in range(count):
            FocalPointFactory(
                organisation=OrganisationFactory(kind=OrganisationKind.INTERNATIONAL),
                user=UserFactory(),
            )


ADMIN_LISTS = [
    # (url, kind of rows, queries): session, user, then the list's own
    # (count, filtered count, rows and their prefetches, the filters' choices).
    ("/ru/admin/membership/participantstate/", "state", 7),
    ("/ru/admin/membership/nationalcoordinator/", "coordinator", 6),
    ("/ru/admin/membership/organisation/", "organisation", 5),
    ("/ru/admin/membership/focalpoint/", "focalpoint", 6),
    ("/ru/admin/membership/user/", "user", 6),
]


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(("url", "kind", "queries"), ADMIN_LISTS)
def test_admin_changelist_queries_do_not_grow(
    client, make_state, django_assert_num_queries, url, kind, queries, count
):
    make_rows(kind, count, make_state)
    staff = StaffUserFactory(is_superuser=True)
    client.force_login(staff)

    with django_assert_num_queries(queries):
        response = client.get(url)

    expected = count + 1 if kind == "user" else count  # the users and the staff member
    assert response.context["cl"].result_count == expected
