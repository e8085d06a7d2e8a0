import datetime

import pytest

from membership import demo, permissions
from membership.enums import MembershipStatus
from membership.models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
    User,
)

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

D = datetime.date


def test_demo_load_twice_gives_the_same_coordinators_with_history(client):
    demo.load()
    summary = demo.load()

    assert NationalCoordinator.objects.count() == 10
    assert FocalPoint.objects.count() == 1
    for state in ParticipantState.objects.all():
        assert state.coordinators.filter(end__isnull=True).count() == 1
    assert [
        (c.full_name_en, c.start, c.end)
        for c in NationalCoordinator.objects.filter(state__iso3="KAZ").order_by("start")
    ] == [
        ("Serik Primerov", D(2013, 6, 5), D(2019, 2, 28)),
        ("Aigerim Testova", D(2019, 3, 1), None),
    ]
    assert "coordinator.kaz@example.org / almaty-demo-2026" in summary
    assert client.login(email=demo.DEMO_COORDINATOR_EMAIL, password=demo.DEMO_PASSWORD)
    user = User.objects.get(email=demo.DEMO_COORDINATOR_EMAIL)
    assert permissions.roles_of(user).state.iso3 == "KAZ"


def test_demo_people_are_clearly_fictitious():
    demo.load()

    emails = [*NationalCoordinator.objects.values_list("email", flat=True),
              *FocalPoint.objects.values_list("email", flat=True)]
    assert all(email.endswith("@example.org") for email in emails)


def test_demo_names_turkey_in_russian_as_the_operational_mechanism_does():
    demo.load()

    turkey = ParticipantState.objects.get(iso3="TUR")

    assert (turkey.name_ru, turkey.official_name_ru) == ("Турция", "Республика Турция")
    assert (turkey.name_en, turkey.rotation_key) == ("Türkiye", "Türkiye")


def test_demo_membership_notes_name_the_no_objection_procedure_in_both_languages():
    demo.load()

    notes = dict(
        MembershipPeriod.objects.filter(status=MembershipStatus.PENDING)
        .values_list("state__iso3", "note")
    )

    assert sorted(notes) == ["IRN", "PAK"]
    assert all("процедуры невозражения" in note and "no-objection procedure" in note
               for note in notes.values())


def test_demo_membership_has_three_central_asian_states():
    # What the demo's texts say of "Central Asian states" must match this.
    demo.load()

    central_asia = ParticipantState.objects.filter(
        iso3__in=demo.CENTRAL_ASIAN_STATES
    ).values_list("name_en", flat=True)

    assert sorted(central_asia) == ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]


def test_demo_states_are_the_eight_the_operational_mechanism_names():
    # No founding text says Turkmenistan (or any other state) joined: it was
    # shown as a participant since 2014 before (issue 24, item 6).
    demo.load()

    assert sorted(ParticipantState.objects.values_list("name_en", flat=True)) == [
        "Afghanistan", "Azerbaijan", "Iran", "Kazakhstan", "Kyrgyzstan", "Pakistan",
        "Tajikistan", "Türkiye",
    ]
    assert not NationalCoordinator.objects.filter(state__iso3="TKM").exists()


def test_demo_membership_history_is_marked_illustrative():
    # Its dates are invented: each period carries the mark (issue 24, item 7).
    demo.load()

    assert MembershipPeriod.objects.count() == 10
    assert list(MembershipPeriod.objects.filter(illustrative=False)) == []


def test_demo_load_again_adds_no_history():
    demo.load()
    before = (ParticipantState.history.count(), Organisation.history.count(),
              MembershipPeriod.history.count(), NationalCoordinator.history.count(),
              FocalPoint.history.count())

    demo.load()

    assert (ParticipantState.history.count(), Organisation.history.count(),
            MembershipPeriod.history.count(), NationalCoordinator.history.count(),
            FocalPoint.history.count()) == before
