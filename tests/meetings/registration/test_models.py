"""What the database itself refuses in registrations, whatever the code
path: the constraints hold even if a service forgot a rule."""

import pytest
from django.db import IntegrityError, transaction

from meetings.enums import Accreditation, DelegateRole
from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory
from tests.factories.membership import OrganisationFactory, ParticipantStateFactory

pytestmark = pytest.mark.django_db


def test_delegation_second_for_same_state_and_meeting_refused():
    first = DelegationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(meeting=first.meeting, state=first.state)


def test_delegation_second_for_same_organisation_and_meeting_refused():
    organisation = OrganisationFactory()
    first = DelegationFactory(state=None, organisation=organisation)

    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(meeting=first.meeting, state=None, organisation=organisation)


def test_delegation_of_both_state_and_organisation_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegationFactory(organisation=OrganisationFactory())


def test_delegate_second_head_in_delegation_refused():
    head = DelegateFactory(role=DelegateRole.HEAD)

    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(delegation=head.delegation, role=DelegateRole.HEAD)


def test_delegate_same_email_in_another_delegation_of_meeting_refused():
    meeting = MeetingFactory()
    DelegateFactory(delegation=DelegationFactory(meeting=meeting), email="a.b@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(delegation=DelegationFactory(meeting=meeting), email="A.B@example.org")


def test_delegate_same_email_in_another_meeting_allowed():
    state = ParticipantStateFactory()
    DelegateFactory(delegation=DelegationFactory(state=state), email="a.b@example.org")

    second = DelegateFactory(delegation=DelegationFactory(state=state), email="a.b@example.org")

    assert second.pk is not None


def test_delegate_declined_without_reason_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(accreditation=Accreditation.DECLINED, accreditation_reason="")
