"""Observers: the per-meeting exclusion, civil society only with the
participant states' consent, the signed and expiring link through which a
focal point registers, and the names shown once registration closes."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings.enums import Consent, DelegationStatus, MeetingStatus
from meetings.invitations import invitation_token
from meetings.models import Delegate, ObserverInvitation
from meetings.services.observers import observer_invitation_save, observer_invitation_send
from meetings.services.registration import delegate_register, delegation_open
from membership.enums import OrganisationKind
from membership.services import organisation_save
from tests.factories.meetings import DelegationFactory, ObserverInvitationFactory
from tests.factories.membership import OrganisationFactory

from .conftest import delegate_fields, open_meeting

pytestmark = pytest.mark.django_db


def _messages(exc_info):
    return [str(m) for m in exc_info.value.messages]


@pytest.fixture
def iom():
    return OrganisationFactory(name_en="IOM", kind=OrganisationKind.INTERNATIONAL)


@pytest.fixture
def ngo():
    return OrganisationFactory(name_en="Migrant Rights Network",
                               kind=OrganisationKind.CIVIL_SOCIETY)


def test_observer_registration_refused_when_meeting_excludes_observers(staff, iom):
    meeting = open_meeting(observers_excluded=True,
                           observers_excluded_reason_en="A closed session of the states.")
    ObserverInvitationFactory(meeting=meeting, organisation=iom)

    with pytest.raises(ValidationError) as exc_info:
        delegation_open(meeting=meeting, organisation=iom, user=staff)

    assert _messages(exc_info) == [
        "Observers do not take part in this meeting: A closed session of the states."
    ]


def test_organisation_without_invitation_refused(meeting, staff, iom):
    with pytest.raises(ValidationError) as exc_info:
        delegation_open(meeting=meeting, organisation=iom, user=staff)

    assert _messages(exc_info) == ["This organisation is not invited to the meeting."]


def test_civil_society_consent_starts_awaited_and_blocks_registration(meeting, staff, ngo):
    invitation = observer_invitation_save(
        invitation=ObserverInvitation(meeting=meeting, organisation=ngo, email="n@example.org"),
        user=staff,
    )

    with pytest.raises(ValidationError) as exc_info:
        delegation_open(meeting=meeting, organisation=ngo, invitation=invitation, user=None)

    assert invitation.consent == Consent.AWAITED
    assert _messages(exc_info) == [
        "The participant states have not consented to this organisation taking part in the meeting."
    ]


def test_civil_society_after_objection_cannot_register(meeting, ngo):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=ngo,
                                           consent=Consent.OBJECTED,
                                           consent_date=timezone.localdate(),
                                           consent_how="Objection by note of one state")

    with pytest.raises(ValidationError):
        delegation_open(meeting=meeting, organisation=ngo, invitation=invitation, user=None)


def test_civil_society_with_consent_registers_within_its_own_limit(meeting, ngo):
    invitation = ObserverInvitationFactory(
        meeting=meeting, organisation=ngo, consent=Consent.GIVEN, max_delegation_size=1,
        consent_date=timezone.localdate(), consent_how="No objection by the deadline",
    )
    delegation = delegation_open(meeting=meeting, organisation=ngo, invitation=invitation,
                                 user=None)
    delegate_register(delegation=delegation, user=None, invitation=invitation,
                      **delegate_fields(1))

    with pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=delegation, user=None, invitation=invitation,
                          **delegate_fields(2))

    assert _messages(exc_info) == [
        "The delegation is full: at most 1 delegates, the head of delegation included."
    ]


def test_send_link_to_civil_society_without_consent_refused(meeting, staff, ngo):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=ngo,
                                           consent=Consent.AWAITED)

    with pytest.raises(ValidationError):
        observer_invitation_send(invitation=invitation, user=staff)


def test_send_link_emails_a_working_link_in_the_invitations_language(
    client, meeting, staff, iom, mailoutbox, django_capture_on_commit_callbacks,
):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        observer_invitation_send(invitation=invitation, user=staff)

    (message,) = mailoutbox
    link = next(line for line in message.body.splitlines() if "/observer-registration/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    assert message.subject == f"Invitation to observe: {meeting.title_en}"
    assert page.status_code == 200
    assert "Delegation of ORG" in page.content.decode()


def test_link_registers_the_observer_delegation(client, meeting, iom):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom)
    base = f"/en/observer-registration/{invitation_token(invitation)}/{meeting.slug}"

    response = client.post(f"{base}/delegates/add/", {
        **delegate_fields(1), "needs_visa_letter": "", "state": 1,
    })

    assert response.status_code == 302
    delegate = Delegate.objects.get()
    assert (delegate.delegation.organisation, delegate.delegation.state) == (iom, None)


def test_link_expired_not_found(client, meeting, iom):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=31)):
        token = invitation_token(invitation)

    response = client.get(f"/en/observer-registration/{token}/{meeting.slug}/")

    assert response.status_code == 404


def test_link_tampered_or_for_another_meeting_not_found(client, meeting, iom):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom)
    other = open_meeting()
    token = invitation_token(invitation)

    statuses = [
        client.get(f"/en/observer-registration/{token}x/{meeting.slug}/").status_code,
        client.get(f"/en/observer-registration/{token}/{other.slug}/").status_code,
        client.post(f"/en/observer-registration/{token}/{other.slug}/delegates/add/",
                    delegate_fields(1)).status_code,
    ]

    assert statuses == [404, 404, 404]


def test_meeting_page_lists_participants_once_registration_closed(client, kazakhstan, iom):
    meeting = open_meeting()
    DelegationFactory(meeting=meeting, state=kazakhstan)
    DelegationFactory(meeting=meeting, state=None, organisation=iom)
    DelegationFactory(meeting=meeting, status=DelegationStatus.DRAFT, submitted_at=None)
    before = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    meeting.registration_opens = timezone.now() - datetime.timedelta(days=3)
    meeting.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()

    after = client.get(f"/en/meetings/{meeting.slug}/").content.decode()

    assert "Participants" not in before
    assert "<h3>Participant states</h3>" in after
    assert "<li>Kazakhstan</li>" in after
    assert "<h3>Organisations</h3>" in after
    assert "Ivanov" not in after


# --- Consent "not needed" and a change of kind --------------------------------------------

def test_civil_society_cannot_register_on_an_invitation_whose_consent_was_not_needed(
    meeting, iom
):
    """Invited as an international organisation (no consent needed), then
    recorded as civil society without the service (a correction in the
    database): the invitation's "not needed" does not stand in for the
    states' consent."""
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom,
                                           consent=Consent.NOT_NEEDED)
    type(iom).objects.filter(pk=iom.pk).update(kind=OrganisationKind.CIVIL_SOCIETY)
    iom.refresh_from_db()

    with pytest.raises(ValidationError) as exc_info:
        delegation_open(meeting=meeting, organisation=iom, invitation=invitation, user=None)

    assert _messages(exc_info) == [
        "The participant states have not consented to this organisation taking part in the meeting."
    ]


def test_organisation_becoming_civil_society_puts_its_open_invitations_to_consent(
    meeting, staff, iom
):
    past = open_meeting(start=datetime.date(2024, 5, 1), end=datetime.date(2024, 5, 2),
                        registration_opens=None, registration_closes=None,
                        status=MeetingStatus.HELD)
    open_invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom,
                                                consent=Consent.NOT_NEEDED)
    past_invitation = ObserverInvitationFactory(meeting=past, organisation=iom,
                                                consent=Consent.NOT_NEEDED)
    iom.kind = OrganisationKind.CIVIL_SOCIETY

    messages = organisation_save(organisation=iom, user=staff)

    open_invitation.refresh_from_db()
    past_invitation.refresh_from_db()
    assert open_invitation.consent == Consent.AWAITED
    assert past_invitation.consent == Consent.NOT_NEEDED  # the record of a meeting held
    assert messages == [(
        f"{iom} is now a civil-society organisation: its invitation to {meeting} awaits the "
        "participant states' consent, and its focal point cannot register until the "
        "consent is recorded."
    )]
    with pytest.raises(ValidationError):
        delegation_open(meeting=meeting, organisation=iom, invitation=open_invitation,
                        user=None)


def test_organisation_saved_without_a_change_of_kind_leaves_invitations_alone(meeting, iom):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom,
                                           consent=Consent.NOT_NEEDED)
    iom.website = "https://www.iom.int"

    assert organisation_save(organisation=iom) == []
    invitation.refresh_from_db()
    assert invitation.consent == Consent.NOT_NEEDED


def test_admin_change_of_kind_tells_the_editor_what_happened_to_the_invitations(
    client, meeting, iom
):
    from django.contrib.auth.models import Group

    from membership.permissions import SECRETARIAT_EDITORS
    from tests.factories.membership import StaffUserFactory

    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(editor)
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=iom,
                                           consent=Consent.NOT_NEEDED)

    response = client.post(f"/en/admin/membership/organisation/{iom.pk}/change/", {
        "kind": OrganisationKind.CIVIL_SOCIETY, "name_ru": iom.name_ru, "name_en": iom.name_en,
        "acronym_ru": "", "acronym_en": "", "slug": iom.slug, "website": "",
        "is_active": "on",
        "focal_points-TOTAL_FORMS": "0", "focal_points-INITIAL_FORMS": "0",
        "focal_points-MIN_NUM_FORMS": "0", "focal_points-MAX_NUM_FORMS": "1000",
    }, follow=True)

    invitation.refresh_from_db()
    assert invitation.consent == Consent.AWAITED
    # The acronym was cleared: the organisation is called by its name.
    assert [str(m) for m in response.context["messages"]][:1] == [
        (f"IOM is now a civil-society organisation: its invitation to {meeting} awaits the "
         "participant states' consent, and its focal point cannot register until the "
         "consent is recorded."),
    ]
