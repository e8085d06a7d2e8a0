"""The rules of registration, each through meetings.services.registration."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from core.transliteration import to_latin
from meetings.enums import Accreditation, DelegateRole, DelegationStatus
from meetings.models import Delegate
from meetings.services.accreditation import delegate_decide_accreditation
from meetings.services.registration import (
    delegate_register,
    delegate_update,
    delegate_withdraw,
    delegation_attach_credentials,
    delegation_open,
    delegation_submit,
)
from meetings.services.withdrawal import delegation_withdraw
from membership.enums import MembershipStatus, OrganisationKind
from tests.factories.meetings import ObserverInvitationFactory
from tests.factories.membership import (
    MembershipPeriodFactory,
    OrganisationFactory,
    ParticipantStateFactory,
)

from .conftest import coordinator_of, delegate_fields, open_meeting

pytestmark = pytest.mark.django_db


def _messages(exc_info) -> list[str]:
    return [str(m) for m in exc_info.value.messages]


# --- Window -----------------------------------------------------------------------------

def test_delegation_open_within_window_creates_a_draft(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)

    assert (delegation.status, delegation.state, delegation.created_by) == (
        DelegationStatus.DRAFT, kazakhstan, coordinator,
    )


def test_delegation_open_before_opening_refused(kazakhstan, coordinator):
    now = timezone.now()
    meeting = open_meeting(registration_opens=now + datetime.timedelta(hours=1),
                           registration_closes=now + datetime.timedelta(days=3))

    with pytest.raises(ValidationError) as exc_info:
        delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)

    assert _messages(exc_info) == ["Registration for this meeting is not open."]


@pytest.mark.dates
def test_delegate_register_after_closing_refused_in_meeting_time_zone(
    meeting, kazakhstan, coordinator,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    meeting.time_zone = "Asia/Dushanbe"  # UTC+5 as well, named in the message
    meeting.registration_closes = datetime.datetime(2030, 5, 1, 18, 0, tzinfo=datetime.UTC)
    meeting.save()

    with time_machine.travel(datetime.datetime(2030, 5, 1, 18, 0, tzinfo=datetime.UTC)), \
            pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields())

    assert _messages(exc_info) == [
        "Registration for this meeting closed on 01.05.2030 23:00 (Asia/Dushanbe)."
    ]


def test_delegate_register_after_closing_allowed_to_secretariat(
    kazakhstan, coordinator, staff,
):
    meeting = open_meeting()
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    meeting.registration_opens = timezone.now() - datetime.timedelta(days=5)
    meeting.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()

    delegate = delegate_register(delegation=delegation, user=staff, **delegate_fields())

    assert delegate.created_by == staff


# --- Who may act ------------------------------------------------------------------------

def test_delegation_open_for_another_state_forbidden(meeting, kyrgyzstan, coordinator):
    with pytest.raises(PermissionDenied):
        delegation_open(meeting=meeting, state=kyrgyzstan, user=coordinator)


def test_delegate_register_in_another_states_delegation_forbidden(
    meeting, kyrgyzstan, coordinator, other_coordinator,
):
    theirs = delegation_open(meeting=meeting, state=kyrgyzstan, user=other_coordinator)

    with pytest.raises(PermissionDenied):
        delegate_register(delegation=theirs, user=coordinator, **delegate_fields())

    assert theirs.delegates.count() == 0


def test_delegate_update_of_another_states_delegate_forbidden(
    meeting, kyrgyzstan, coordinator, other_coordinator,
):
    theirs = delegation_open(meeting=meeting, state=kyrgyzstan, user=other_coordinator)
    delegate = delegate_register(delegation=theirs, user=other_coordinator, **delegate_fields())

    with pytest.raises(PermissionDenied):
        delegate_update(delegate=delegate, user=coordinator, data={"position": "Spy"})
    with pytest.raises(PermissionDenied):
        delegate_withdraw(delegate=delegate, user=coordinator)

    delegate.refresh_from_db()
    assert delegate.position == "Director"


# --- Limits, head, duplicates ------------------------------------------------------------

def test_delegate_register_over_the_size_limit_refused(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    for n in range(3):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))

    with pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(9))

    assert _messages(exc_info) == [
        "The delegation is full: at most 3 delegates, the head of delegation included."
    ]
    assert delegation.delegates.count() == 3


def test_observer_delegations_are_held_to_the_observer_limit(kazakhstan, coordinator, staff):
    """A meeting of 3 delegates per participant state and 1 per observer: a
    pending state (an observer until it joins) and an invited organisation
    each register one delegate and are refused the second, with the
    observer limit in the message; a participant state registers three."""
    meeting = open_meeting(max_delegation_size=3, max_observer_delegation_size=1)
    pending = ParticipantStateFactory(name_en="Zeta", rotation_key="Zeta", participant_since=False)
    MembershipPeriodFactory(state=pending, status=MembershipStatus.PENDING,
                            start=datetime.date(2020, 1, 1),
                            deadline=meeting.start + datetime.timedelta(days=365))
    iom = OrganisationFactory(name_en="IOM", kind=OrganisationKind.INTERNATIONAL)
    ObserverInvitationFactory(meeting=meeting, organisation=iom,
                              max_delegation_size=meeting.max_observer_delegation_size)
    pending_coordinator = coordinator_of(pending)
    observers = [
        (delegation_open(meeting=meeting, state=pending, user=pending_coordinator),
         pending_coordinator),
        (delegation_open(meeting=meeting, organisation=iom, user=staff), staff),
    ]
    participant = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)

    refusals = []
    for n, (delegation, user) in enumerate(observers):
        delegate_register(delegation=delegation, user=user, **delegate_fields(10 * n))
        with pytest.raises(ValidationError) as exc_info:
            delegate_register(delegation=delegation, user=user, **delegate_fields(10 * n + 1))
        refusals.append(_messages(exc_info))
    for n in range(3):
        delegate_register(delegation=participant, user=coordinator, **delegate_fields(50 + n))

    assert refusals == [
        ["The delegation is full: at most 1 delegates, the head of delegation included."],
    ] * 2
    assert [d.delegates.count() for d, _user in observers] == [1, 1]
    assert participant.delegates.count() == 3


def test_delegate_register_over_the_limit_refused_in_russian(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    for n in range(3):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))

    with translation.override("ru"), pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(9))

    with translation.override("ru"):
        assert _messages(exc_info) == [
            "Делегация укомплектована: не более 3 делегатов, включая главу делегации."
        ]


def test_delegate_declined_frees_a_place(meeting, kazakhstan, coordinator, staff):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    first = delegate_register(delegation=delegation, user=coordinator, **delegate_fields(0))
    for n in (1, 2):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))
    delegate_decide_accreditation(delegate=first, decision=Accreditation.DECLINED, user=staff,
                                  reason="Not a government official")

    added = delegate_register(delegation=delegation, user=coordinator, **delegate_fields(3))

    assert added.pk is not None


def test_delegate_register_second_head_refused(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator, **delegate_fields(1, role="head"))

    with pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=delegation, user=coordinator,
                          **delegate_fields(2, role="head"))

    assert exc_info.value.message_dict == {
        "role": ["The delegation already has a head of delegation."]
    }


def test_delegate_register_same_email_in_another_delegation_refused(
    meeting, kazakhstan, kyrgyzstan, coordinator, other_coordinator,
):
    theirs = delegation_open(meeting=meeting, state=kyrgyzstan, user=other_coordinator)
    delegate_register(delegation=theirs, user=other_coordinator,
                      **delegate_fields(1, email="Same.Person@example.org"))
    ours = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)

    with pytest.raises(ValidationError) as exc_info:
        delegate_register(delegation=ours, user=coordinator,
                          **delegate_fields(2, email="same.person@EXAMPLE.org"))

    assert exc_info.value.message_dict == {
        "email": ["This person (email) is already registered for the meeting."]
    }


# --- Submission ---------------------------------------------------------------------------

def test_delegation_submit_without_head_or_note_refused(meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator, **delegate_fields(1))

    with pytest.raises(ValidationError) as exc_info:
        delegation_submit(delegation=delegation, user=coordinator)

    assert _messages(exc_info) == [
        "Name the head of delegation before submitting.",
        "Upload the note verbale that nominates the delegation before submitting.",
    ]


def test_delegation_submit_with_head_and_note_sends_confirmations(
    meeting, kazakhstan, coordinator, note_verbale, credentials_dir, mailoutbox,
    django_capture_on_commit_callbacks,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator,
                      **delegate_fields(1, role="head", preferred_language="en"))
    delegate_register(delegation=delegation, user=coordinator, **delegate_fields(2))
    delegation_attach_credentials(delegation=delegation, upload=note_verbale, user=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        submitted = delegation_submit(delegation=delegation, user=coordinator)

    assert submitted.status == DelegationStatus.SUBMITTED
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [coordinator.email, "delegate1@example.kz", "delegate2@example.kz"]
    )


def test_delegation_attach_credentials_not_a_pdf_refused(meeting, kazakhstan, coordinator,
                                                         credentials_dir):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    fake = SimpleUploadedFile("note.pdf", "Нота вербальная".encode(),
                              content_type="application/pdf")

    with pytest.raises(ValidationError) as exc_info:
        delegation_attach_credentials(delegation=delegation, upload=fake, user=coordinator)

    assert exc_info.value.message_dict == {"credentials": ["The note verbale must be a PDF file."]}
    assert list(credentials_dir.rglob("*.pdf")) == []


def test_delegation_attach_credentials_stored_privately(meeting, kazakhstan, coordinator,
                                                        note_verbale, credentials_dir):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)

    stored = delegation_attach_credentials(delegation=delegation, upload=note_verbale,
                                           user=coordinator)

    assert stored.credentials_name == "Нота вербальная.pdf"
    assert stored.credentials.name.startswith("meetings/credentials/")
    assert (credentials_dir / stored.credentials.name).read_bytes()[:5] == b"%PDF-"


def _submitted(meeting, state, user, note_verbale):
    delegation = delegation_open(meeting=meeting, state=state, user=user)
    head = delegate_register(delegation=delegation, user=user, **delegate_fields(1, role="head"))
    other = delegate_register(delegation=delegation, user=user, **delegate_fields(2))
    delegation_attach_credentials(delegation=delegation, upload=note_verbale, user=user)
    delegation_submit(delegation=delegation, user=user)
    return delegation, head, other


def test_delegate_named_head_of_submitted_delegation_demotes_former_head(
    meeting, kazakhstan, coordinator, note_verbale, credentials_dir,
):
    _delegation, head, other = _submitted(meeting, kazakhstan, coordinator, note_verbale)

    delegate_update(delegate=other, user=coordinator, data={"role": DelegateRole.HEAD},
                    head_change_confirmed=True)

    head.refresh_from_db()
    other.refresh_from_db()
    assert (head.role, other.role) == (DelegateRole.DELEGATE, DelegateRole.HEAD)


def test_delegate_named_head_without_confirmation_changes_nothing(
    meeting, kazakhstan, coordinator, staff, note_verbale, credentials_dir,
):
    """Issue 24: a new head demoted the former one silently; the service
    now asks first, naming both, and writes nothing until confirmed."""
    _delegation, head, other = _submitted(meeting, kazakhstan, coordinator, note_verbale)
    delegate_decide_accreditation(delegate=head, decision=Accreditation.APPROVED, user=staff)

    with pytest.raises(ValidationError) as exc_info:
        delegate_update(delegate=other, user=coordinator, data={"role": DelegateRole.HEAD})

    head.refresh_from_db()
    other.refresh_from_db()
    assert _messages(exc_info) == [(
        "Erlan Akhmetov2 becomes head of delegation instead of Erlan Akhmetov1; Erlan Akhmetov1 "
        "becomes a delegate. The accreditation of both goes back to the Support Unit for review "
        "(an approval or a refusal already given no longer holds)."
    )]
    assert (head.role, head.accreditation, other.role) == (
        DelegateRole.HEAD, Accreditation.APPROVED, DelegateRole.DELEGATE,
    )


def test_delegate_named_head_confirmed_returns_both_to_review(
    meeting, kazakhstan, coordinator, staff, note_verbale, credentials_dir,
):
    _delegation, head, other = _submitted(meeting, kazakhstan, coordinator, note_verbale)
    delegate_decide_accreditation(delegate=head, decision=Accreditation.APPROVED, user=staff)
    delegate_decide_accreditation(delegate=other, decision=Accreditation.APPROVED, user=staff)

    changed = delegate_update(delegate=other, user=coordinator,
                              data={"role": DelegateRole.HEAD}, head_change_confirmed=True)

    head.refresh_from_db()
    assert (changed.former_head, head.role, head.accreditation, changed.accreditation) == (
        head, DelegateRole.DELEGATE, Accreditation.PENDING, Accreditation.PENDING,
    )


def test_delegate_withdraw_head_of_submitted_delegation_refused(
    meeting, kazakhstan, coordinator, note_verbale, credentials_dir,
):
    _delegation, head, _other = _submitted(meeting, kazakhstan, coordinator, note_verbale)

    with pytest.raises(ValidationError) as exc_info:
        delegate_withdraw(delegate=head, user=coordinator)

    assert _messages(exc_info) == [
        ("The head of a submitted delegation cannot be withdrawn alone: name another head of "
        "delegation first.")
    ]


# --- Changes, accreditation, history -------------------------------------------------------

def test_delegate_change_after_approval_returns_to_review(meeting, kazakhstan, coordinator,
                                                          staff):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())
    delegate_decide_accreditation(delegate=delegate, decision=Accreditation.APPROVED, user=staff)

    changed = delegate_update(delegate=delegate, user=coordinator,
                              data={"position": "Deputy Minister"})

    assert (changed.accreditation, changed.accreditation_decided_by) == (
        Accreditation.PENDING, None,
    )
    assert [h.history_type for h in Delegate.history.filter(id=delegate.pk).order_by(
        "history_date")] == ["+", "~", "~"]
    assert Delegate.history.filter(id=delegate.pk).latest().history_user == coordinator


def test_delegate_decline_without_reason_refused(meeting, kazakhstan, coordinator, staff):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())

    with pytest.raises(ValidationError) as exc_info:
        delegate_decide_accreditation(delegate=delegate, decision=Accreditation.DECLINED,
                                      user=staff, reason="  ")

    assert exc_info.value.message_dict == {
        "accreditation_reason": ["Say why the accreditation is declined."]
    }


def test_delegate_decide_accreditation_by_coordinator_forbidden(meeting, kazakhstan,
                                                                 coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())

    with pytest.raises(PermissionDenied):
        delegate_decide_accreditation(delegate=delegate, decision=Accreditation.APPROVED,
                                      user=coordinator)


def test_delegate_withdraw_after_deadline_refused_to_coordinator_allowed_to_staff(
    kazakhstan, coordinator, staff,
):
    meeting = open_meeting()
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())
    meeting.registration_opens = timezone.now() - datetime.timedelta(days=5)
    meeting.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()

    with pytest.raises(ValidationError):
        delegate_withdraw(delegate=delegate, user=coordinator)
    delegate_withdraw(delegate=delegate, user=staff)

    assert delegation.delegates.count() == 0


def test_delegation_withdraw_keeps_delegates_and_their_emails(
    meeting, kazakhstan, coordinator, other_coordinator, kyrgyzstan,
):
    """Issue 24: the rows stay (restoring brings them back), so the person
    stays registered for the meeting in the record."""
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator, **delegate_fields(1))

    delegation_withdraw(delegation=delegation, user=coordinator)
    theirs = delegation_open(meeting=meeting, state=kyrgyzstan, user=other_coordinator)
    with pytest.raises(ValidationError) as taken:
        delegate_register(delegation=theirs, user=other_coordinator, **delegate_fields(1))

    delegation.refresh_from_db()
    assert (delegation.status, delegation.delegates.count()) == (DelegationStatus.WITHDRAWN, 1)
    assert taken.value.message_dict == {
        "email": ["This person (email) is already registered for the meeting."],
    }


# --- Names ----------------------------------------------------------------------------------

def test_latin_name_follows_icao_doc_9303():
    assert to_latin("Юлия Щукина") == "Iuliia Shchukina"


def test_latin_name_writes_kazakh_letters_as_russian_ones():
    assert to_latin("Әлия Нұрланқызы") == "Aliia Nurlankyzy"


# --- PostgreSQL: two browser tabs racing for the last place ----------------------------------

def _in_thread(target):
    import threading

    from django.db import connections

    outcome: dict = {}

    def run():
        try:
            outcome["result"] = target()
        except Exception as exc:
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    outcome["thread"] = thread
    return outcome


def _wait_until_a_backend_waits_for_a_lock(timeout: float = 10) -> None:
    import time

    from django.db import connection

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    pytest.fail("the second tab never waited for the first")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_tabs_racing_for_the_last_place_register_one(
    postgresql_only, meeting, kazakhstan, coordinator,
):
    import threading

    from django.db import transaction

    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    for n in (1, 2):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))
    first_inserted, release_first = threading.Event(), threading.Event()

    def first_tab():
        with transaction.atomic():
            delegate = delegate_register(delegation=delegation, user=coordinator,
                                         **delegate_fields(3))
            first_inserted.set()
            release_first.wait(10)  # the request is still running
        return delegate

    def second_tab():
        first_inserted.wait(10)
        return delegate_register(delegation=delegation, user=coordinator, **delegate_fields(4))

    first = _in_thread(first_tab)
    second = _in_thread(second_tab)
    _wait_until_a_backend_waits_for_a_lock()  # the second waits on the delegation's row
    release_first.set()
    first["thread"].join(10)
    second["thread"].join(10)

    assert "error" not in first
    assert _messages_of(second["error"]) == [
        "The delegation is full: at most 3 delegates, the head of delegation included."
    ]
    assert sorted(delegation.delegates.values_list("email", flat=True)) == [
        "delegate1@example.kz", "delegate2@example.kz", "delegate3@example.kz",
    ]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_tabs_opening_the_delegation_at_once_share_one(
    postgresql_only, meeting, kazakhstan, coordinator,
):
    import threading

    ready = threading.Barrier(2)

    def tab():
        ready.wait(10)
        return delegation_open(meeting=meeting, state=kazakhstan, user=coordinator).pk

    tabs = [_in_thread(tab) for _ in range(2)]
    for outcome in tabs:
        outcome["thread"].join(10)

    assert [("error" in t) for t in tabs] == [False, False]
    assert tabs[0]["result"] == tabs[1]["result"]


def _messages_of(error) -> list[str]:
    return [str(m) for m in error.messages]
