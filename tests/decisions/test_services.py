"""The follow-up rules: due on or after the decision, a state exactly when
a state carries it out, coordinators update only their own state's items
with documents they may see; the packs that report on an item are told."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from archive.enums import AccessLevel
from decisions import services
from decisions.enums import FollowUpStatus, Responsible
from decisions.models import FollowUpItem
from meetings.enums import MeetingKind
from meetings.hooks import pack_contents_changed
from tests.decisions.conftest import coordinator_of
from tests.factories.archive import DocumentFactory
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def new_item(outcome, **fields):
    values = {"outcome": outcome, "action_ru": "Подготовить доклад.", "action_en": "",
              "responsible": Responsible.SUPPORT_UNIT, "due_on": D(2025, 3, 1)}
    values.update(fields)
    return FollowUpItem(**values)


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "A follow-up cannot be due before its decision was adopted (12 June 2024)."),
    ("ru", "Срок выполнения не может быть раньше даты принятия решения (12 июня 2024)."),
])
def test_follow_up_due_before_its_decision_is_refused(public_outcome, staff, lang, message):
    with translation.override(lang):
        with pytest.raises(ValidationError) as exc:
            services.follow_up_save(item=new_item(public_outcome, due_on=D(2024, 6, 11)),
                                    user=staff)
        messages = exc.value.message_dict["due_on"]  # lazy: read in the language asked

    assert messages == [message]
    assert FollowUpItem.objects.count() == 0


def test_follow_up_due_on_the_day_of_its_decision_is_recorded(public_outcome, staff):
    item = services.follow_up_save(item=new_item(public_outcome, due_on=D(2024, 6, 12)),
                                   user=staff)

    assert (item.position, item.updated_by) == (1, staff)
    assert item.history.first().history_user == staff


def test_state_required_exactly_when_a_state_carries_it_out(public_outcome, kazakhstan):
    with translation.override("en"):
        with pytest.raises(ValidationError) as missing:
            services.follow_up_save(item=new_item(public_outcome, responsible=Responsible.STATE))
        with pytest.raises(ValidationError) as extra:
            services.follow_up_save(item=new_item(public_outcome, state=kazakhstan))

        assert missing.value.message_dict["state"] == ["Choose the state that carries it out."]
        assert extra.value.message_dict["state"] == [
            "A state is chosen only when a participant state carries it out."]


def test_coordinator_updates_own_state_item_with_evidence(public_outcome, kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    user = coordinator_of(kazakhstan)
    report = DocumentFactory(title_en="Report on the seminar")

    updated = services.follow_up_report(item=item, user=user, status=FollowUpStatus.DONE,
                                        note="Семинар проведён.", evidence=report)

    assert (updated.status, updated.note, updated.updated_by) == (
        FollowUpStatus.DONE, "Семинар проведён.", user)
    assert list(updated.evidence.all()) == [report]
    assert updated.history.first().history_user == user


def test_coordinator_cannot_update_another_state_item(public_outcome, kazakhstan, kyrgyzstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kyrgyzstan)

    with pytest.raises(PermissionDenied):
        services.follow_up_report(item=item, user=coordinator_of(kazakhstan),
                                  status=FollowUpStatus.DONE, note="")

    item.refresh_from_db()
    assert item.status == FollowUpStatus.NOT_STARTED


def test_coordinator_cannot_give_evidence_they_may_not_see(public_outcome, kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    secret = DocumentFactory(access=AccessLevel.SECRETARIAT)

    with pytest.raises(ValidationError):
        services.follow_up_report(item=item, user=coordinator_of(kazakhstan),
                                  status=FollowUpStatus.DONE, note="", evidence=secret)

    assert list(item.evidence.all()) == []


@time_machine.travel(datetime.datetime(2024, 9, 1, 6, tzinfo=datetime.UTC), tick=False)
def test_item_change_tells_the_coming_som_packs(public_outcome, kazakhstan):
    past_som = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2024, 8, 1),
                              end=D(2024, 8, 2))
    next_som = MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2025, 6, 10),
                              end=D(2025, 6, 11))
    MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2025, 2, 1), end=D(2025, 2, 1))
    told = []

    def listener(sender, meeting_ids, **kwargs):
        told.append(sorted(meeting_ids))

    pack_contents_changed.connect(listener, dispatch_uid="test_decisions_listener")
    try:
        item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
        item.evidence.add(DocumentFactory())
    finally:
        pack_contents_changed.disconnect(dispatch_uid="test_decisions_listener")

    assert told == [[next_som.pk], [next_som.pk]]
    assert past_som.pk not in told[0]
