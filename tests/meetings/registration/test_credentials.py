"""What nominates a delegation (issue 24, item 9): a state's note verbale,
an organisation's nomination letter (only governments issue notes
verbales; civil society is invited, not an observer)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags

from meetings.credentials import credentials_words
from meetings.enums import Consent
from meetings.invitations import invitation_token
from meetings.selectors import registrations_of_party
from meetings.services.observers import observer_invitation_send
from meetings.services.registration import (
    delegate_register,
    delegation_attach_credentials,
    delegation_open,
    delegation_submit,
)
from membership.enums import OrganisationKind
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.meetings import DelegationFactory, ObserverInvitationFactory
from tests.factories.membership import OrganisationFactory, StaffUserFactory

from .conftest import delegate_fields

pytestmark = pytest.mark.django_db

NOT_A_PDF = b"plain text, not a PDF"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(html)).strip()


@pytest.fixture
def icmpd():
    return OrganisationFactory(name_en="ICMPD", kind=OrganisationKind.INTERNATIONAL)


@pytest.fixture
def ngo():
    return OrganisationFactory(name_en="Migrant Rights Network",
                               kind=OrganisationKind.CIVIL_SOCIETY)


@pytest.mark.parametrize(("kind", "expected"), [
    (OrganisationKind.STATE, "note verbale"),
    (OrganisationKind.INTERNATIONAL, "nomination letter"),
    (OrganisationKind.REGIONAL, "nomination letter"),
    (OrganisationKind.CIVIL_SOCIETY, "nomination letter"),
])
def test_only_states_nominate_by_note_verbale(kind, expected):
    assert str(credentials_words(OrganisationFactory(kind=kind)).name) == expected


def test_participant_state_nominates_by_note_verbale(kazakhstan):
    assert str(credentials_words(kazakhstan).name) == "note verbale"


def test_organisation_page_asks_for_a_nomination_letter(client, meeting, icmpd):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=icmpd)

    html = client.get(
        f"/en/observer-registration/{invitation_token(invitation)}/{meeting.slug}/",
    ).content.decode()

    section = text_of(html.split('aria-labelledby="credentials-title">', 1)[1]
                      .split("</section>", 1)[0])
    assert section.startswith("Nomination letter ")
    assert "The organisation's letter that nominates the delegation (PDF)." in section
    assert section.endswith("Upload the nomination letter")
    assert "verbale" not in section


def test_state_page_still_asks_for_a_note_verbale(client, meeting, coordinator):
    client.force_login(coordinator)

    html = client.get(f"/en/registration/{meeting.slug}/").content.decode()

    section = text_of(html.split('aria-labelledby="credentials-title">', 1)[1]
                      .split("</section>", 1)[0])
    assert section.startswith("Note verbale ")
    assert section.endswith("Upload the note verbale")


def test_organisation_submitting_without_its_letter_is_asked_for_it(meeting, staff, ngo):
    ObserverInvitationFactory(meeting=meeting, organisation=ngo, consent=Consent.GIVEN,
                              consent_date=meeting.start)
    delegation = delegation_open(meeting=meeting, organisation=ngo, user=staff)
    delegate_register(delegation=delegation, user=staff, **delegate_fields(role="head"))

    with pytest.raises(ValidationError) as exc_info:
        delegation_submit(delegation=delegation, user=staff)

    assert [str(m) for m in exc_info.value.messages] == [
        "Upload the organisation's nomination letter before submitting.",
    ]


def test_organisation_uploading_a_non_pdf_letter_is_told_so(meeting, staff, icmpd,
                                                            credentials_dir):
    ObserverInvitationFactory(meeting=meeting, organisation=icmpd)
    delegation = delegation_open(meeting=meeting, organisation=icmpd, user=staff)

    with pytest.raises(ValidationError) as exc_info:
        delegation_attach_credentials(
            delegation=delegation, upload=SimpleUploadedFile("letter.pdf", NOT_A_PDF), user=staff,
        )

    assert exc_info.value.message_dict == {
        "credentials": ["The nomination letter must be a PDF file."],
    }


def test_organisation_upload_through_the_link_confirms_the_letter(
    client, meeting, icmpd, note_verbale, credentials_dir,
):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=icmpd)
    base = f"/en/observer-registration/{invitation_token(invitation)}/{meeting.slug}"

    response = client.post(f"{base}/note-verbale/", {"credentials": note_verbale}, follow=True)

    assert "The nomination letter is uploaded." in response.content.decode()


def test_organisation_dashboard_todo_asks_for_the_letter(meeting, staff, icmpd):
    ObserverInvitationFactory(meeting=meeting, organisation=icmpd)
    delegation_open(meeting=meeting, organisation=icmpd, user=staff)

    (row,) = registrations_of_party(organisation=icmpd).current

    assert [str(item) for item in row.todo] == [
        "Add the delegates.", "Name the head of delegation.", "Upload the nomination letter.",
        "Submit the delegation.",
    ]


@pytest.mark.parametrize(("kind", "label"), [
    (OrganisationKind.INTERNATIONAL, "Nomination letter"),
    (OrganisationKind.STATE, "Note verbale"),
])
def test_admin_labels_the_file_by_who_nominates(client, kind, label):
    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(editor)
    delegation = DelegationFactory(state=None, organisation=OrganisationFactory(kind=kind))

    html = client.get(f"/en/admin/meetings/delegation/{delegation.pk}/change/").content.decode()

    assert f'<label for="id_credentials">{label}:</label>' in html


def test_admin_list_label_names_both_documents():
    from meetings.models import Delegation

    assert str(Delegation._meta.get_field("credentials").verbose_name) == (
        "note verbale or nomination letter"
    )


def test_civil_society_invitation_email_is_not_an_invitation_to_observe(
    meeting, staff, ngo, mailoutbox, django_capture_on_commit_callbacks,
):
    invitation = ObserverInvitationFactory(meeting=meeting, organisation=ngo, language="en",
                                           consent=Consent.GIVEN, consent_date=meeting.start)

    with django_capture_on_commit_callbacks(execute=True):
        observer_invitation_send(invitation=invitation, user=staff)

    (message,) = mailoutbox
    body = " ".join(message.body.split())
    assert message.subject == f"Invitation: {meeting.title_en}"
    assert "as an observer" not in body
    assert (
        "With the consent of the participant states, the Support Unit of the Almaty Process "
        "invites representatives of"
    ) in body
    assert (
        "Before submitting the delegation, upload the organisation's nomination letter "
        "(a PDF); a note verbale is not needed."
    ) in body


@pytest.mark.parametrize(("kind", "sentence"), [
    (OrganisationKind.INTERNATIONAL, "upload the organisation's nomination letter (a PDF)"),
    (OrganisationKind.STATE, "upload the note verbale that nominates it (a PDF)"),
])
def test_observer_invitation_email_names_the_document_to_upload(
    meeting, staff, mailoutbox, django_capture_on_commit_callbacks, kind, sentence,
):
    invitation = ObserverInvitationFactory(meeting=meeting, language="en",
                                           organisation=OrganisationFactory(kind=kind))

    with django_capture_on_commit_callbacks(execute=True):
        observer_invitation_send(invitation=invitation, user=staff)

    (message,) = mailoutbox
    assert message.subject == f"Invitation to observe: {meeting.title_en}"
    assert sentence in " ".join(message.body.split())


def test_organisation_page_in_russian_asks_for_a_nomination_letter(client, meeting, icmpd):
    from django.utils import translation

    invitation = ObserverInvitationFactory(meeting=meeting, organisation=icmpd)

    with translation.override("ru"):
        html = client.get(
            f"/ru/observer-registration/{invitation_token(invitation)}/{meeting.slug}/",
        ).content.decode()

    section = text_of(html.split('aria-labelledby="credentials-title">', 1)[1]
                      .split("</section>", 1)[0])
    assert section.startswith("Письмо о выдвижении ")
    assert section.endswith("Загрузить письмо о выдвижении")
