"""The archive's demo data: idempotent, realistic, searchable, and true
against the seeds. Only the tests that read the database load the demo (it
renders two dozen PDFs); the others read the demo's content."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from archive import demo
from archive.demo.content import DOCUMENTS, DemoDocument
from archive.demo.operational_mechanism import ENGLISH, RUSSIAN
from archive.enums import AccessLevel, DocumentType, ExtractionStatus, PublicationStatus
from archive.models import Document, DocumentFile, Theme
from archive.search import documents_search
from chairmanship import demo as chairmanship_demo
from chairmanship.models import Chairmanship
from membership import demo as membership_demo

pytestmark = pytest.mark.django_db

D = datetime.date
BY_SLUG = {document.slug: document for document in DOCUMENTS}
# The secretariat is the «Служба поддержки»; only the core group of
# supporting organisations of the 2012 Framework is a «базовая группа поддержки».
SUPPORT_GROUP = re.compile(r"(?<!базовая )(?<!базовой )(?<!базовую )групп\w*\s+поддержк", re.I)


def texts_of(document: DemoDocument) -> list[str]:
    return [*document.title, *document.summary, *document.body[0], *document.body[1]]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def loaded(archive_dir, django_capture_on_commit_callbacks) -> str:
    """The demo, with its extraction and indexing tasks run (as after the
    commit of load_demo)."""
    with django_capture_on_commit_callbacks(execute=True):
        return demo.load()


def snapshot() -> dict:
    return {
        "themes": list(Theme.objects.values_list("slug", "name_ru", "name_en", "position")),
        "documents": list(Document.objects.values_list(
            "slug", "status", "access", "title_ru", "title_en", "published_at", "updated_at",
            "search_plain",
        ).order_by("slug")),
        "files": list(DocumentFile.objects.values_list("sha256", "extraction_status")
                      .order_by("sha256")),
        "history": (Document.history.count(), DocumentFile.history.count()),
    }


def test_demo_load_twice_changes_nothing(loaded, django_capture_on_commit_callbacks):
    before = snapshot()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = demo.load()

    assert snapshot() == before
    assert callbacks == []
    assert summary == "archive: 11 themes, 12 documents (11 published, 0 added now)"


def test_demo_load_adds_searchable_documents_with_pdf_files(loaded):
    assert loaded == "archive: 11 themes, 12 documents (11 published, 12 added now)"
    languages = {
        document.slug: sorted(document.files.values_list("language", flat=True))
        for document in Document.objects.all()
    }
    assert languages["reintegration-seminar-concept-note"] == ["ru"]
    assert languages["border-management-fact-sheet"] == ["en"]
    assert languages["almaty-declaration"] == []
    assert sum(files == ["en", "ru"] for files in languages.values()) == 9
    assert list(Document.objects.filter(status=PublicationStatus.DRAFT)
                .values_list("slug", flat=True)) == ["som-2025-draft-agenda"]
    assert sorted(Document.objects.exclude(access=AccessLevel.PUBLIC)
                  .values_list("slug", "access")) == [
        ("ministerial-conclusions-2023", AccessLevel.PARTICIPANTS),
        ("som-report-2019", AccessLevel.PARTICIPANTS),
        ("support-unit-activity-report-2024", AccessLevel.SECRETARIAT),
    ]
    assert set(DocumentFile.objects.values_list("mime_type", "extraction_status")) == {
        ("application/pdf", ExtractionStatus.DONE),
    }
    assert Theme.objects.get(slug="labour-migration").documents.count() == 7

    # Search finds other word forms, in both languages.
    for query, expected in [
        ("беженец", "regional-action-plan"),  # the text says «беженцев», «беженцы»
        ("трудовой мигрант", "labour-migrants-families-study"),
        ("remittance", "som-report-2019"),
        ("reintegration", "bomca-reintegration-seminar-2019"),
    ]:
        found = documents_search(Document.objects.all(), query).values_list("slug", flat=True)
        assert expected in set(found), query


def test_demo_pdfs_embed_only_the_bundled_font(loaded):
    file = DocumentFile.objects.get(document__slug="regional-action-plan", language="ru")

    with file.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))

    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    assert len(fonts) == 1
    assert fonts.pop().endswith("+Noto-Sans-Bundled")
    assert (file.page_count, file.original_filename) == (1, "regional-action-plan-ru.pdf")
    assert "беженцев" in file.extracted_text


def test_demo_pdf_renderer_refuses_files_outside_static():
    fetcher = demo._url_fetcher()

    with pytest.raises(ValueError, match="only static files"):
        fetcher.fetch("file:///etc/passwd")


def test_demo_documents_count_as_published_on_their_date(loaded):
    """So "Latest documents" and the feeds list the demo in a believable order."""
    published = Document.objects.filter(status=PublicationStatus.PUBLISHED)

    assert published.exists()
    assert all(
        timezone.localtime(document.published_at).date() == document.date
        for document in published
    )


def test_demo_files_read_true_against_the_seeds(loaded):
    """One load for the file-level checks (each load renders every PDF)."""
    mechanisms = Document.objects.filter(doc_type=DocumentType.OPERATIONAL_MECHANISM)
    files = {
        file.language: flat(file.extracted_text)
        for file in DocumentFile.objects.filter(document__slug="operational-mechanism-2013")
    }
    texts = [
        *DocumentFile.objects.values_list("extracted_text", flat=True),
        *(text for row in Document.objects.values_list("title_ru", "summary_ru") for text in row),
    ]

    assert list(mechanisms.values_list("slug", "date")) == [
        ("operational-mechanism-2013", D(2013, 6, 5)),
    ]
    assert not Document.objects.filter(supersedes__isnull=False).exists()
    # Declining a turn is what "on a voluntary basis" already means; the
    # Mechanism is amended at Ministerial meetings (none is shown).
    assert ("на добровольной основе, в алфавитном порядке английского языка после выборов "
            "первого Председателя в ходе Министерской Конференции 2013 года") in files["ru"]
    assert ("Данный Операционный механизм может быть изменен на Министерских совещаниях "
            "Алматинского Процесса.") in files["ru"]
    assert "on a voluntary basis, in English alphabetical order" in files["en"]
    assert "may be amended at Ministerial meetings" in files["en"]
    # «Служба поддержки», never «Группа поддержки», in every file and record.
    assert [text[:80] for text in texts if SUPPORT_GROUP.search(flat(text))] == []


def test_demo_operational_mechanism_keeps_the_source_text_and_its_translation_aligned():
    assert len(RUSSIAN) == len(ENGLISH) == 52
    assert RUSSIAN[-1] == ("Данный Операционный механизм может быть изменен на Министерских "
                           "совещаниях Алматинского Процесса.")
    assert [paragraph[:2] for paragraph in RUSSIAN if paragraph[0] in "•¹²³⁴"] == [
        paragraph[:2] for paragraph in ENGLISH if paragraph[0] in "•¹²³⁴"
    ]


def test_demo_mentions_no_other_amendment_of_the_operational_mechanism():
    mentions = [
        document.slug for document in DOCUMENTS
        if document.doc_type != DocumentType.OPERATIONAL_MECHANISM
        and re.search(r"amend|поправк|2016", " ".join(texts_of(document)), re.I)
    ]

    assert mentions == []


def test_demo_agendas_after_2013_elect_no_chair():
    # Only the first Chair was elected (2013); the chairmanship then rotates.
    agendas = [document for document in DOCUMENTS
               if document.doc_type == DocumentType.AGENDA and document.date.year > 2013]

    assert agendas
    assert [
        document.slug for document in agendas
        if re.search(r"elect|выбор|избран", " ".join(texts_of(document)), re.I)
    ] == []


def test_demo_regional_action_plan_is_the_draft_the_framework_annexes():
    document = BY_SLUG["regional-action-plan"]

    assert document.title == (
        "Региональная рамочная программа сотрудничества и проект Регионального плана действий",
        "Regional Cooperation Framework and the draft Regional Action Plan",
    )
    assert "проект Регионального плана действий" in document.summary[0]
    assert "draft Regional Action Plan" in document.summary[1]
    # Not filed as an (adopted) action plan: no demo document is one.
    assert document.doc_type == DocumentType.OTHER
    assert [d.slug for d in DOCUMENTS if d.doc_type == DocumentType.ACTION_PLAN] == []


def test_demo_almaty_declaration_is_its_record_only_without_an_invented_text():
    declaration = BY_SLUG["almaty-declaration"]

    assert (declaration.title, declaration.date) == (
        ("Алматинская декларация", "Almaty Declaration"), D(2011, 3, 16),
    )
    assert (declaration.body, declaration.languages, declaration.states,
            declaration.reference) == (((), ()), (), (), "")
    assert ("Региональной конференции по вопросам защиты беженцев и международной миграции "
            "(Алматы, 15–16 марта 2011 года)") in declaration.summary[0]
    assert "принята единогласно" in declaration.summary[0].lower()
    assert "его текст не воспроизводится" in declaration.summary[0]
    assert ("Regional Conference on Refugee Protection and International Migration "
            "(Almaty, 15–16 March 2011)") in declaration.summary[1]
    assert "its text is not reproduced" in declaration.summary[1]


def test_demo_ministerial_conclusions_are_neutral_and_marked_illustrative():
    conclusions = BY_SLUG["ministerial-conclusions-2023"]
    invented = [d for d in DOCUMENTS if not any(d.source)]

    assert [
        d.slug for d in invented
        if re.search(r"Исламск\w+ Республик|Islamic Republic|Азербайджанск\w+ Республик|"
                     r"Republic of Azerbaijan", " ".join(texts_of(d)))
    ] == []
    assert "Иллюстративный документ: конференция и текст вымышлены" in conclusions.summary[0]
    assert "An illustrative document: the conference and the text are invented" in (
        conclusions.summary[1]
    )


def test_demo_texts_call_the_secretariat_the_support_unit():
    texts = [
        *(text for document in DOCUMENTS for text in texts_of(document)),
        *RUSSIAN,
        *(note for _state, _turn, _on, notes in chairmanship_demo.DECLINATIONS for note in notes),
        chairmanship_demo.ILLUSTRATIVE_RU,
        *(period[4] for periods in membership_demo.HISTORY.values() for period in periods),
    ]

    assert [text for text in texts if SUPPORT_GROUP.search(text)] == []
    assert BY_SLUG["support-unit-activity-report-2024"].title == (
        "Отчёт Службы поддержки о деятельности за 2024 год", "Support Unit activity report 2024",
    )
    assert "Службы поддержки" in " ".join(BY_SLUG["reintegration-seminar-concept-note"].body[0])


def test_demo_counts_central_asian_states_as_the_membership_data_does():
    five = [
        document.slug for document in DOCUMENTS
        if re.search(r"five Central Asian|пяти (государств|центральноазиатских)",
                     " ".join(texts_of(document)), re.I)
    ]
    news = BY_SLUG["bomca-reintegration-seminar-2019"]
    seminar = BY_SLUG["reintegration-seminar-concept-note"]

    # Only the BOMCA seminar speaks of five (Uzbekistan, not in the process,
    # among them): officials attending a seminar, not members of the process.
    assert five == ["bomca-reintegration-seminar-2019"]
    assert ("БОМКА" in news.title[0], "BOMCA" in news.title[1]) == (True, True)
    assert "Узбекистана" in " ".join(news.body[0])
    assert "Uzbekistan" in " ".join(news.body[1])
    # The process's own seminar counts the three the data has (not four:
    # Turkmenistan is not a participant state, issue 24, item 6).
    assert seminar.states == membership_demo.CENTRAL_ASIAN_STATES
    assert "трёх государств Центральной Азии" in " ".join(seminar.body[0])
    texts = " ".join(text for document in DOCUMENTS for text in texts_of(document))
    assert re.findall(r"four Central Asian|четыр\w+ (государств|центральноазиатских)",
                      texts) == []


def test_demo_ministerial_conclusions_confirm_the_chair_of_the_next_term():
    membership_demo.load()
    chairmanship_demo.load()
    conclusions = BY_SLUG["ministerial-conclusions-2023"]

    term = Chairmanship.objects.filter(start__gt=conclusions.date).order_by("start").first()

    assert (term.state.iso3, term.start) == ("AZE", D(2023, 6, 5))
    assert term.start - conclusions.date < datetime.timedelta(days=365)
    assert "Азербайджан" in " ".join(conclusions.body[0])
    assert "Azerbaijan" in " ".join(conclusions.body[1])
    assert "Афганистан" in " ".join(conclusions.body[0])


def test_demo_documents_from_the_seeds_say_where_their_text_comes_from():
    # Their files must not close with "written for the portal's demo".
    from_seeds = [document.slug for document in DOCUMENTS if all(document.source)]

    assert from_seeds == ["operational-mechanism-2013", "bomca-reintegration-seminar-2019"]
    assert [document.slug for document in DOCUMENTS if any(document.source)] == from_seeds
