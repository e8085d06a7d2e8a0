"""The secretariat's admin of the Mechanism's versions: paragraphs inline,
the model's rules shown as form errors with everything typed kept, only
Ministerial Conference outcomes offered, audit history."""

import datetime

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation

from mechanism.models import MechanismVersion
from meetings.enums import OutcomeKind
from tests.factories.archive import DocumentFactory
from tests.factories.mechanism import (
    MechanismParagraphFactory,
    MechanismVersionFactory,
    ministerial_outcome,
)
from tests.factories.meetings import MeetingOutcomeFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def admin_client(client):
    client.force_login(StaffUserFactory(is_superuser=True))
    return client


def _form(**fields) -> dict:
    data = {
        "in_force_from": "2015-06-04", "outcome": "", "adopted_on": "",
        "adoption_note_ru": "", "adoption_note_en": "", "document": "",
        "paragraphs-TOTAL_FORMS": "1", "paragraphs-INITIAL_FORMS": "0",
        "paragraphs-MIN_NUM_FORMS": "0", "paragraphs-MAX_NUM_FORMS": "1000",
        "paragraphs-0-position": "1", "paragraphs-0-kind": "paragraph",
        "paragraphs-0-number": "", "paragraphs-0-text_ru": "Срок полномочий — три года.",
        "paragraphs-0-text_en": "The term of office is three years.",
    }
    data.update(fields)
    return data


def test_admin_adds_the_original_text_with_its_paragraphs(admin_client):
    response = admin_client.post(reverse("admin:mechanism_mechanismversion_add"),
                                 _form(in_force_from="2013-06-04", adopted_on="2013-06-04"))

    version = MechanismVersion.objects.get()
    assert response.status_code == 302
    assert [p.text_en for p in version.paragraphs.all()] == ["The term of office is three years."]
    assert version.history.count() == 1


def test_admin_refuses_an_amendment_by_a_decision_and_keeps_the_input(admin_client):
    MechanismVersionFactory(in_force_from=D(2013, 6, 4))
    decision = ministerial_outcome(day=D(2015, 6, 4), kind=OutcomeKind.DECISION)

    with translation.override("en"):
        url = reverse("admin:mechanism_mechanismversion_add")
    response = admin_client.post(url, _form(outcome=str(decision.pk)))
    html = response.content.decode()

    assert response.status_code == 200
    assert MechanismVersion.objects.count() == 1
    assert url.startswith("/en/")
    assert ("A later text is an amendment: choose the Ministerial Conference outcome of the kind "
            "“Amendment of the Operational Mechanism” that made it.") in html
    assert "The term of office is three years." in html
    assert "Срок полномочий — три года." in html
    assert 'value="2015-06-04"' in html


def test_admin_offers_only_the_outcomes_of_ministerial_conferences(admin_client):
    amendment = ministerial_outcome(day=D(2015, 6, 4))
    som_conclusions = MeetingOutcomeFactory(kind=OutcomeKind.CONCLUSIONS)

    html = admin_client.get(reverse("admin:mechanism_mechanismversion_add")).content.decode()

    assert f'<option value="{amendment.pk}">' in html
    assert f'<option value="{som_conclusions.pk}">' not in html


def test_admin_change_page_and_list_show_the_version(admin_client):
    version = MechanismVersionFactory()
    MechanismParagraphFactory(version=version, text_ru="Абзац для проверки.")

    change = admin_client.get(reverse("admin:mechanism_mechanismversion_change",
                                      args=[version.pk]))
    listing = admin_client.get(reverse("admin:mechanism_mechanismversion_changelist"))

    assert (change.status_code, listing.status_code) == (200, 200)
    assert "Абзац для проверки." in change.content.decode()


def test_a_document_or_outcome_a_version_rests_on_cannot_be_deleted():
    document = DocumentFactory()
    outcome = ministerial_outcome(day=D(2013, 6, 4), kind=OutcomeKind.DECISION)
    MechanismVersionFactory(document=document, outcome=outcome, adopted_on=None)

    with pytest.raises(ProtectedError):
        document.delete()
    with pytest.raises(ProtectedError):
        outcome.meeting.delete()


def test_admin_starts_an_amendment_from_the_text_of_an_earlier_version(admin_client):
    original = MechanismVersionFactory(in_force_from=D(2013, 6, 4))
    MechanismParagraphFactory(version=original, position=1, text_en="General")
    MechanismParagraphFactory(version=original, position=2, text_en="The term is two years.")
    amendment = ministerial_outcome(day=D(2015, 6, 4))

    response = admin_client.post(reverse("admin:mechanism_mechanismversion_add"), _form(
        outcome=str(amendment.pk), copy_from=str(original.pk), **{
            "paragraphs-TOTAL_FORMS": "0"}))

    amended = MechanismVersion.objects.get(in_force_from=D(2015, 6, 4))
    assert response.status_code == 302
    assert [p.text_en for p in amended.paragraphs.order_by("position")] == [
        "General", "The term is two years."]
    assert [p.text_en for p in original.paragraphs.order_by("position")] == [
        "General", "The term is two years."]
