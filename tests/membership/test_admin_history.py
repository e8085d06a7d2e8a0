"""Every secretariat edit in membership keeps an audit history (who, when,
what changed), viewable in the admin; coordinators' own edits included."""

import datetime

import pytest

from membership import services
from membership.enums import MembershipStatus
from membership.models import NationalCoordinator
from tests.factories.membership import FocalPointFactory, OrganisationFactory

from .conftest import appoint
from .test_admin import post_data, state_change_url, with_new_period

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    "model", ["participantstate", "nationalcoordinator", "organisation", "focalpoint"]
)
def test_history_page_lists_changes_without_inline_styles(admin_client, kazakhstan, model):
    objects = {
        "participantstate": kazakhstan,
        "nationalcoordinator": appoint(kazakhstan),
        "organisation": OrganisationFactory(),
        "focalpoint": FocalPointFactory(),
    }

    response = admin_client.get(
        f"/en/admin/membership/{model}/{objects[model].pk}/history/"
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert [r.get_history_type_display() for r in response.context["page_obj"]] == ["Created"]
    # Reverting would bypass the services' rules (overlaps, locks, signals).
    assert response.context["revert_disabled"] is True
    assert "style=" not in content


def test_state_history_shows_who_changed_a_membership_period(admin_client, admin_user, kazakhstan):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["membership_periods-0-end"] = "2019-12-31"
    with_new_period(data, 1, status=MembershipStatus.WITHDRAWN, start="2020-01-01")
    admin_client.post(state_change_url(kazakhstan), data)

    response = admin_client.get(f"/en/admin/membership/participantstate/{kazakhstan.pk}/history/")

    records = [
        (r.status, r.start, r.end, r.get_history_type_display(), r.history_user)
        for r in response.context["period_records"]
    ]
    assert records == [
        (MembershipStatus.WITHDRAWN, D(2020, 1, 1), None, "Created", admin_user),
        (MembershipStatus.PARTICIPANT, D(2013, 6, 5), D(2019, 12, 31), "Changed", admin_user),
        (MembershipStatus.PARTICIPANT, D(2013, 6, 5), None, "Created", None),
    ]
    assert "Withdrawn" in response.content.decode()


def test_coordinator_own_contact_edit_is_in_the_history_with_the_coordinator_as_user(
    client, kaz_coordinator_user, kazakhstan
):
    client.force_login(kaz_coordinator_user)

    client.post("/ru/states/kaz/coordinator/", {
        "position_ru": "Главный советник", "position_en": "Senior Adviser",
        "agency_ru": "Министерство иностранных дел", "agency_en": "Ministry of Foreign Affairs",
        "email": "coordinator.kaz@example.org", "phone": "+7 717 200 12 34",
    })

    latest = NationalCoordinator.objects.get(state=kazakhstan).history.first()
    assert (latest.phone, latest.history_user, latest.history_type) == (
        "+7 717 200 12 34", kaz_coordinator_user, "~",
    )


def test_service_writes_outside_a_request_are_recorded_without_a_user(kazakhstan):
    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2020, 1, 1)
    )

    assert [(r.status, r.history_user) for r in kazakhstan.membership_periods.model.history.all()
            ] == [(MembershipStatus.WITHDRAWN, None), (MembershipStatus.PARTICIPANT, None),
                  (MembershipStatus.PARTICIPANT, None)]
