"""Confirmation and accreditation emails: each in the recipient's own
language (subject, body and the attached .ics alike), sent by Celery."""

from __future__ import annotations

import email

import icalendar
import pytest

from meetings import tasks
from meetings.enums import Accreditation, DelegateRole
from meetings.services.accreditation import delegate_decide_accreditation
from tests.factories.meetings import DelegateFactory, DelegationFactory

from .conftest import coordinator_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegation(meeting, kazakhstan):
    coordinator_of(kazakhstan, language="ru")
    delegation = DelegationFactory(meeting=meeting, state=kazakhstan)
    DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, preferred_language="en",
                    email="head@example.kz")
    return delegation


def _ics_summary(message) -> str:
    (name, content, mimetype), = message.attachments
    calendar = icalendar.Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return name, mimetype, str(event["SUMMARY"])


def test_confirmation_each_in_recipients_language(delegation, mailoutbox):
    meeting = delegation.meeting

    sent = tasks.send_registration_confirmation(delegation.pk)

    to_coordinator, to_head = mailoutbox
    assert sent == 2
    assert (to_coordinator.subject, to_coordinator.extra_headers["Content-Language"]) == (
        f"Делегация зарегистрирована: {meeting.title_ru}", "ru",
    )
    assert "Служба поддержки рассмотрит аккредитацию" in to_coordinator.body
    assert meeting.title_en not in to_coordinator.body
    assert _ics_summary(to_coordinator) == ("meeting.ics", "text/calendar", meeting.title_ru)
    assert (to_head.to, to_head.subject) == (
        ["head@example.kz"], f"You are registered for {meeting.title_en}",
    )
    assert meeting.title_ru not in to_head.body
    assert _ics_summary(to_head)[2] == meeting.title_en


def test_accreditation_declined_email_gives_the_reason(delegation, staff, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    head = delegation.delegates.get()

    with django_capture_on_commit_callbacks(execute=True):
        delegate_decide_accreditation(delegate=head, decision=Accreditation.DECLINED,
                                      user=staff, reason="Passport copy missing")

    to_head, to_coordinator = mailoutbox
    assert to_head.subject == f"Accreditation declined: {delegation.meeting.title_en}"
    assert "Reason: Passport copy missing" in to_head.body
    assert to_coordinator.subject == (
        f"Аккредитация отклонена: {delegation.meeting.title_ru}"
    )
    assert "Причина: Passport copy missing" in to_coordinator.body


def test_calendar_attachment_has_one_charset(delegation, mailoutbox):
    """Issue 24: the header read ``text/calendar; charset="utf-8"; charset="utf-8"``."""
    tasks.send_registration_confirmation(delegation.pk)

    sent = email.message_from_bytes(mailoutbox[0].message().as_bytes())
    (part,) = [p for p in sent.walk() if p.get_content_type() == "text/calendar"]
    assert part["Content-Type"].count("charset") == 1
    assert part.get_content_charset() == "utf-8"


def test_accreditation_declined_email_has_no_calendar(delegation, staff, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    """Issue 24: a declined delegate was still sent the meeting's .ics."""
    head = delegation.delegates.get()

    with django_capture_on_commit_callbacks(execute=True):
        delegate_decide_accreditation(delegate=head, decision=Accreditation.DECLINED,
                                      user=staff, reason="Passport copy missing")

    assert [(m.to, m.attachments) for m in mailoutbox] == [
        (["head@example.kz"], []), ([mailoutbox[1].to[0]], []),
    ]


def test_accreditation_approved_email_has_the_calendar(delegation, staff, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    head = delegation.delegates.get()

    with django_capture_on_commit_callbacks(execute=True):
        delegate_decide_accreditation(delegate=head, decision=Accreditation.APPROVED, user=staff)

    assert [_ics_summary(m)[0] for m in mailoutbox] == ["meeting.ics", "meeting.ics"]


def test_confirmation_task_of_a_withdrawn_delegation_sends_nothing(mailoutbox):
    assert tasks.send_registration_confirmation(987654) == 0
    assert mailoutbox == []


@pytest.mark.celery_worker
def test_confirmation_through_the_worker(celery_worker, delegation):
    result = tasks.send_registration_confirmation.delay(delegation.pk)

    assert result.get(timeout=60) == 2


@pytest.mark.celery_worker
def test_accreditation_decisions_through_the_worker(celery_worker, delegation):
    """The batch's task takes a list of ids (JSON) through the broker."""
    delegation.delegates.update(accreditation=Accreditation.APPROVED)
    head = delegation.delegates.get()

    result = tasks.send_accreditation_decisions.delay([head.pk])

    assert result.get(timeout=60) == 2
