import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from membership import permissions, selectors, services
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, NationalCoordinator
from tests.factories.membership import (
    MembershipPeriodFactory,
    StaffUserFactory,
    UserFactory,
)

from .conftest import appoint

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

D = datetime.date


def history(state):
    return [
        (p.status, p.start, p.end, p.deadline)
        for p in MembershipPeriod.objects.filter(state=state).order_by("start")
    ]


def terms(state):
    return [
        (c.full_name_en, c.start, c.end)
        for c in NationalCoordinator.objects.filter(state=state).order_by("start")
    ]


# --- Status history ------------------------------------------------------------------

def test_membership_change_status_closes_the_current_period_the_day_before(pending_state):
    services.membership_change_status(
        state=pending_state, status=MembershipStatus.PARTICIPANT, start=D(2013, 9, 1)
    )

    assert history(pending_state) == [
        (MembershipStatus.PENDING, D(2013, 6, 5), D(2013, 8, 31), D(2013, 8, 31)),
        (MembershipStatus.PARTICIPANT, D(2013, 9, 1), None, None),
    ]


def test_membership_change_status_same_status_is_refused(kazakhstan):
    with pytest.raises(ValidationError) as error:
        services.membership_change_status(
            state=kazakhstan, status=MembershipStatus.PARTICIPANT, start=D(2020, 1, 1)
        )

    assert error.value.messages == ["У государства уже этот статус."]
    assert len(history(kazakhstan)) == 1


def test_membership_change_status_before_the_current_period_is_refused(kazakhstan, english):
    with pytest.raises(ValidationError) as error:
        services.membership_change_status(
            state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2013, 6, 5)
        )

    assert error.value.messages == [
        "The new status must start after the current period, which began on 5 June 2013."
    ]


def test_membership_change_status_pending_without_deadline_is_refused(kazakhstan):
    with pytest.raises(ValidationError):
        services.membership_change_status(
            state=kazakhstan, status=MembershipStatus.PENDING, start=D(2020, 1, 1)
        )

    assert len(history(kazakhstan)) == 1


def test_states_with_status_on_follows_the_history(kazakhstan, pending_state, make_state):
    services.membership_change_status(
        state=pending_state, status=MembershipStatus.PARTICIPANT, start=D(2013, 9, 1)
    )
    leaver = make_state("AFG", "Афганистан", "Afghanistan")
    services.membership_change_status(
        state=leaver, status=MembershipStatus.WITHDRAWN, start=D(2022, 1, 1)
    )
    latecomer = make_state("TKM", "Туркменистан", "Turkmenistan", since=D(2014, 3, 1))

    def on(day):
        return sorted(
            s.iso3 for s in selectors.states_with_status_on(
                on=day, status=MembershipStatus.PARTICIPANT
            )
        )

    assert on(D(2013, 1, 1)) == []
    assert on(D(2013, 7, 1)) == ["AFG", "KAZ"]
    assert on(D(2013, 9, 1)) == ["AFG", "IRN", "KAZ"]
    assert on(D(2014, 3, 1)) == ["AFG", "IRN", "KAZ", "TKM"]
    assert on(D(2021, 12, 31)) == ["AFG", "IRN", "KAZ", "TKM"]
    assert on(D(2022, 1, 1)) == ["IRN", "KAZ", "TKM"]
    assert latecomer.joined_on == D(2014, 3, 1)


def test_membership_periods_check_refuses_overlaps_and_two_open_periods(kazakhstan):
    first = MembershipPeriod(state=kazakhstan, status="pending", start=D(2013, 1, 1),
                             end=D(2013, 8, 31), deadline=D(2013, 8, 31))
    overlapping = MembershipPeriod(state=kazakhstan, status="participant", start=D(2013, 8, 31))
    also_open = MembershipPeriod(state=kazakhstan, status="withdrawn", start=D(2020, 1, 1))

    with pytest.raises(ValidationError) as overlap:
        services.membership_periods_check([first, overlapping])
    with pytest.raises(ValidationError) as two_open:
        services.membership_periods_check([overlapping, also_open])

    assert overlap.value.messages == [
        "Этот период пересекается с другим периодом членства того же государства."
    ]
    assert two_open.value.messages == ["У этого государства уже есть текущий период членства."]


def test_membership_periods_save_moves_a_boundary_later(make_state):
    state = make_state("IRN", "Иран", "Iran", since=False)
    pending = MembershipPeriodFactory(
        state=state, status="pending", start=D(2013, 6, 5), end=D(2013, 8, 31),
        deadline=D(2013, 8, 31),
    )
    participant = MembershipPeriodFactory(state=state, status="participant", start=D(2013, 9, 1))
    # Lengthening the first period before shortening the second would overlap.
    pending.end = D(2013, 9, 30)
    participant.start = D(2013, 10, 1)

    services.membership_periods_save(state=state, changed=[pending, participant])

    assert history(state) == [
        (MembershipStatus.PENDING, D(2013, 6, 5), D(2013, 9, 30), D(2013, 8, 31)),
        (MembershipStatus.PARTICIPANT, D(2013, 10, 1), None, None),
    ]


def test_membership_periods_save_overlap_saves_nothing(kazakhstan):
    new = MembershipPeriod(status="withdrawn", start=D(2020, 1, 1))

    with pytest.raises(ValidationError):
        services.membership_periods_save(state=kazakhstan, changed=[new])

    assert history(kazakhstan) == [(MembershipStatus.PARTICIPANT, D(2013, 6, 5), None, None)]


# --- National coordinators -------------------------------------------------------------

def test_coordinator_appoint_second_active_is_refused(kazakhstan):
    appoint(kazakhstan)

    with pytest.raises(ValidationError) as error:
        appoint(kazakhstan, name=("Второй Координатор", "Second Coordinator"),
                start=D(2020, 1, 1))

    assert error.value.messages == [
        "У этого государства уже есть действующий национальный координатор."
    ]
    assert terms(kazakhstan) == [("Aigerim Testova", D(2019, 3, 1), None)]


def test_coordinator_appoint_dates_in_wrong_order_are_refused(kazakhstan, english):
    with pytest.raises(ValidationError) as error:
        appoint(kazakhstan, start=D(2019, 3, 1), end=D(2019, 2, 1))

    assert error.value.messages == ["The end date cannot be before the start date."]
    assert terms(kazakhstan) == []


def test_coordinator_appoint_for_a_withdrawn_state_is_refused(kazakhstan, english):
    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2018, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        appoint(kazakhstan, start=D(2019, 3, 1))

    assert error.value.messages == [
        ("Only a participant or pending state designates a national coordinator, and "
        "Kazakhstan is neither on 1 March 2019.")
    ]


def test_coordinator_appoint_for_a_pending_state_is_allowed(pending_state):
    coordinator = appoint(pending_state, start=D(2013, 7, 1))

    assert coordinator.in_office is True


def test_coordinator_replace_ends_the_old_term_the_day_before(kazakhstan):
    old = appoint(kazakhstan, name=("Серик Примеров", "Serik Primerov"), start=D(2013, 6, 5))

    new = services.coordinator_replace(
        state=kazakhstan, start=D(2019, 3, 1), full_name_ru="Айгерим Тестова",
        full_name_en="Aigerim Testova",
    )

    old.refresh_from_db()
    assert (old.end, new.end) == (D(2019, 2, 28), None)
    assert terms(kazakhstan) == [
        ("Serik Primerov", D(2013, 6, 5), D(2019, 2, 28)),
        ("Aigerim Testova", D(2019, 3, 1), None),
    ]
    assert selectors.active_coordinator(state=kazakhstan) == new


def test_coordinator_replace_invalid_successor_keeps_the_old_term(kazakhstan):
    appoint(kazakhstan, name=("Серик Примеров", "Serik Primerov"), start=D(2013, 6, 5))

    with pytest.raises(ValidationError) as error:
        services.coordinator_replace(
            state=kazakhstan, start=D(2019, 3, 1), full_name_ru="Айгерим Тестова",
            email="not an address",
        )

    assert list(error.value.message_dict) == ["email"]
    assert terms(kazakhstan) == [("Serik Primerov", D(2013, 6, 5), None)]


def test_coordinator_replace_starting_before_the_current_term_is_refused(kazakhstan, english):
    appoint(kazakhstan, start=D(2019, 3, 1))

    with pytest.raises(ValidationError) as error:
        services.coordinator_replace(
            state=kazakhstan, start=D(2019, 3, 1), full_name_ru="Новый Координатор"
        )

    assert error.value.messages == [
        "The current coordinator took office on 1 March 2019: the new one must start later."
    ]


def test_coordinator_replace_without_active_coordinator_is_refused(kazakhstan):
    with pytest.raises(ValidationError) as error:
        services.coordinator_replace(
            state=kazakhstan, start=D(2019, 3, 1), full_name_ru="Новый Координатор"
        )

    assert error.value.messages == [
        ("У этого государства нет действующего национального координатора, которого можно "
        "заменить.")
    ]


def test_coordinator_end_term_leaves_the_post_vacant(kazakhstan):
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1))

    services.coordinator_end_term(coordinator=coordinator, end=D(2021, 12, 31))

    assert selectors.active_coordinator(state=kazakhstan) is None
    with pytest.raises(ValidationError):
        services.coordinator_end_term(coordinator=coordinator, end=D(2022, 1, 31))


def test_coordinator_appoint_overlapping_an_ended_term_is_refused(kazakhstan, english):
    coordinator = appoint(kazakhstan, start=D(2019, 3, 1))
    services.coordinator_end_term(coordinator=coordinator, end=D(2021, 12, 31))

    with pytest.raises(ValidationError) as error:
        appoint(kazakhstan, name=("Новый Координатор", "New Coordinator"), start=D(2021, 6, 1))
    after_vacancy = appoint(
        kazakhstan, name=("Новый Координатор", "New Coordinator"), start=D(2022, 2, 1)
    )

    assert error.value.messages == [
        "This term overlaps the term of Aigerim Testova (1 March 2019 – 31 December 2021)."
    ]
    assert after_vacancy.end is None


def test_coordinator_appoint_records_a_past_term_before_the_current_one(kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1))

    appoint(kazakhstan, name=("Серик Примеров", "Serik Primerov"), start=D(2013, 6, 5),
            end=D(2019, 2, 28))

    assert terms(kazakhstan) == [
        ("Serik Primerov", D(2013, 6, 5), D(2019, 2, 28)),
        ("Aigerim Testova", D(2019, 3, 1), None),
    ]


# --- Contact details -----------------------------------------------------------------------

def test_coordinator_update_contacts_by_the_coordinator(kaz_coordinator_user, kazakhstan):
    coordinator = selectors.active_coordinator(state=kazakhstan)

    services.coordinator_update_contacts(
        coordinator=coordinator, by=kaz_coordinator_user, phone="+7 717 200 99 99",
        agency_en="Ministry of Labour",
    )

    coordinator.refresh_from_db()
    assert (coordinator.phone, coordinator.agency_en, coordinator.agency_ru) == (
        "+7 717 200 99 99", "Ministry of Labour", "Министерство иностранных дел",
    )


def test_coordinator_update_contacts_of_another_state_is_denied(
    kaz_coordinator_user, kgz_coordinator
):
    with pytest.raises(PermissionDenied):
        services.coordinator_update_contacts(
            coordinator=kgz_coordinator, by=kaz_coordinator_user, phone="+7 000 000 00 00"
        )

    kgz_coordinator.refresh_from_db()
    assert kgz_coordinator.phone == "+996 312 00 00 07"


def test_coordinator_update_contacts_by_staff(kgz_coordinator):
    staff = StaffUserFactory()
    Group.objects.get(name=permissions.SECRETARIAT_EDITORS).user_set.add(staff)

    services.coordinator_update_contacts(
        coordinator=kgz_coordinator, by=staff, email="nurgul@example.org"
    )

    kgz_coordinator.refresh_from_db()
    assert kgz_coordinator.email == "nurgul@example.org"


def test_coordinator_update_contacts_never_changes_names(kaz_coordinator_user, kazakhstan):
    with pytest.raises(TypeError):
        services.coordinator_update_contacts(
            coordinator=selectors.active_coordinator(state=kazakhstan),
            by=kaz_coordinator_user, full_name_ru="Кто-то Другой",
        )


def test_coordinator_update_contacts_by_a_former_coordinator_is_denied(kazakhstan):
    user = UserFactory()
    old = appoint(kazakhstan, start=D(2013, 6, 5), user=user)
    old = services.coordinator_end_term(coordinator=old, end=D(2019, 2, 28))

    with pytest.raises(PermissionDenied):
        services.coordinator_update_contacts(coordinator=old, by=user, phone="+7 1234567")


# --- Staff groups ------------------------------------------------------------------------

def test_staff_groups_exist_after_migrate_with_their_permissions():
    editors = Group.objects.get(name=permissions.SECRETARIAT_EDITORS)
    administrators = Group.objects.get(name=permissions.SECRETARIAT_ADMINISTRATORS)

    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    admin_perms = set(administrators.permissions.values_list("codename", flat=True))
    assert {"change_nationalcoordinator", "add_membershipperiod", "view_user"} <= editor_perms
    assert "delete_nationalcoordinator" not in editor_perms
    assert "change_user" not in editor_perms
    assert {"delete_nationalcoordinator", "change_user", "view_group"} <= admin_perms


def test_staff_groups_ensure_is_idempotent():
    before = {g.name: g.permissions.count() for g in Group.objects.all()}

    services.staff_groups_ensure()

    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before
