"""Coordinators are in office by date: a term holds on the days from its
start to its end (inclusive), never "while it has no end date"."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from membership import permissions, selectors, services
from membership.enums import MembershipStatus, OrganisationKind
from membership.models import NationalCoordinator
from tests.factories.membership import (
    FocalPointFactory,
    NationalCoordinatorFactory,
    OrganisationFactory,
    UserFactory,
)

from .conftest import appoint

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
TODAY = D(2024, 5, 10)
NOW = datetime.datetime(2024, 5, 10, 12, 0, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(NOW, tick=False):
        yield


def fresh(user):
    """The user as a new request loads it (roles are cached per object)."""
    return type(user).objects.get(pk=user.pk)


# --- Selectors -------------------------------------------------------------------------

def test_active_coordinator_term_ending_today_is_in_office(kazakhstan):
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1), end=TODAY)

    assert selectors.active_coordinator(state=kazakhstan) == coordinator


def test_active_coordinator_term_ended_yesterday_is_not_in_office(kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1), end=TODAY - datetime.timedelta(days=1))

    assert selectors.active_coordinator(state=kazakhstan) is None


def test_active_coordinator_appointed_from_tomorrow_is_not_in_office_yet(kazakhstan):
    coordinator = appoint(kazakhstan, start=TODAY + datetime.timedelta(days=1))

    assert selectors.active_coordinator(state=kazakhstan) is None
    assert selectors.active_coordinator(state=kazakhstan, on=coordinator.start) == coordinator


def test_active_coordinator_uses_the_almaty_date_after_local_midnight(kazakhstan):
    # 00:30 on 11 May in Almaty is still 10 May in UTC.
    appoint(kazakhstan, start=D(2019, 3, 1), end=TODAY)

    with time_machine.travel(datetime.datetime(2024, 5, 11, 0, 30, tzinfo=ALMATY), tick=False):
        assert selectors.active_coordinator(state=kazakhstan) is None


def test_in_office_queryset_on_a_date(kazakhstan):
    old = appoint(kazakhstan, start=D(2013, 6, 5), end=D(2019, 2, 28))
    new = appoint(kazakhstan, start=D(2019, 3, 1))

    assert list(NationalCoordinator.objects.in_office(on=D(2019, 2, 28))) == [old]
    assert list(NationalCoordinator.objects.in_office(on=D(2019, 3, 1))) == [new]
    assert list(NationalCoordinator.objects.in_office()) == [new]


def test_states_for_listing_prefetches_the_coordinator_in_office_by_date(kazakhstan):
    outgoing = appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Новый Координатор"
    )

    state = selectors.states_for_listing().get(pk=kazakhstan.pk)

    assert state.active_coordinators == [outgoing]


# --- Services --------------------------------------------------------------------------

def test_coordinator_replace_from_a_future_date_keeps_the_outgoing_in_office(kazakhstan):
    user, successor_user = UserFactory(), UserFactory()
    outgoing = appoint(kazakhstan, start=D(2019, 3, 1), user=user)

    successor = services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Новый Координатор",
        user=successor_user,
    )

    outgoing.refresh_from_db()
    assert (outgoing.end, successor.start) == (D(2024, 5, 31), D(2024, 6, 1))
    assert selectors.active_coordinator(state=kazakhstan) == outgoing
    assert permissions.roles_of(fresh(user)).is_participant is True
    assert permissions.roles_of(fresh(successor_user)).is_observer is False
    with time_machine.travel(datetime.datetime(2024, 6, 1, 9, 0, tzinfo=ALMATY), tick=False):
        assert selectors.active_coordinator(state=kazakhstan) == successor
        assert permissions.roles_of(fresh(user)).is_observer is False
        assert permissions.roles_of(fresh(successor_user)).is_participant is True


def test_coordinator_replace_twice_before_the_first_successor_takes_office(kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Первый Преемник"
    )

    with pytest.raises(ValidationError):
        services.coordinator_replace(
            state=kazakhstan, start=D(2024, 5, 20), full_name_ru="Второй Преемник"
        )

    assert NationalCoordinator.objects.filter(state=kazakhstan).count() == 2


def test_coordinator_end_term_from_a_future_date_keeps_office_until_then(kazakhstan):
    user = UserFactory()
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1), user=user)

    services.coordinator_end_term(coordinator=coordinator, end=D(2024, 5, 31))

    assert selectors.active_coordinator(state=kazakhstan) == coordinator
    assert permissions.roles_of(fresh(user)).is_participant is True
    with time_machine.travel(datetime.datetime(2024, 6, 1, 9, 0, tzinfo=ALMATY), tick=False):
        assert selectors.active_coordinator(state=kazakhstan) is None
        assert permissions.roles_of(fresh(user)).is_observer is False


def test_coordinator_appoint_after_a_term_ending_in_the_future(kazakhstan):
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_end_term(coordinator=coordinator, end=D(2024, 5, 31))

    successor = appoint(kazakhstan, name=("Новый Координатор", "New"), start=D(2024, 6, 1))

    assert selectors.active_coordinator(state=kazakhstan, on=D(2024, 6, 1)) == successor


def test_coordinator_appoint_overlapping_a_term_ending_in_the_future_is_refused(
    kazakhstan, english
):
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_end_term(coordinator=coordinator, end=D(2024, 5, 31))

    with pytest.raises(ValidationError) as error:
        appoint(kazakhstan, name=("Новый Координатор", "New"), start=D(2024, 5, 20))

    assert error.value.messages == [
        "This term overlaps the term of Aigerim Testova (1 March 2019 – 31 May 2024)."
    ]


# --- The database ------------------------------------------------------------------------

@pytest.mark.postgresql
def test_overlapping_terms_are_refused_by_the_exclusion_constraint(postgresql_only, kazakhstan):
    NationalCoordinatorFactory(state=kazakhstan, start=D(2019, 3, 1), end=D(2024, 5, 31))

    with pytest.raises(IntegrityError) as error, transaction.atomic():
        NationalCoordinator.objects.create(
            state=kazakhstan, full_name="Второй Координатор", start=D(2024, 5, 1),
            end=D(2024, 12, 31),
        )

    assert error.value.__cause__.diag.constraint_name == services.COORDINATOR_NO_OVERLAP
    assert NationalCoordinator.objects.filter(state=kazakhstan).count() == 1


@pytest.mark.postgresql
def test_adjacent_terms_are_accepted_by_the_database(postgresql_only, kazakhstan):
    NationalCoordinatorFactory(state=kazakhstan, start=D(2019, 3, 1), end=D(2024, 5, 31))

    NationalCoordinatorFactory(state=kazakhstan, start=D(2024, 6, 1))

    assert NationalCoordinator.objects.filter(state=kazakhstan).count() == 2


# --- Roles --------------------------------------------------------------------------------

def test_roles_participant_state_coordinator_is_a_participant(kazakhstan):
    user = UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.state, roles.is_participant, roles.is_observer) == (kazakhstan, True, True)


def test_roles_pending_state_coordinator_is_an_observer(pending_state):
    user = UserFactory()
    appoint(pending_state, start=D(2013, 7, 1), user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.is_participant, roles.is_observer) == (False, True)


@pytest.mark.parametrize("kind", [OrganisationKind.STATE, OrganisationKind.INTERNATIONAL])
def test_roles_observer_focal_point_is_an_observer(kind):
    user = UserFactory()
    FocalPointFactory(organisation=OrganisationFactory(kind=kind), user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.is_participant, roles.is_observer, roles.is_civil_society) == (
        False, True, False,
    )


def test_roles_civil_society_focal_point_is_neither():
    user = UserFactory()
    FocalPointFactory(organisation=OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY),
                      user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.is_participant, roles.is_observer, roles.is_civil_society) == (
        False, False, True,
    )


def test_roles_coordinator_appointed_from_a_future_date_has_no_access_yet(kazakhstan):
    user = UserFactory()
    appoint(kazakhstan, start=TODAY + datetime.timedelta(days=1), user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.state, roles.is_observer) == (None, False)


def test_roles_coordinator_whose_term_ended_has_no_access(kazakhstan):
    user = UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), end=TODAY - datetime.timedelta(days=1), user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.state, roles.is_observer) == (None, False)


def test_roles_coordinator_whose_term_ends_today_keeps_access(kazakhstan):
    user = UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), end=TODAY, user=user)

    roles = permissions.roles_of(fresh(user))

    assert (roles.state, roles.is_participant) == (kazakhstan, True)


def test_roles_coordinator_of_a_withdrawn_state_has_no_access(kazakhstan):
    user = UserFactory()
    NationalCoordinatorFactory(state=kazakhstan, start=D(2019, 3, 1), user=user)
    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 1, 1)
    )

    roles = permissions.roles_of(fresh(user))

    assert (roles.state, roles.is_observer) == (None, False)


def test_roles_focal_point_of_an_ended_term_has_no_access():
    user = UserFactory()
    FocalPointFactory(end=TODAY - datetime.timedelta(days=1), user=user)

    assert permissions.roles_of(fresh(user)).is_observer is False


# --- Pages -----------------------------------------------------------------------------------

def test_state_pages_show_the_outgoing_coordinator_until_the_successor_starts(client, kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Нурлан Преемников",
        full_name_en="Nurlan Preemnikov",
    )

    listing = client.get("/en/states/").content.decode()
    detail = client.get("/en/states/kaz/")

    assert ("Aigerim Testova" in listing, "Nurlan Preemnikov" in listing) == (True, False)
    assert [c.in_office for c in detail.context["coordinators"]] == [False, True]


def test_coordinator_contacts_page_belongs_to_the_coordinator_in_office(client, kazakhstan):
    user, successor_user = UserFactory(), UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), user=user)
    services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Нурлан Преемников",
        user=successor_user,
    )

    client.force_login(user)
    outgoing_status = client.get("/ru/states/kaz/coordinator/").status_code
    client.force_login(successor_user)
    successor_status = client.get("/ru/states/kaz/coordinator/").status_code

    assert (outgoing_status, successor_status) == (200, 403)


def test_admin_in_office_filter_and_column_by_date(admin_client, kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_replace(
        state=kazakhstan, start=D(2024, 6, 1), full_name_ru="Нурлан Преемников",
        full_name_en="Nurlan Preemnikov",
    )
    url = "/en/admin/membership/nationalcoordinator/"

    def names(query):
        response = admin_client.get(url + query)
        return sorted(c.full_name_en for c in response.context["cl"].result_list)

    assert names("?active=yes") == ["Aigerim Testova"]
    assert names("?active=future") == ["Nurlan Preemnikov"]
    assert names("?active=no") == []
    admin = admin_client.get(url).context["cl"].model_admin
    assert sorted(
        (c.full_name_en, admin.in_office(c)) for c in NationalCoordinator.objects.all()
    ) == [("Aigerim Testova", True), ("Nurlan Preemnikov", False)]


def test_permission_helpers_follow_the_roles(kazakhstan, kyrgyzstan, pending_state):
    participant, pending_user = UserFactory(), UserFactory()
    appoint(kazakhstan, start=D(2019, 3, 1), user=participant)
    appoint(pending_state, start=D(2013, 7, 1), user=pending_user)
    participant, pending_user = fresh(participant), fresh(pending_user)

    assert [
        (permissions.can_see_participant_material(user),
         permissions.can_see_observer_material(user),
         permissions.can_act_for_state(user, kazakhstan),
         permissions.can_act_for_state(user, kyrgyzstan))
        for user in (participant, pending_user)
    ] == [(True, True, True, False), (False, True, False, False)]


def test_can_act_for_organisation_only_its_own_focal_point_in_office():
    user = UserFactory()
    own = FocalPointFactory(user=user).organisation
    former = FocalPointFactory(user=user, end=TODAY - datetime.timedelta(days=1)).organisation

    user = fresh(user)

    assert (
        permissions.can_act_for_organisation(user, own),
        permissions.can_act_for_organisation(user, former),
    ) == (True, False)
