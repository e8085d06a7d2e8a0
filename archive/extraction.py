"""Text and page count of an archived file, for search and for the listing.

One reader per accepted type (archive.uploads): pypdf for PDF (AES-encrypted
files with an empty user password too: ``cryptography`` is installed),
python-docx, openpyxl (read-only mode, row by row), python-pptx, odfpy, and
plain text decoded as UTF-8 (with or without a BOM) or else Windows-1251.

Page count: the PDF's pages; the slides of a presentation; for DOCX and ODT
the page count the word processor recorded when it saved the file (Word and
LibreOffice write it to docProps/app.xml or meta.xml; None when absent); None
for spreadsheets and plain text, which have no pages until printed.

The stored text is capped at MAX_TEXT_CHARS characters (2 million: several
hundred pages, far more than search needs); readers stop early once the cap
is reached, and ``Extraction.truncated`` says so. NUL characters, which
PostgreSQL cannot store in text, are dropped.

Bounded: ``extract`` never reads in the calling process. It runs
``python -m archive.extraction`` as a child process that limits its own
address space (RLIMIT_AS) and processor time (RLIMIT_CPU) before reading, and
the parent kills it after a wall-clock budget. Before parsing, the readers
refuse files no real document resembles: more pages than
ARCHIVE_EXTRACTION_MAX_PAGES, an Office or OpenDocument file that unpacks to
more than ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE, OpenDocument XML larger than
ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE (odfpy needs ~45 bytes of memory per
byte of XML). The settings and the reasons are in the README.

Any failure raises ExtractionError, whose text (translated in the language
active when it is turned into a string) is recorded on the file for the admin.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _

from . import uploads

MAX_TEXT_CHARS = 2_000_000
APP_PROPERTIES_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
MEGABYTE = 1024 * 1024
# The project root, so that the child finds the ``archive`` package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# How much of a crashed child's stderr is kept in the message.
DETAIL_CHARS = 300

# Messages by code: the child reports a code and its parameters, the parent
# translates (the child has no Django settings).
MESSAGES = {
    "unknown_type": _("No text reader for %(mime_type)s."),
    "encrypted": _("The PDF is password-protected."),
    "encoding": _("The text is neither UTF-8 nor Windows-1251."),
    "too_many_pages": _(
        "Pages: %(pages)s, more than the limit of %(limit)s for a document of the archive; "
        "its text was not read."
    ),
    "unpacked_too_large": _(
        "The file unpacks to more than %(limit)s MB, which no real document does; "
        "its text was not read."
    ),
    "xml_too_large": _(
        "The file’s XML is larger than %(limit)s MB unpacked, which no real document "
        "is; its text was not read."
    ),
    "unreadable": _("The file could not be read: %(detail)s"),
    "timeout": _("Reading the text took longer than %(seconds)s s; it was stopped."),
    "cpu": _("Reading the text used more than %(seconds)s s of processor time; it was stopped."),
    "memory": _("Reading the text needed more than %(limit)s MB of memory; it was stopped."),
    "crashed": _("The text reader stopped unexpectedly (%(detail)s)."),
}


class ExtractionError(Exception):
    """The file could not be read; ``str()`` is the (translated) message
    recorded on the file."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return str(MESSAGES[self.code] % self.params)


@dataclass(frozen=True)
class Extraction:
    text: str
    page_count: int | None
    truncated: bool = False


@dataclass(frozen=True)
class Limits:
    """What one extraction may cost; ``from_settings`` reads the
    ARCHIVE_EXTRACTION_* settings."""

    time_seconds: float = 120
    cpu_seconds: int = 100
    memory_bytes: int = 1024 * MEGABYTE
    max_pages: int = 10_000
    max_unpacked_size: int = 256 * MEGABYTE
    max_odf_xml_size: int = 16 * MEGABYTE
    max_text_chars: int = MAX_TEXT_CHARS

    @classmethod
    def from_settings(cls) -> Limits:
        from django.conf import settings

        return cls(
            time_seconds=settings.ARCHIVE_EXTRACTION_TIME_LIMIT,
            cpu_seconds=settings.ARCHIVE_EXTRACTION_CPU_LIMIT,
            memory_bytes=settings.ARCHIVE_EXTRACTION_MEMORY_LIMIT,
            max_pages=settings.ARCHIVE_EXTRACTION_MAX_PAGES,
            max_unpacked_size=settings.ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE,
            max_odf_xml_size=settings.ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE,
        )


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:g}"


# --- Readers (run in the child) ----------------------------------------------------

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
                                  limit=_megabytes(limits.max_unpacked_size))
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
        raise ExtractionError("xml_too_large", limit=_megabytes(limits.max_odf_xml_size))
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


# --- The bounded child (the parent's side) ------------------------------------------

@contextlib.contextmanager
def _path_of(file: IO[bytes]) -> Iterator[str]:
    """A filesystem path holding ``file``'s bytes: the file's own path when
    it is an open file of the local storage, else a temporary copy."""
    inner = getattr(file, "file", file)  # Django's File wraps the real file object
    name = getattr(inner, "name", None)
    if isinstance(name, str) and Path(name).is_absolute() and Path(name).is_file():
        yield name
        return
    with tempfile.NamedTemporaryFile(prefix="archive-extraction-") as copy:
        file.seek(0)
        shutil.copyfileobj(file, copy, uploads.CHUNK_SIZE)
        copy.flush()
        yield copy.name


def _child_environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _seconds(value: float) -> str:
    return f"{value:g}"


def _outcome(done: subprocess.CompletedProcess, limits: Limits) -> Extraction:
    """The child's answer, or what its end says about it."""
    if done.returncode == 0:
        try:
            payload = json.loads(done.stdout)
        except ValueError:
            payload = {"error": "crashed", "params": {"detail": "no result"}}
        if "error" not in payload:
            return Extraction(text=payload["text"], page_count=payload["page_count"],
                              truncated=payload["truncated"])
        if payload["error"] in MESSAGES:
            raise ExtractionError(payload["error"], **payload["params"])
        raise ExtractionError("crashed", detail=str(payload["error"])[:DETAIL_CHARS])
    stderr = done.stderr.decode("utf-8", errors="replace").strip()
    if done.returncode == -signal.SIGXCPU:
        raise ExtractionError("cpu", seconds=limits.cpu_seconds)
    if "MemoryError" in stderr:
        raise ExtractionError("memory", limit=_megabytes(limits.memory_bytes))
    if done.returncode < 0:
        detail = signal.Signals(-done.returncode).name
    else:
        detail = (stderr.splitlines() or [f"exit status {done.returncode}"])[-1]
    raise ExtractionError("crashed", detail=detail[:DETAIL_CHARS])


def extract(file: IO[bytes], *, mime_type: str, limits: Limits | None = None) -> Extraction:
    """Read the text and page count of ``file`` (binary, seekable) in a
    child process bounded by ``limits`` (by default the settings'); raise
    ExtractionError when the file cannot be read or a limit is reached."""
    limits = limits or Limits.from_settings()
    if mime_type not in READERS:
        raise ExtractionError("unknown_type", mime_type=mime_type)
    with _path_of(file) as path:
        command = [sys.executable, "-m", "archive.extraction", path, mime_type,
                   json.dumps(dataclasses.asdict(limits))]
        try:
            done = subprocess.run(  # noqa: S603 (our own interpreter and module, no shell)
                command, stdin=subprocess.DEVNULL, capture_output=True, check=False,
                timeout=limits.time_seconds, cwd=PROJECT_ROOT, env=_child_environment(),
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError("timeout", seconds=_seconds(limits.time_seconds)) from exc
    return _outcome(done, limits)


# --- The child's entry point ---------------------------------------------------------

def _limit_this_process(limits: Limits) -> None:
    """Lower this process's address space and processor time limits (past
    the soft CPU limit the kernel sends SIGXCPU, a second later SIGKILL)."""
    import resource

    def lower(kind: int, soft: int, hard: int) -> None:
        _, current_hard = resource.getrlimit(kind)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        resource.setrlimit(kind, (soft, hard))

    lower(resource.RLIMIT_AS, limits.memory_bytes, limits.memory_bytes)
    lower(resource.RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + 1)


def _used_the_memory_allowed(limits: Limits) -> bool:
    """Did this process's address space peak near its limit? Parsers such
    as lxml report a failed allocation as a syntax error ("unknown error")."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("VmPeak:"):
            peak = int(line.split()[1]) * 1024
            return peak >= limits.memory_bytes - max(32 * MEGABYTE, limits.memory_bytes // 10)
    return False


def main(argv: list[str]) -> int:
    """``python -m archive.extraction PATH MIME_TYPE LIMITS_JSON``: one JSON
    object on stdout, the extraction or {"error": code, "params": {...}}."""
    path, mime_type, limits_json = argv
    limits = Limits(**json.loads(limits_json))
    _limit_this_process(limits)
    try:
        with Path(path).open("rb") as file:
            result = read(file, mime_type=mime_type, limits=limits)
        payload = {"text": result.text, "page_count": result.page_count,
                   "truncated": result.truncated}
    except ExtractionError as exc:
        payload = {"error": exc.code, "params": exc.params}
        if exc.code == "unreadable" and _used_the_memory_allowed(limits):
            payload = {"error": "memory",
                       "params": {"limit": _megabytes(limits.memory_bytes)}}
    except MemoryError:
        payload = {"error": "memory", "params": {"limit": _megabytes(limits.memory_bytes)}}
    sys.stdout.write(json.dumps(payload))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
