"""The coordinator's pages: dashboard, delegation, delegates, note verbale;
cross-state access by URL and by form field."""

from __future__ import annotations

import datetime
import io

import icalendar
import pytest
from django.utils import timezone
from django.utils.html import escape

from meetings.enums import DelegationStatus
from meetings.models import Delegate, Delegation
from meetings.services.registration import (
    delegate_register,
    delegation_attach_credentials,
    delegation_open,
    delegation_submit,
)

from .conftest import delegate_fields, open_meeting

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends


def _form(n=1, **overrides):
    data = delegate_fields(n, **overrides)
    data["needs_visa_letter"] = "on" if data.pop("needs_visa_letter", False) else ""
    return data


def test_dashboard_anonymous_redirected_to_login(client):
    response = client.get("/en/registration/")

    assert (response.status_code, response["Location"]) == (
        302, "/en/accounts/login/?next=/en/registration/",
    )


def test_dashboard_staff_without_state_forbidden(client, staff):
    client.force_login(staff)

    assert client.get("/en/registration/").status_code == 403


def test_dashboard_lists_open_meeting_with_what_is_left_to_do(client, meeting, coordinator):
    client.force_login(coordinator)

    page = client.get("/en/registration/").content.decode()

    assert escape(meeting.title_en) in page
    assert "Register the delegation." in page


@pytest.mark.parametrize("meetings", [1, 3])
def test_dashboard_query_count_constant(client, kazakhstan, coordinator, meetings,
                                        django_assert_num_queries):
    for _i in range(meetings):
        meeting = open_meeting()
        delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
        delegate_register(delegation=delegation, user=coordinator,
                          **delegate_fields(_i, email=f"p{_i}@example.kz"))
    client.force_login(coordinator)

    # session, user, coordinator's roles (2), delegations, delegates, meetings,
    # the briefing packs of those meetings; the other apps' panels: the
    # state's follow-up items (decisions), pledges and payments
    # (contributions: 2), work plan activities (workplans), alerts
    with django_assert_num_queries(13):
        response = client.get("/en/registration/")

    assert response.status_code == 200


def test_delegate_add_proposes_latin_names_from_cyrillic(client, meeting, coordinator):
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/delegates/add/",
                           _form(surname_cyrillic="Щукина", given_names_cyrillic="Юлия",
                                 surname_latin="", given_names_latin=""))

    assert (response.status_code, response["Location"]) == (
        302, f"/en/registration/{meeting.slug}/",
    )
    delegate = Delegate.objects.get()
    assert (delegate.surname_latin, delegate.given_names_latin, delegate.delegation.state.iso3) == (
        "Shchukina", "Iuliia", "KAZ",
    )


def test_delegate_add_over_limit_shows_russian_error_and_keeps_input(client, meeting, kazakhstan,
                                                                     coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    for n in range(3):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))
    client.force_login(coordinator)

    response = client.post(f"/ru/registration/{meeting.slug}/delegates/add/",
                           _form(7, surname_latin="Nurlanova", email="nurlanova@example.kz"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Делегация укомплектована: не более 3 делегатов, включая главу делегации." in page
    assert 'value="Nurlanova"' in page
    assert 'value="nurlanova@example.kz"' in page
    assert delegation.delegates.count() == 3


def test_delegate_add_with_tampered_state_field_registers_own_state(client, meeting, kyrgyzstan,
                                                                   coordinator):
    client.force_login(coordinator)

    client.post(f"/en/registration/{meeting.slug}/delegates/add/",
                {**_form(), "state": kyrgyzstan.pk, "delegation": 999})

    assert list(Delegation.objects.values_list("state__iso3", flat=True)) == ["KAZ"]


def test_delegate_edit_of_another_states_delegate_not_found(client, meeting, kyrgyzstan,
                                                            coordinator, other_coordinator):
    theirs = delegation_open(meeting=meeting, state=kyrgyzstan, user=other_coordinator)
    delegate = delegate_register(delegation=theirs, user=other_coordinator, **delegate_fields())
    client.force_login(coordinator)
    base = f"/en/registration/{meeting.slug}/delegates/{delegate.pk}"

    statuses = [
        client.get(f"{base}/").status_code,
        client.post(f"{base}/", _form(position="Spy")).status_code,
        client.post(f"{base}/withdraw/").status_code,
    ]

    assert statuses == [404, 404, 404]
    delegate.refresh_from_db()
    assert delegate.position == "Director"


def test_delegate_edit_saves_and_returns_to_delegation(client, meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/delegates/{delegate.pk}/",
                           _form(position="Deputy Minister"))

    assert response.status_code == 302
    delegate.refresh_from_db()
    assert delegate.position == "Deputy Minister"


def _submitted_pair(meeting, state, user, note_verbale):
    delegation = delegation_open(meeting=meeting, state=state, user=user)
    head = delegate_register(delegation=delegation, user=user, **delegate_fields(1, role="head"))
    other = delegate_register(delegation=delegation, user=user, **delegate_fields(2))
    delegation_attach_credentials(delegation=delegation, upload=note_verbale, user=user)
    delegation_submit(delegation=delegation, user=user)
    return head, other


def test_delegate_named_head_asks_first_naming_both(client, meeting, kazakhstan, coordinator,
                                                    note_verbale, credentials_dir):
    """Issue 24: naming a new head demoted the former one with only "the
    details are saved"; now the form comes back with what will happen."""
    head, other = _submitted_pair(meeting, kazakhstan, coordinator, note_verbale)
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/delegates/{other.pk}/",
                           _form(2, role="head"))

    head.refresh_from_db()
    other.refresh_from_db()
    page = response.content.decode()
    assert response.status_code == 200
    assert escape(
        "Erlan Akhmetov2 becomes head of delegation instead of Erlan Akhmetov1; Erlan Akhmetov1 "
        "becomes a delegate. The accreditation of both goes back to the Support Unit for review "
        "(an approval or a refusal already given no longer holds)."
    ) in page
    assert 'name="confirm_head_change" value="1"' in page
    assert (head.role, other.role) == ("head", "delegate")


def test_delegate_named_head_confirmed_swaps_roles_and_says_so(
    client, meeting, kazakhstan, coordinator, note_verbale, credentials_dir,
):
    head, other = _submitted_pair(meeting, kazakhstan, coordinator, note_verbale)
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/delegates/{other.pk}/",
                           {**_form(2, role="head"), "confirm_head_change": "1"}, follow=True)

    head.refresh_from_db()
    other.refresh_from_db()
    assert (head.role, other.role) == ("delegate", "head")
    assert escape(
        "Erlan Akhmetov2 is now head of delegation; Erlan Akhmetov1 is a delegate. The "
        "accreditation of both goes back to the Support Unit for review."
    ) in response.content.decode()


def test_delegate_withdraw_removes_the_delegate(client, meeting, kazakhstan, coordinator):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields())
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/delegates/{delegate.pk}/withdraw/")

    assert response.status_code == 302
    assert delegation.delegates.count() == 0


def test_delegation_submit_through_pages(client, meeting, coordinator, note_verbale,
                                         credentials_dir, mailoutbox,
                                         django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    client.post(f"/en/registration/{meeting.slug}/delegates/add/", _form(role="head"))
    client.post(f"/en/registration/{meeting.slug}/note-verbale/", {"credentials": note_verbale})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/registration/{meeting.slug}/submit/", follow=True)

    delegation = Delegation.objects.get()
    assert delegation.status == DelegationStatus.SUBMITTED
    assert "The delegation is submitted." in response.content.decode()
    assert len(mailoutbox) == 2


def test_delegation_submit_emails_link_to_the_port_the_request_came_to(
    client, meeting, coordinator, note_verbale, credentials_dir, mailoutbox,
    django_capture_on_commit_callbacks,
):
    """Issue 24: the confirmation is sent by a Celery task, which has no
    request; the base URL it is given keeps the port (the portal on :8011
    linked to port 80), in the body and in the .ics alike."""
    client.force_login(coordinator)
    client.post(f"/en/registration/{meeting.slug}/delegates/add/", _form(role="head"))
    client.post(f"/en/registration/{meeting.slug}/note-verbale/", {"credentials": note_verbale})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/registration/{meeting.slug}/submit/", HTTP_HOST="127.0.0.1:8011")

    link = f"http://127.0.0.1:8011/ru/meetings/{meeting.slug}/"
    calendars = [icalendar.Calendar.from_ical(m.attachments[0][1]) for m in mailoutbox]
    assert [link in message.body for message in mailoutbox] == [True, True]
    assert [str(c.walk("VEVENT")[0]["URL"]) for c in calendars] == [link, link]


def test_delegation_submit_without_head_shows_errors(client, meeting, coordinator):
    client.force_login(coordinator)
    client.post(f"/en/registration/{meeting.slug}/delegates/add/", _form())

    response = client.post(f"/en/registration/{meeting.slug}/submit/", follow=True)

    assert "Name the head of delegation before submitting." in response.content.decode()
    assert Delegation.objects.get().status == DelegationStatus.DRAFT


def test_credentials_upload_not_pdf_shows_error(client, meeting, coordinator, credentials_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    fake = SimpleUploadedFile("note.pdf", b"plain text, not a PDF")

    response = client.post(f"/en/registration/{meeting.slug}/note-verbale/",
                           {"credentials": fake})

    assert response.status_code == 400
    assert "The note verbale must be a PDF file." in response.content.decode()


def test_credentials_download_only_own(client, meeting, kazakhstan, coordinator,
                                       other_coordinator, note_verbale, credentials_dir):
    client.force_login(coordinator)
    client.post(f"/en/registration/{meeting.slug}/note-verbale/", {"credentials": note_verbale})
    own = client.get(f"/en/registration/{meeting.slug}/note-verbale/")
    client.force_login(other_coordinator)

    other = client.get(f"/en/registration/{meeting.slug}/note-verbale/")
    own.close()

    assert (own.status_code, own["Content-Type"], other.status_code) == (
        200, "application/pdf", 404,
    )
    assert own["Content-Security-Policy"] == SANDBOX  # issue 22, item 10


def test_delegation_page_after_deadline_has_no_forms(client, kazakhstan, coordinator):
    meeting = open_meeting()
    delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    meeting.registration_opens = timezone.now() - datetime.timedelta(days=3)
    meeting.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()
    client.force_login(coordinator)

    page = client.get(f"/en/registration/{meeting.slug}/").content.decode()

    assert "Add a delegate" not in page
    assert "Registration closed on" in page


def test_navigation_my_state_is_the_coordinators_dashboard(client, coordinator):
    client.force_login(coordinator)

    page = client.get("/en/").content.decode()

    assert '<a href="/en/registration/">My state</a>' in page


@pytest.mark.parametrize("members", [1, 3])
def test_delegation_page_query_count_constant(client, meeting, kazakhstan, coordinator, members,
                                              django_assert_num_queries):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    for n in range(members):
        delegate_register(delegation=delegation, user=coordinator, **delegate_fields(n))
    client.force_login(coordinator)

    # The delegation is read with its state's participation (the size
    # limit), not in a query of its own, and without its meeting and state
    # again (the page has them).
    with django_assert_num_queries(7):
        response = client.get(f"/en/registration/{meeting.slug}/")

    assert response.status_code == 200


def test_dashboard_of_a_focal_point_is_my_organisation(client):
    from membership.enums import OrganisationKind
    from tests.factories.membership import FocalPointFactory, OrganisationFactory, UserFactory

    user = UserFactory()
    FocalPointFactory(organisation=OrganisationFactory(name_en="IOM",
                                                       kind=OrganisationKind.INTERNATIONAL),
                      user=user)
    client.force_login(user)

    page = client.get("/en/registration/").content.decode()

    assert "<h1>My organisation: " in page


def test_credentials_upload_of_a_pdf_with_javascript_is_refused(client, meeting, coordinator,
                                                                credentials_dir):
    """Issue 22, item 10: a note verbale that runs a script when opened is
    refused with the reason, and nothing is stored."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_open_action(JavaScript("app.launchURL('http://x/')"))
    content = io.BytesIO()
    writer.write(content)
    client.force_login(coordinator)

    response = client.post(f"/en/registration/{meeting.slug}/note-verbale/",
                           {"credentials": SimpleUploadedFile("note.pdf", content.getvalue())})

    assert response.status_code == 400
    assert "“note.pdf” contains JavaScript, which is not accepted in a PDF" in (
        response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”"))
    assert [path for path in credentials_dir.rglob("*") if path.is_file()] == []


def test_credentials_upload_of_a_polyglot_is_refused(client, meeting, coordinator,
                                                     credentials_dir):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    polyglot = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"

    response = client.post(f"/en/registration/{meeting.slug}/note-verbale/",
                           {"credentials": SimpleUploadedFile("note.pdf", polyglot)})

    assert response.status_code == 400
    assert "contains web page markup (HTML)" in response.content.decode()
