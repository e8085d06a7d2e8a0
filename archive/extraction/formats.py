"""The readers, one per accepted type (archive.uploads), run in the child
process: pypdf for PDF (AES-encrypted files with an empty user password
too: ``cryptography`` is installed), python-docx, openpyxl (read-only mode,
row by row), python-pptx, odfpy, and plain text decoded as UTF-8 (with or
without a BOM) or else Windows-1251.

Page count: the PDF's pages; the slides of a presentation; for DOCX and ODT
the page count the word processor recorded when it saved the file (Word and
LibreOffice write it to docProps/app.xml or meta.xml; None when absent); None
for spreadsheets and plain text, which have no pages until printed.

Before parsing, the readers refuse files no real document resembles (the
caps of ``Limits``); they stop early once the text cap is reached."""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

from .. import uploads
from .errors import ExtractionError
from .limits import MAX_TEXT_CHARS, Limits, megabytes

APP_PROPERTIES_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@dataclass(frozen=True)
class Extraction:
    text: str
    page_count: int | None
    truncated: bool = False



class _Collector:
    """Accumulates text pieces up to ``limit`` characters."""

    def __init__(self, limit: int = MAX_TEXT_CHARS):
        self.limit = limit
        self.parts: list[str] = []
        self.length = 0
        self.truncated = False

    @property
    def full(self) -> bool:
        return self.truncated

    def add(self, piece: str) -> None:
        piece = (piece or "").replace("\x00", "").strip()
        if not piece or self.truncated:
            return
        room = self.limit - self.length
        if len(piece) + 1 > room:
            piece = piece[: max(room - 1, 0)]
            self.truncated = True
        self.parts.append(piece)
        self.length += len(piece) + 1

    def extend(self, pieces: Iterable[str]) -> None:
        for piece in pieces:
            self.add(piece)
            if self.full:
                return

    def text(self) -> str:
        return "\n".join(self.parts)


def _check_unpacked_size(file: IO[bytes], limits: Limits) -> None:
    """The sizes the ZIP's central directory declares (zipfile stops reading
    an entry at its declared size, so they cannot lie)."""
    file.seek(0)
    with zipfile.ZipFile(file) as archive:
        if sum(info.file_size for info in archive.infolist()) > limits.max_unpacked_size:
            raise ExtractionError("unpacked_too_large",
                                  limit=megabytes(limits.max_unpacked_size))
    file.seek(0)


def _check_pages(pages: int, limits: Limits) -> None:
    if pages > limits.max_pages:
        raise ExtractionError("too_many_pages", pages=pages, limit=limits.max_pages)


def _zip_member(file: IO[bytes], name: str) -> bytes | None:
    file.seek(0)
    with zipfile.ZipFile(file) as archive:
        try:
            info = archive.getinfo(name)
        except KeyError:
            return None
        return archive.read(info) if info.file_size <= uploads.MAX_MANIFEST_SIZE else None


def _int_or_none(value: str | None) -> int | None:
    try:
        number = int((value or "").strip())
    except ValueError:
        return None
    return number if number > 0 else None


def _pdf(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    from pypdf import PdfReader

    reader = PdfReader(file)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError("encrypted")
    # The page tree's declared count first: flattening 100,000 pages is work.
    try:
        declared = reader.root_object["/Pages"].get_object().get("/Count", 0)
    except (KeyError, AttributeError, TypeError, ValueError):
        declared = 0  # a damaged tree: pypdf may still find the pages
    if isinstance(declared, int):
        _check_pages(int(declared), limits)
    pages = reader.pages
    _check_pages(len(pages), limits)
    for page in pages:
        out.add(page.extract_text() or "")
        if out.full:
            break
    return len(pages)


def _docx_pieces(document) -> Iterator[str]:
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                yield "\t".join(cell.text for cell in row.cells)


def _docx(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    import docx

    _check_unpacked_size(file, limits)
    document = docx.Document(file)
    out.extend(_docx_pieces(document))
    for section in document.sections:
        out.extend(p.text for p in section.header.paragraphs)
        out.extend(p.text for p in section.footer.paragraphs)
    app = _zip_member(file, "docProps/app.xml")
    if app is None:
        return None
    # expat >= 2.4 (Python's) refuses entity expansion bombs; no external entities.
    pages = ElementTree.fromstring(app).find(f"{APP_PROPERTIES_NS}Pages")  # noqa: S314
    return _int_or_none(pages.text if pages is not None else None)


def _xlsx(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    import openpyxl

    _check_unpacked_size(file, limits)
    workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            out.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                out.add("\t".join(str(value) for value in row if value is not None))
                if out.full:
                    return None
    finally:
        workbook.close()
    return None


def _pptx_shape_texts(shapes) -> Iterator[str]:
    for shape in shapes:
        if getattr(shape, "has_text_frame", False):
            yield shape.text_frame.text
        if getattr(shape, "has_table", False):
            for row in shape.table.rows:
                yield "\t".join(cell.text for cell in row.cells)
        if hasattr(shape, "shapes"):  # a group
            yield from _pptx_shape_texts(shape.shapes)


def _pptx(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    import pptx

    _check_unpacked_size(file, limits)
    presentation = pptx.Presentation(file)
    slides = presentation.slides
    _check_pages(len(slides), limits)
    for slide in slides:
        out.extend(_pptx_shape_texts(slide.shapes))
        if slide.has_notes_slide:
            out.add(slide.notes_slide.notes_text_frame.text)
        if out.full:
            break
    return len(slides)


def _odf_blocks(node) -> Iterator[str]:
    """Paragraphs and headings in document order (odfpy's getElementsByType
    would give all headings, then all paragraphs)."""
    from odf import teletype

    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname[1] in {"p", "h"}:
            yield teletype.extractText(child)
        else:
            yield from _odf_blocks(child)


def _check_odf_xml_size(file: IO[bytes], limits: Limits) -> None:
    """odfpy builds a DOM of every XML part it loads, ~45 bytes of memory per
    byte of XML: refuse XML no real document has before it starts."""
    file.seek(0)
    with zipfile.ZipFile(file) as archive:
        xml_size = sum(info.file_size for info in archive.infolist()
                       if info.filename.lower().endswith(".xml"))
    if xml_size > limits.max_odf_xml_size:
        raise ExtractionError("xml_too_large", limit=megabytes(limits.max_odf_xml_size))
    file.seek(0)


def _odt(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    from odf import meta, opendocument

    _check_unpacked_size(file, limits)
    _check_odf_xml_size(file, limits)
    document = opendocument.load(file)
    out.extend(_odf_blocks(document.text))
    for statistic in document.meta.getElementsByType(meta.DocumentStatistic):
        return _int_or_none(statistic.getAttribute("pagecount"))
    return None


def _text(file: IO[bytes], out: _Collector, limits: Limits) -> int | None:
    """UTF-8 if the whole file decodes as UTF-8, else Windows-1251 (the
    upload check accepted only these two)."""
    for encoding in ("utf-8-sig", "windows-1251"):
        file.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        parts: list[str] = []
        length = 0
        try:
            while chunk := file.read(uploads.CHUNK_SIZE):
                parts.append(decoder.decode(chunk))
                length += len(parts[-1])
                if length > out.limit:
                    break
            else:
                parts.append(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            continue
        out.add("".join(parts))
        return None
    raise ExtractionError("encoding")


READERS = {
    uploads.PDF: _pdf,
    uploads.DOCX: _docx,
    uploads.XLSX: _xlsx,
    uploads.PPTX: _pptx,
    uploads.ODT: _odt,
    uploads.TEXT: _text,
}


def read(file: IO[bytes], *, mime_type: str, limits: Limits | None = None) -> Extraction:
    """Read ``file`` (binary, seekable) in this process, with the caps of
    ``limits`` but none of the process limits: the child's entry point.
    Everything else calls ``extract``."""
    limits = limits or Limits()
    reader = READERS.get(mime_type)
    if reader is None:
        raise ExtractionError("unknown_type", mime_type=mime_type)
    out = _Collector(limits.max_text_chars)
    file.seek(0)
    try:
        page_count = reader(file, out, limits)
    except (ExtractionError, MemoryError):
        raise
    except Exception as exc:  # any parser failure is recorded on the file, never lost
        raise ExtractionError("unreadable", detail=f"{type(exc).__name__}: {exc}"[:2000]) from exc
    return Extraction(text=out.text(), page_count=page_count, truncated=out.truncated)

