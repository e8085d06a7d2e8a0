import datetime

import pytest

from meetings.enums import Accreditation, DelegateRole, DelegationGroup, DelegationStatus
from meetings.selectors import delegations_for_pack
from membership.enums import MembershipStatus, OrganisationKind
from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory
from tests.factories.membership import (
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantStateFactory,
)

pytestmark = pytest.mark.django_db


def test_delegations_for_pack_protocol_order_with_heads(django_assert_num_queries):
    meeting = MeetingFactory(start=datetime.date(2024, 10, 15))
    turkey = ParticipantStateFactory(name_en="Türkiye", rotation_key="Turkey")
    afghanistan = ParticipantStateFactory(name_en="Afghanistan", rotation_key="Afghanistan")
    pending = ParticipantStateFactory(name_en="Zeta", rotation_key="Zeta", participant_since=False)
    MembershipPeriodFactory(state=pending, status=MembershipStatus.PENDING,
                            start=datetime.date(2024, 1, 1), deadline=datetime.date(2025, 1, 1))
    iom = OrganisationFactory(name_en="IOM", kind=OrganisationKind.INTERNATIONAL)
    observer_state = OrganisationFactory(name_en="Japan", kind=OrganisationKind.STATE)
    delegations = {
        "turkey": DelegationFactory(meeting=meeting, state=turkey),
        "afghanistan": DelegationFactory(meeting=meeting, state=afghanistan),
        "pending": DelegationFactory(meeting=meeting, state=pending),
        "iom": DelegationFactory(meeting=meeting, state=None, organisation=iom),
        "japan": DelegationFactory(meeting=meeting, state=None, organisation=observer_state),
    }
    DelegationFactory(meeting=meeting, status=DelegationStatus.DRAFT, submitted_at=None)
    head = DelegateFactory(delegation=delegations["turkey"], role=DelegateRole.HEAD)
    DelegateFactory(delegation=delegations["turkey"])
    DelegateFactory(delegation=delegations["iom"], role=DelegateRole.HEAD,
                    accreditation=Accreditation.DECLINED, accreditation_reason="No note")

    with django_assert_num_queries(2):
        entries = delegations_for_pack(meeting=meeting)

    assert [(e.delegation.pk, e.group) for e in entries] == [
        (delegations["afghanistan"].pk, DelegationGroup.PARTICIPANT_STATES),
        (delegations["turkey"].pk, DelegationGroup.PARTICIPANT_STATES),
        (delegations["japan"].pk, DelegationGroup.OBSERVER_STATES),
        (delegations["pending"].pk, DelegationGroup.OBSERVER_STATES),
        (delegations["iom"].pk, DelegationGroup.ORGANISATIONS),
    ]
    assert [e.head for e in entries] == [None, head, None, None, None]
