import datetime

import pytest

from membership import demo, permissions
from membership.models import FocalPoint, NationalCoordinator, ParticipantState, User

pytestmark = pytest.mark.django_db

D = datetime.date


def test_demo_load_twice_gives_the_same_coordinators_with_history(client):
    demo.load()
    summary = demo.load()

    assert NationalCoordinator.objects.count() == 11
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
