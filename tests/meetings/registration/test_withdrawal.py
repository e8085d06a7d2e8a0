"""Issue 24: withdrawing a whole delegation keeps the record (status,
who and when, the delegates as they were), tells the delegates and the
Support Unit, leaves the participants' lists and exports, and is undone
until registration closes (meetings.services.withdrawal)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError

from meetings import pdf, tasks
from meetings.enums import Accreditation, DelegateRole, DelegationStatus
from meetings.selectors import delegations_for_pack, meeting_participants
from meetings.services.registration import delegate_register, delegation_open
from meetings.services.withdrawal import delegation_restore, delegation_withdraw
from tests.factories.meetings import DelegateFactory, DelegationFactory
from tests.factories.membership import StaffUserFactory, UserFactory

from .conftest import delegate_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_unit():
    """A member of the Support Unit who handles registrations (Russian),
    and a staff member without that permission (told nothing)."""
    group = Group.objects.create(name="Registrations")
    group.permissions.add(Permission.objects.get(content_type__app_label="meetings",
                                                 codename="change_delegation"))
    member = StaffUserFactory(email="registrations@support.example", preferred_language="ru")
    member.groups.add(group)
    StaffUserFactory(email="editor@support.example", preferred_language="en")
    return member


@pytest.fixture
def submitted(meeting, kazakhstan, coordinator):
    """Kazakhstan's submitted delegation: an approved head (English) and a
    pending delegate (Russian)."""
    delegation = DelegationFactory(meeting=meeting, state=kazakhstan)
    DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, email="head@example.kz",
                    surname_latin="Akhmetov", given_names_latin="Erlan",
                    preferred_language="en", accreditation=Accreditation.APPROVED)
    DelegateFactory(delegation=delegation, email="adviser@example.kz",
                    surname_latin="Nurlanova", given_names_latin="Aliia",
                    preferred_language="ru")
    return delegation


def _state(delegation):
    delegation.refresh_from_db()
    return (delegation.status, sorted(delegation.delegates.values_list(
        "surname_latin", "role", "accreditation")))


def test_withdraw_keeps_the_delegation_and_its_delegates(submitted, coordinator):
    moment = submitted.meeting.registration_opens + datetime.timedelta(hours=2)
    with time_machine.travel(moment, tick=False):
        delegation_withdraw(delegation=submitted, user=coordinator)

    submitted.refresh_from_db()
    assert _state(submitted) == (DelegationStatus.WITHDRAWN, [
        ("Akhmetov", DelegateRole.HEAD, Accreditation.APPROVED),
        ("Nurlanova", DelegateRole.DELEGATE, Accreditation.PENDING),
    ])
    assert (submitted.withdrawn_by, submitted.withdrawn_at) == (coordinator, moment)
    recorded = submitted.history.get(history_change_reason="delegation withdrawn")
    assert (recorded.history_user, recorded.history_date) == (coordinator, moment)


def test_withdrawn_delegation_is_refused_changes_until_restored(submitted, meeting, kazakhstan,
                                                               coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)

    with pytest.raises(ValidationError) as opened:
        delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    with pytest.raises(ValidationError) as added:
        delegate_register(delegation=submitted, user=coordinator, **delegate_fields(5))

    expected = ["This delegation was withdrawn. Restore it from its page to change it."]
    assert (opened.value.messages, added.value.messages) == (expected, expected)
    assert submitted.delegates.count() == 2


def test_withdraw_emails_delegates_and_support_unit_each_in_their_language(
    submitted, coordinator, support_unit, mailoutbox, django_capture_on_commit_callbacks,
):
    meeting = submitted.meeting

    with django_capture_on_commit_callbacks(execute=True):
        delegation_withdraw(delegation=submitted, user=coordinator)

    to_head, to_adviser, to_support = mailoutbox
    assert [m.to for m in mailoutbox] == [
        ["head@example.kz"], ["adviser@example.kz"], ["registrations@support.example"],
    ]
    assert (to_head.subject, to_head.extra_headers["Content-Language"]) == (
        f"Your registration is withdrawn: {meeting.title_en}", "en",
    )
    assert "you are no longer registered for the meeting" in to_head.body
    # Russian: the language the catalogue gives (its new wording is
    # pending translation, var/i18n-pending/H.po), the Russian title only.
    for message in (to_adviser, to_support):
        assert message.extra_headers["Content-Language"] == "ru"
        assert meeting.title_ru in message.subject
        assert meeting.title_en not in message.subject + message.body
        assert "Служба поддержки Алматинского процесса" in message.body
    assert "Казахстан" in to_support.subject
    assert "Делегаты:" in to_support.body
    assert "Erlan Akhmetov" in to_support.body
    assert "Одобрена" in to_support.body
    assert f"/admin/meetings/delegation/{submitted.pk}/change/" in to_support.body
    assert all(m.attachments == [] for m in mailoutbox)


def test_withdrawal_rolled_back_sends_nothing(submitted, coordinator, support_unit, mailoutbox,
                                              django_capture_on_commit_callbacks):
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          pytest.raises(PermissionDenied)):
        delegation_withdraw(delegation=submitted, user=UserFactory())

    assert (callbacks, mailoutbox, _state(submitted)[0]) == ([], [], DelegationStatus.SUBMITTED)


def test_withdrawn_delegation_leaves_participants_lists_and_exports(submitted, coordinator):
    meeting = submitted.meeting
    DelegateFactory(delegation=DelegationFactory(meeting=meeting), surname_latin="Rahimov")

    delegation_withdraw(delegation=submitted, user=coordinator)

    _header, rows = pdf.participants_table(meeting=meeting)
    assert [row[3] for row in rows] == ["Rahimov"]
    assert "Kazakhstan" not in [row.name for row in delegations_for_pack(meeting=meeting)]
    assert "Kazakhstan" not in [name for _g, names in meeting_participants(meeting=meeting)
                                for name in names]
    assert b"Akhmetov" not in pdf.participants_csv(meeting=meeting)


def test_restore_before_the_deadline_brings_the_delegation_back_as_it_was(
    submitted, coordinator, support_unit, mailoutbox, django_capture_on_commit_callbacks,
):
    delegation_withdraw(delegation=submitted, user=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        delegation_restore(delegation=submitted, user=coordinator)

    assert _state(submitted) == (DelegationStatus.SUBMITTED, [
        ("Akhmetov", DelegateRole.HEAD, Accreditation.APPROVED),
        ("Nurlanova", DelegateRole.DELEGATE, Accreditation.PENDING),
    ])
    assert (submitted.withdrawn_at, submitted.withdrawn_by) == (None, None)
    assert [m.to for m in mailoutbox] == [
        ["head@example.kz"], ["adviser@example.kz"], ["registrations@support.example"],
    ]
    assert mailoutbox[0].subject == (
        f"Your registration is restored: {submitted.meeting.title_en}"
    )
    assert "you are registered again, as before" in mailoutbox[0].body


def test_restore_of_a_draft_gives_a_draft(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator, **delegate_fields(1))
    delegation_withdraw(delegation=delegation, user=coordinator)

    delegation_restore(delegation=delegation, user=coordinator)

    assert _state(delegation)[0] == DelegationStatus.DRAFT


def test_restore_after_the_deadline_refused_to_the_coordinator(submitted, coordinator, staff):
    meeting = submitted.meeting
    delegation_withdraw(delegation=submitted, user=coordinator)

    with time_machine.travel(meeting.registration_closes + datetime.timedelta(minutes=1),
                             tick=False):
        with pytest.raises(ValidationError) as refused:
            delegation_restore(delegation=submitted, user=coordinator)
        status_after_refusal = _state(submitted)[0]
        delegation_restore(delegation=submitted, user=staff)  # the secretariat may

    assert refused.value.code == "restore_closed"
    assert refused.value.messages[0].startswith(
        "The delegation can no longer be restored: registration closed on ")
    assert status_after_refusal == DelegationStatus.WITHDRAWN
    assert _state(submitted)[0] == DelegationStatus.SUBMITTED


def test_restore_over_a_lowered_size_limit_refused(submitted, coordinator):
    delegation_withdraw(delegation=submitted, user=coordinator)
    meeting = submitted.meeting
    meeting.max_delegation_size = 1
    meeting.save()

    with pytest.raises(ValidationError) as refused:
        delegation_restore(delegation=submitted, user=coordinator)

    assert refused.value.messages == [(
        "The delegation cannot be restored: it has 2 delegates and the meeting now allows at "
        "most 1. Ask the Support Unit to withdraw or decline some first."
    )]
    assert _state(submitted)[0] == DelegationStatus.WITHDRAWN


def test_another_states_coordinator_can_neither_withdraw_nor_restore(submitted, coordinator,
                                                                    other_coordinator):
    with pytest.raises(PermissionDenied):
        delegation_withdraw(delegation=submitted, user=other_coordinator)
    delegation_withdraw(delegation=submitted, user=coordinator)
    with pytest.raises(PermissionDenied):
        delegation_restore(delegation=submitted, user=other_coordinator)

    assert _state(submitted)[0] == DelegationStatus.WITHDRAWN


def test_withdrawal_notice_not_sent_once_the_delegation_is_restored(submitted, coordinator,
                                                                    support_unit, mailoutbox):
    delegation_withdraw(delegation=submitted, user=coordinator)
    delegation_restore(delegation=submitted, user=coordinator)

    sent = tasks.send_delegation_withdrawal(submitted.pk, restored=False)

    assert (sent, mailoutbox) == (0, [])
