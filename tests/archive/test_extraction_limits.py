"""Files built to exhaust the server are read in a bounded child process and
fail with a reason: many pages sharing one slow content stream, an Office
file with a huge, highly compressible entry, OpenDocument XML bombs. The
caps are settings, lowered here so that each file stays small and fast."""

from __future__ import annotations

import dataclasses
import io
import time
import zipfile

import pytest
from django.utils import translation

from archive.extraction import ExtractionError, Limits, extract

from .conftest import MIME, RU_TEXT, make_docx, make_odt, make_pdf

# A text-showing operator with an empty string: pypdf's text extraction
# works through each one (~30 µs), the page shows nothing.
EMPTY_TEXT_OPERATOR = b"BT /F1 12 Tf () Tj ET\n"


def make_shared_stream_pdf(*, pages: int, operators: int) -> bytes:
    """``pages`` pages sharing one content stream of ``operators`` empty text
    operators (stored once, deflated: a few kilobytes)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(EMPTY_TEXT_OPERATOR * operators)
    contents = writer._add_object(stream.flate_encode())
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    resources = writer._add_object(
        DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    )
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = contents
        page[NameObject("/Resources")] = resources
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_encrypted_pdf() -> bytes:
    """The sample PDF encrypted with AES-256, empty user password (opens
    without asking), an owner password restricting changes."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf((RU_TEXT,)))))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_zip_member(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a ZIP) with ``name`` added or replaced by ``content``, deflated."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return buffer.getvalue()


def odt_with_content(content_xml: bytes) -> bytes:
    return with_zip_member(make_odt(), "content.xml", content_xml)


def failure(data: bytes, kind: str, **limits) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        extract(io.BytesIO(data), mime_type=MIME[kind],
                limits=dataclasses.replace(Limits(), **limits))
    return caught.value


# --- PDF ----------------------------------------------------------------------

def test_extract_pdf_with_more_pages_than_the_cap_is_refused_before_reading():
    data = make_shared_stream_pdf(pages=101, operators=20_000)

    started = time.monotonic()
    error = failure(data, "pdf", max_pages=100)

    assert error.code == "too_many_pages"
    with translation.override("en"):
        assert str(error) == (
            "Pages: 101, more than the limit of 100 for a document of the archive; "
            "its text was not read."
        )
    assert time.monotonic() - started < 10


def make_blank_pptx(*, slides: int) -> bytes:
    import pptx

    presentation = pptx.Presentation()
    layout = presentation.slide_layouts[6]  # blank
    for _ in range(slides):
        presentation.slides.add_slide(layout)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def test_extract_presentation_with_more_slides_than_the_cap_is_refused_before_reading():
    """The PDF page cap's twin: a presentation's slides are its pages."""
    data = make_blank_pptx(slides=101)

    error = failure(data, "pptx", max_pages=100)

    assert error.code == "too_many_pages"
    with translation.override("en"):
        assert str(error) == (
            "Pages: 101, more than the limit of 100 for a document of the archive; "
            "its text was not read."
        )


def test_extract_presentation_at_the_slide_cap_is_read():
    result = extract(io.BytesIO(make_blank_pptx(slides=100)), mime_type=MIME["pptx"],
                     limits=dataclasses.replace(Limits(), max_pages=100))

    assert result.page_count == 100


def test_extract_pdf_of_slow_pages_is_stopped_at_the_time_budget():
    # Each page costs about half a second; 40 pages would take 20 s.
    data = make_shared_stream_pdf(pages=40, operators=20_000)

    started = time.monotonic()
    error = failure(data, "pdf", time_seconds=1)

    assert error.code == "timeout"
    with translation.override("en"):
        assert str(error) == "Reading the text took longer than 1 s; it was stopped."
    assert time.monotonic() - started < 10


def test_extract_pdf_of_slow_pages_is_stopped_at_the_cpu_limit():
    data = make_shared_stream_pdf(pages=40, operators=20_000)

    error = failure(data, "pdf", cpu_seconds=1, time_seconds=60)

    assert error.code == "cpu"
    with translation.override("en"):
        assert str(error) == (
            "Reading the text used more than 1 s of processor time; it was stopped."
        )


def test_extract_reads_aes_encrypted_pdf_with_empty_user_password():
    result = extract(io.BytesIO(make_encrypted_pdf()), mime_type=MIME["pdf"])

    assert result.text == RU_TEXT.replace("беженцев в Центральной", "беженцев в\nЦентральной")
    assert result.page_count == 1


def test_extract_pdf_needing_a_password_fails_with_the_reason():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf((RU_TEXT,)))))
    writer.encrypt(user_password="secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)

    error = failure(buffer.getvalue(), "pdf")

    assert error.code == "encrypted"


# --- Office Open XML -------------------------------------------------------------------

def test_extract_docx_with_huge_compressible_entry_is_refused_before_unpacking():
    # 8 MB of zeros deflate to 8 KB; the cap is lowered to 4 MB for speed
    # (the default, 256 MB, stops the 10⁹-byte entry of the finding).
    data = with_zip_member(make_docx(), "word/media/filler.bin", bytes(8 * 1024 * 1024))
    assert len(data) < 100_000

    error = failure(data, "docx", max_unpacked_size=4 * 1024 * 1024)

    assert error.code == "unpacked_too_large"
    with translation.override("en"):
        assert str(error) == (
            "The file unpacks to more than 4 MB, which no real document does; "
            "its text was not read."
        )


def test_extract_docx_under_the_unpacked_cap_is_read():
    data = with_zip_member(make_docx(), "word/media/filler.bin", bytes(1024 * 1024))

    result = extract(io.BytesIO(data), mime_type=MIME["docx"],
                     limits=dataclasses.replace(Limits(), max_unpacked_size=4 * 1024 * 1024))

    assert RU_TEXT in result.text


def test_extract_docx_needing_more_memory_than_allowed_fails_with_the_reason():
    # A million paragraphs (36 MB of XML): python-docx holds the part and its
    # lxml tree, several hundred megabytes.
    body = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 1_000_000
    document_xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + body + b"</w:body></w:document>"
    )
    data = with_zip_member(make_docx(), "word/document.xml", document_xml)

    error = failure(data, "docx", memory_bytes=256 * 1024 * 1024)

    assert error.code == "memory", str(error)
    with translation.override("en"):
        assert str(error) == "Reading the text needed more than 256 MB of memory; it was stopped."


# --- OpenDocument -----------------------------------------------------------------------

ODT_CONTENT_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    b"<office:body><office:text>"
)
ODT_CONTENT_END = b"</office:text></office:body></office:document-content>"


def test_extract_odt_with_xml_larger_than_the_cap_is_refused_before_parsing():
    # Two megabytes of empty paragraphs (odfpy would need ~90 MB for them),
    # deflated to a few kilobytes; the cap is lowered to 1 MB for speed.
    content = ODT_CONTENT_START + b"<text:p/>" * 250_000 + ODT_CONTENT_END
    data = odt_with_content(content)

    error = failure(data, "odt", max_odf_xml_size=1024 * 1024)

    assert error.code == "xml_too_large"
    with translation.override("en"):
        assert str(error) == (
            "The file’s XML is larger than 1 MB unpacked, which no real document is; "
            "its text was not read."
        )


def test_extract_odt_entity_expansion_bomb_fails_quickly():
    # "Billion laughs": 10 levels of 10 references, 10¹⁰ "lol"s if expanded.
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10)
    )
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE office:document-content ['
        + entities + b"]>" + ODT_CONTENT_START[len(b'<?xml version="1.0" encoding="UTF-8"?>'):]
        + b"<text:p>&lol9;</text:p>" + ODT_CONTENT_END
    )
    data = odt_with_content(content)

    started = time.monotonic()
    error = failure(data, "odt")

    assert error.code == "unreadable"
    assert time.monotonic() - started < 10
