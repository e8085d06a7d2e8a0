"""The database itself refuses what the services refuse: tests write rows
directly (bypassing the services) to prove the constraints exist."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from membership import services
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, NationalCoordinator
from tests.factories.membership import MembershipPeriodFactory, NationalCoordinatorFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.postgresql
def test_second_active_coordinator_is_refused_by_the_database(postgresql_only, kazakhstan):
    NationalCoordinatorFactory(state=kazakhstan, start=D(2019, 3, 1))

    with pytest.raises(IntegrityError) as error, transaction.atomic():
        NationalCoordinator.objects.create(
            state=kazakhstan, full_name="Второй Координатор", start=D(2020, 1, 1)
        )

    assert error.value.__cause__.diag.constraint_name == services.COORDINATOR_NO_OVERLAP
    assert NationalCoordinator.objects.filter(state=kazakhstan).count() == 1


@pytest.mark.postgresql
def test_overlapping_periods_are_refused_by_the_exclusion_constraint(postgresql_only, kazakhstan):
    # Kazakhstan is a participant from 5 June 2013 with no end.
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        MembershipPeriod.objects.create(
            state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2010, 1, 1),
            end=D(2013, 6, 5),
        )

    assert error.value.__cause__.diag.constraint_name == services.PERIOD_NO_OVERLAP
    assert MembershipPeriod.objects.filter(state=kazakhstan).count() == 1


@pytest.mark.postgresql
def test_database_refusal_becomes_the_translated_validation_error(postgresql_only, kazakhstan):
    with (
        pytest.raises(ValidationError) as error,
        services.integrity_errors_as_validation(),
        transaction.atomic(),
    ):
        MembershipPeriodFactory(
            state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2010, 1, 1),
            end=D(2014, 1, 1),
        )

    assert error.value.messages == [
        "Этот период пересекается с другим периодом членства того же государства."
    ]


def test_adjacent_periods_are_accepted_by_the_database(kazakhstan):
    MembershipPeriodFactory(
        state=kazakhstan, status=MembershipStatus.PENDING, start=D(2013, 1, 1),
        end=D(2013, 6, 4), deadline=D(2013, 6, 4),
    )

    assert MembershipPeriod.objects.filter(state=kazakhstan).count() == 2


def test_second_open_period_is_refused_by_the_database(kazakhstan):
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipPeriod.objects.create(
            state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2020, 1, 1)
        )


def test_coordinator_dates_in_wrong_order_are_refused_by_the_database(kazakhstan):
    with pytest.raises(IntegrityError), transaction.atomic():
        NationalCoordinator.objects.create(
            state=kazakhstan, full_name="Координатор", start=D(2020, 1, 1), end=D(2019, 1, 1)
        )


def test_overlapping_periods_through_the_service_are_refused_on_any_database(kazakhstan):
    period = MembershipPeriod(
        status=MembershipStatus.WITHDRAWN, start=D(2010, 1, 1), end=D(2014, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        services.membership_periods_save(state=kazakhstan, changed=[period])

    assert error.value.messages == [
        "Этот период пересекается с другим периодом членства того же государства."
    ]
    assert MembershipPeriod.objects.filter(state=kazakhstan).count() == 1
