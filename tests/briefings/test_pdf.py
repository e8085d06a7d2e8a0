"""The pack as a PDF file, read with poppler's tools (issue 24, item 19):
tagged for accessibility across the merge with the documents' own pages,
its title, the cover's year, the page numbers' font."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefings.enums import PackKind
from tests.pdf_checks import accessibility, expected, pdfinfo, pdftotext

from .helpers import build, reader_of

pytestmark = pytest.mark.django_db

# Cover, contents, agenda, practical information, participants; then each
# document's summary page and its own pages (1, 2 and 3 of them).
GENERATED = [True] * 5 + [True, False, True, False, False, True, False, False, False]


def _content(pack) -> bytes:
    return Path(pack.file.path).read_bytes()


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
