"""The pack as a PDF file, read with poppler's tools (issue 24, item 19):
tagged for accessibility across the merge with the documents' own pages,
its title, the cover's year, the page numbers' font."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefings.enums import PackKind
from tests.pdf_checks import accessibility, expected, pdfinfo, pdftotext, structure_text

from .helpers import build, reader_of

pytestmark = pytest.mark.django_db

# Cover, contents, agenda, practical information, participants; then each
# document's summary page and its own pages (1, 2 and 3 of them).
GENERATED = [True] * 5 + [True, False, True, False, False, True, False, False, False]


def _content(pack) -> bytes:
    return Path(pack.file.path).read_bytes()


def _claims_pdfua(pack) -> bool:
    metadata = reader_of(pack).trailer["/Root"]["/Metadata"].get_object().get_data()
    return b'pdfuaid:part="1"' in metadata


@pytest.mark.parametrize("language", ["ru", "en"])
def test_pack_is_tagged_titled_in_its_language_with_embedded_unicode_fonts(
    meeting, selected, django_capture_on_commit_callbacks, language
):
    pack = build(meeting, language, django_capture_on_commit_callbacks)

    assert accessibility(_content(pack)) == expected(language)


def test_proceedings_are_tagged_too(meeting, django_capture_on_commit_callbacks):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks, kind=PackKind.PROCEEDINGS)

    assert accessibility(_content(pack)) == expected("ru")


def test_pack_keeps_one_structure_tree_for_its_generated_pages_only(
    meeting, selected, django_capture_on_commit_callbacks
):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    reader = reader_of(pack)
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    parents = [page.get("/StructParents") for page in reader.pages]
    assert [parent is not None for parent in parents] == GENERATED
    assert [p for p in parents if p is not None] == list(range(8))
    assert tree["/K"][0]["/S"] == "/Document"
    assert not _claims_pdfua(pack)  # its appended blank pages are untagged


def test_page_numbers_are_read_as_text(meeting, selected, django_capture_on_commit_callbacks):
    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    content = _content(pack)
    assert "14 / 14" in pdftotext(content)
    assert accessibility(content)["fonts_without_unicode"] == []


def test_pack_title_has_one_full_stop_after_the_years_abbreviation(
    meeting, django_capture_on_commit_callbacks
):
    meeting.title_ru = "Совещание должностных лиц в Астане 2027 г."
    meeting.save()

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    content = _content(pack)
    assert pdfinfo(content)["Title"] == (
        "Совещание должностных лиц в Астане 2027 г. Информационный пакет")
    assert PdfReader(pack.file.path).metadata.title == pdfinfo(content)["Title"]


def test_cover_keeps_the_year_and_its_abbreviation_on_one_line(
    meeting, django_capture_on_commit_callbacks
):
    # At the cover's 20 pt this title breaks just before «г.» without a no-break space.
    meeting.title_ru = "Совещание должностных лиц в Астане 2027 г."
    meeting.save()

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    cover = [line.strip() for line in pdftotext(_content(pack)).split("\f")[0].splitlines()]
    start = cover.index("Совещание должностных лиц в Астане")
    assert cover[start:start + 2] == ["Совещание должностных лиц в Астане", "2027 г."]


def _tagged_pdf(heading: str, paragraph: str) -> bytes:
    from core.pdf import FONTS_ROOT, render_pdf, url_fetcher

    html = (
        f'<html lang="en"><head><title>{heading}</title><style>@font-face {{ font-family: N; '
        f'src: url("{FONTS_ROOT.as_uri()}/NotoSans-Regular.ttf"); }} body {{ font-family: N; }}'
        f'</style></head><body><h1>{heading}</h1><p>{paragraph}</p></body></html>'
    )
    return render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/",
                      fetcher=url_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts"))


def test_a_tagged_documents_structure_joins_the_packs_after_its_summary(
    meeting, django_capture_on_commit_callbacks
):
    from tests.factories.archive import DocumentFactory
    from tests.factories.briefings import PackDocumentFactory, pdf_file

    for number, title in enumerate(["Первый доклад", "Второй доклад"], start=1):
        document = DocumentFactory(title_ru=title, title_en=f"Report {number}")
        pdf_file(document, content=_tagged_pdf(f"Report body {number}", f"Finding {number}."))
        PackDocumentFactory(meeting=meeting, document=document, position=number)

    pack = build(meeting, "ru", django_capture_on_commit_callbacks)

    content = _content(pack)
    text = structure_text(content)
    # The last mention of a title is its summary page (the first, the contents).
    order = [text.rindex(s) for s in ("Первый доклад", "Report body 1", "Finding 1.",
                                     "Второй доклад", "Report body 2", "Finding 2.")]
    assert order == sorted(order)
    assert accessibility(content) == expected("ru")
    reader = PdfReader(pack.file.path)
    # Seven generated pages keep their keys (0-6); each report's page gets the next.
    assert [page.get("/StructParents") for page in reader.pages] == [0, 1, 2, 3, 4, 5, 7, 6, 8]
    assert _claims_pdfua(pack)
