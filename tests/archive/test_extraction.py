"""Text and page count of every accepted format, read from real files (in
the bounded child process, as in production)."""

import dataclasses
import io

import pytest

from archive.extraction import ExtractionError, Limits, extract

from .conftest import EN_TEXT, MIME, RU_TEXT, RU_TEXT_PAGE_2, make_docx, make_odt


@pytest.mark.parametrize(
    ("sample", "mime_type", "expected_text", "page_count"),
    [
        # WeasyPrint wraps the first line at the page width.
        ("pdf", MIME["pdf"],
         RU_TEXT.replace("беженцев в Центральной", "беженцев в\nЦентральной") + "\n"
         + RU_TEXT_PAGE_2, 2),
        ("docx", MIME["docx"],
         f"Алматинский процесс\n{RU_TEXT}\n{EN_TEXT}\nЯчейка таблицы\tTable cell", 3),
        ("xlsx", MIME["xlsx"],
         ("Мигранты\nГосударство\tЧисло мигрантов\nКазахстан\t1200\n"
         "Refugees\nState\tRefugees\nKyrgyzstan\t300"), None),
        ("pptx", MIME["pptx"], f"Алматинский процесс\n{RU_TEXT}\nAlmaty Process\n{EN_TEXT}", 2),
        ("odt", MIME["odt"], f"Алматинский процесс\n{RU_TEXT}\n{EN_TEXT}", 2),
        ("txt", MIME["txt"], f"{RU_TEXT}\n{EN_TEXT}", None),
        ("txt-cp1251", MIME["txt"], f"{RU_TEXT}\n{EN_TEXT}", None),
    ],
)
def test_extract_reads_text_and_page_count(samples, sample, mime_type, expected_text, page_count):
    result = extract(io.BytesIO(samples[sample]), mime_type=mime_type)

    assert result.text == expected_text
    assert result.page_count == page_count
    assert result.truncated is False


def test_extract_docx_page_count_is_the_one_recorded_by_the_producer():
    result = extract(io.BytesIO(make_docx(pages=None)), mime_type=MIME["docx"])

    # python-docx keeps its template's docProps/app.xml, which says one page.
    assert result.page_count == 1


def test_extract_odt_without_recorded_page_count_gives_none():
    result = extract(io.BytesIO(make_odt(pages=None)), mime_type=MIME["odt"])

    assert result.page_count is None


def test_extract_text_with_utf8_bom_drops_the_bom():
    result = extract(io.BytesIO("\ufeffБеженцы".encode()), mime_type=MIME["txt"])

    assert result.text == "Беженцы"


def test_extract_caps_long_text():
    limits = dataclasses.replace(Limits(), max_text_chars=1000)

    result = extract(io.BytesIO(("мигранты " * 500).encode()), mime_type=MIME["txt"],
                     limits=limits)

    assert len(result.text) == 999
    assert result.truncated is True


def test_extract_corrupt_pdf_raises_extraction_error():
    with pytest.raises(ExtractionError):
        extract(io.BytesIO(b"%PDF-1.4\n" + b"\x8f garbage " * 200), mime_type=MIME["pdf"])


def test_extract_corrupt_office_file_raises_extraction_error():
    with pytest.raises(ExtractionError):
        extract(io.BytesIO(b"PK\x03\x04 not really a zip"), mime_type=MIME["docx"])


def test_extract_unknown_type_raises_translated_extraction_error():
    with pytest.raises(ExtractionError) as caught:
        extract(io.BytesIO(b"\x89PNG"), mime_type="image/png")

    assert str(caught.value) == "Нет средства чтения текста для типа image/png."
