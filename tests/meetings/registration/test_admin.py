"""Accreditation by the secretariat in the admin: actions and the inline,
each decision emailed; every delegation listed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from meetings.enums import Accreditation
from meetings.models import Delegate
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.meetings import DelegateFactory, DelegationFactory, ObserverInvitationFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/meetings/delegate/"


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


def test_approve_action_approves_and_emails(client, editor, mailoutbox,
                                            django_capture_on_commit_callbacks):
    delegate = DelegateFactory(preferred_language="en")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [delegate.pk]})

    delegate.refresh_from_db()
    assert response.status_code == 302
    assert (delegate.accreditation, delegate.accreditation_decided_by) == (
        Accreditation.APPROVED, editor,
    )
    assert [m.subject for m in mailoutbox] == [
        f"Accreditation approved: {delegate.meeting.title_en}"
    ]


def test_decline_action_asks_for_the_reason_then_declines(client, editor):
    delegate = DelegateFactory()

    ask = client.post(CHANGELIST, {"action": "decline", "_selected_action": [delegate.pk]})
    client.post(CHANGELIST, {"action": "decline", "_selected_action": [delegate.pk],
                             "apply": "1", "reason": "No note verbale received"})

    delegate.refresh_from_db()
    assert "Reason, shown to the coordinator" in ask.content.decode()
    assert (delegate.accreditation, delegate.accreditation_reason) == (
        Accreditation.DECLINED, "No note verbale received",
    )


def _inline_data(delegation, delegates, **changes):
    data = {
        "delegates-TOTAL_FORMS": str(len(delegates)),
        "delegates-INITIAL_FORMS": str(len(delegates)),
        "delegates-MIN_NUM_FORMS": "0", "delegates-MAX_NUM_FORMS": "1000",
        "credentials": "",
    }
    for i, d in enumerate(delegates):
        for name in ("surname_latin", "given_names_latin", "surname_cyrillic",
                     "given_names_cyrillic", "role", "position", "agency", "email",
                     "preferred_language", "accreditation", "accreditation_reason"):
            data[f"delegates-{i}-{name}"] = getattr(d, name)
        data[f"delegates-{i}-id"] = d.pk
        data[f"delegates-{i}-delegation"] = delegation.pk
    for key, value in changes.items():
        data[key] = value
    return data


def test_inline_declines_with_reason_through_the_service(client, editor, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    delegation = DelegationFactory()
    delegate = DelegateFactory(delegation=delegation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/admin/meetings/delegation/{delegation.pk}/change/",
            _inline_data(delegation, [delegate], **{
                "delegates-0-accreditation": "declined",
                "delegates-0-accreditation_reason": "Not a government official",
            }),
        )

    delegate.refresh_from_db()
    assert response.status_code == 302
    assert (delegate.accreditation, delegate.accreditation_reason,
            delegate.accreditation_decided_by) == (
        Accreditation.DECLINED, "Not a government official", editor,
    )
    assert len(mailoutbox) == 1


def test_inline_decline_without_reason_shows_the_error(client, editor):
    delegation = DelegationFactory()
    delegate = DelegateFactory(delegation=delegation)

    response = client.post(
        f"/en/admin/meetings/delegation/{delegation.pk}/change/",
        _inline_data(delegation, [delegate], **{"delegates-0-accreditation": "declined"}),
    )

    assert response.status_code == 200
    assert "Say why the accreditation is declined." in response.content.decode()
    assert Delegate.objects.get().accreditation == Accreditation.PENDING


@pytest.mark.parametrize("count", [1, 3])
def test_delegation_changelist_query_count(client, editor, count, django_assert_num_queries):
    for _i in range(count):
        DelegateFactory()

    # The same number of queries whatever the number of delegations.
    with django_assert_num_queries(8):
        response = client.get("/en/admin/meetings/delegation/")

    assert response.status_code == 200


def test_admin_pages_of_registrations_open(client, editor):
    delegate = DelegateFactory()
    invitation = ObserverInvitationFactory()

    statuses = [
        client.get(url).status_code for url in (
            "/en/admin/meetings/delegation/add/",
            f"/en/admin/meetings/delegation/{delegate.delegation.pk}/change/",
            f"/en/admin/meetings/delegation/{delegate.delegation.pk}/history/",
            f"/en/admin/meetings/delegate/{delegate.pk}/change/",
            "/en/admin/meetings/observerinvitation/add/",
            f"/en/admin/meetings/observerinvitation/{invitation.pk}/change/",
        )
    ]

    assert statuses == [200] * 6


def test_admin_invitation_of_civil_society_awaits_consent(client, editor):
    from meetings.models import ObserverInvitation
    from membership.enums import OrganisationKind
    from tests.factories.meetings import MeetingFactory
    from tests.factories.membership import OrganisationFactory

    meeting = MeetingFactory()
    ngo = OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY)

    response = client.post("/en/admin/meetings/observerinvitation/add/", {
        "meeting": meeting.pk, "organisation": ngo.pk, "email": "ngo@example.org",
        "language": "en", "max_delegation_size": "2", "consent": "not_needed",
        "consent_date": "", "consent_how": "",
    })

    assert response.status_code == 302
    assert ObserverInvitation.objects.get().consent == "awaited"
