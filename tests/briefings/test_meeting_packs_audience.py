"""A meeting page's packs are kept for two audiences (issue 25): every pack
of the meeting, or its public ones. Which audience a reader is in, and what
each audience gets, must be exactly the one access rule
(``packs_visible_to``) for every kind of reader and every kind of pack."""

from __future__ import annotations

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from briefings.enums import PackKind, PackStatus
from briefings.models import BriefingPack
from briefings.selectors import packs_audience, packs_of_meeting, packs_visible_to
from meetings.enums import DelegationStatus
from tests.factories.meetings import DelegationFactory, MeetingFactory
from tests.factories.membership import (
    FocalPointFactory,
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _coordinator(state):
    user = UserFactory()
    NationalCoordinatorFactory(state=state, user=user)
    return user


COMBINATIONS = list(itertools.product(
    PackKind.values, (False, True), (False, True), (PackStatus.DONE, PackStatus.RUNNING)))


@pytest.mark.parametrize(("kind", "restricted", "file_restricted", "status"), COMBINATIONS)
def test_each_readers_audience_gets_exactly_what_the_access_rule_allows(
    kind, restricted, file_restricted, status,
):
    meeting, other = MeetingFactory(), MeetingFactory()
    for target in (meeting, other):
        for language in ("ru", "en"):
            BriefingPack.objects.create(
                meeting=target, kind=kind, language=language, restricted=restricted,
                file_restricted=file_restricted, status=status, version=1,
                # A pack not built yet has no file (and cannot be done).
                file=f"packs/{target.pk}-{language}.pdf"
                if language == "ru" or status == PackStatus.DONE else "",
            )
    registered_state, other_state = ParticipantStateFactory(), ParticipantStateFactory()
    DelegationFactory(meeting=meeting, state=registered_state)
    DelegationFactory(meeting=meeting, state=other_state, status=DelegationStatus.DRAFT)
    DelegationFactory(meeting=other, state=other_state)
    focal_point = UserFactory()
    FocalPointFactory(user=focal_point)
    readers = {
        "visitor": AnonymousUser(), "staff": StaffUserFactory(),
        "registered coordinator": _coordinator(registered_state),
        "coordinator with a draft": _coordinator(other_state),
        "signed-in user of no party": UserFactory(), "focal point": focal_point,
    }

    for name, user in readers.items():
        rule = set(packs_visible_to(user=user).filter(meeting=meeting))
        kept = set(packs_of_meeting(meeting=meeting,
                                    audience=packs_audience(user=user, meeting=meeting)))
        assert kept == rule, name
    assert packs_audience(user=readers["registered coordinator"], meeting=meeting) == "all"
    assert packs_audience(user=readers["coordinator with a draft"], meeting=meeting) == "public"
