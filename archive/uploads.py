"""What an uploaded file really is: its type read from the content, its size,
its SHA-256 and a filename safe to show and to send back.

The extension is never trusted. libmagic (python-magic) reads the first bytes;
a ZIP container is then opened (its central directory only, not the whole
file) to tell Office Open XML and OpenDocument files from any other ZIP:
``[Content_Types].xml`` names the main part of a Word, Excel or PowerPoint
file, and an ODF file starts with a ``mimetype`` entry. Macro-enabled Office
files and templates are refused. A PDF is then parsed (archive.pdf_safety):
one with JavaScript, a launch or additional action, an embedded file, or
that cannot be read as a PDF (a polyglot) is refused.

The file is read once, in chunks, to compute the hash (and, for plain text,
to check that it decodes as UTF-8 or Windows-1251): a 50 MB upload is never
held in memory. The description is kept on the upload, so that the admin's
form and then the service that stores the file do not read and hash it twice.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .pdf_safety import check_pdf

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
TEXT = "text/plain"

# The accepted types and the extension a stored filename gets for each.
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx", PPTX: ".pptx", ODT: ".odt", TEXT: ".txt"}
# Extensions kept as they are for a type (a plain text file may be .csv or .md).
KEPT_EXTENSIONS = {TEXT: {".txt", ".text", ".csv", ".md"}}

# Main part content types in [Content_Types].xml: macro-enabled files
# (".main+xml" of the macroEnabled types) and templates are not in the list.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# libmagic's names for plain text: prose is sometimes taken for source code
# (text/x-c for a text with braces, ...). Such files are stored as text/plain;
# markup (HTML, XML, RTF) is refused.
TEXT_MIME_TYPES = {"text/plain", "text/csv"}
TEXT_MIME_PREFIX = "text/x-"

HEAD_SIZE = 64 * 1024
CHUNK_SIZE = 256 * 1024
# Filenames longer than this (in characters, extension included) are cut.
MAX_FILENAME_LENGTH = 120
# [Content_Types].xml and mimetype are tiny; a larger one is not an Office file.
MAX_MANIFEST_SIZE = 1024 * 1024
# Where inspect_upload keeps its description on the upload object.
INFO_ATTRIBUTE = "_archive_upload_info"

UNSAFE_FILENAME_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
WHITESPACE = re.compile(r"\s+")
ALPHA_SUFFIX = re.compile(r"\.[A-Za-z]{1,5}$")

MSG_EMPTY = _("“%(name)s” is empty.")
MSG_TOO_LARGE = _("“%(name)s” is too large (%(size)s): the limit is %(limit)s.")
MSG_FILE_TYPE = _(
    "“%(name)s” is not a PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), "
    "OpenDocument text (ODT) or plain text file."
)
MSG_TEXT_ENCODING = _(
    "“%(name)s” is a text file in an encoding other than UTF-8 or Windows-1251: "
    "save it in UTF-8 and upload it again."
)


@dataclass(frozen=True)
class UploadInfo:
    filename: str
    mime_type: str
    size: int
    sha256: str


def sanitize_filename(name: str, *, default: str = "document") -> str:
    """A filename safe to store and to send back: no directories, no control
    or reserved characters, NFC-normalised (Cyrillic letters kept as they
    are), single spaces, no leading dots, at most MAX_FILENAME_LENGTH
    characters with the extension kept."""
    name = unicodedata.normalize("NFC", name or "")
    # Browsers on Windows may send a full path; keep what follows the last separator.
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = UNSAFE_FILENAME_CHARS.sub("_", name)
    name = WHITESPACE.sub(" ", name).strip().lstrip(".").strip()
    if not name or not name.strip("._ "):
        name = default
    return _truncate(name)


def _truncate(name: str) -> str:
    if len(name) <= MAX_FILENAME_LENGTH:
        return name
    suffix = PurePosixPath(name).suffix if ALPHA_SUFFIX.search(name) else ""
    return name[: MAX_FILENAME_LENGTH - len(suffix)].rstrip(" .") + suffix


def filename_for_type(name: str, mime_type: str) -> str:
    """``name`` with the extension of the detected type: kept when it already
    matches, otherwise a wrong extension is replaced («отчёт.doc» holding a
    DOCX becomes «отчёт.docx») and a missing one added."""
    extension = EXTENSIONS[mime_type]
    match = ALPHA_SUFFIX.search(name)
    current = match.group().lower() if match else ""
    if current == extension or current in KEPT_EXTENSIONS.get(mime_type, ()):
        return name
    stem = name[: match.start()] if match else name
    stem = stem.rstrip(" .") or "document"
    return _truncate(stem + extension)


def _error(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _ooxml_or_odf_type(upload: UploadedFile) -> str | None:
    """DOCX/XLSX/PPTX/ODT from the ZIP's manifest entries, or None."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = {info.filename: info for info in archive.infolist()}
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return None
            mimetype = names.get("mimetype")
            if mimetype is not None and mimetype.file_size <= MAX_MANIFEST_SIZE:
                return ODT if archive.read(mimetype).strip() == ODT.encode() else None
            content_types = names.get("[Content_Types].xml")
            if content_types is None or content_types.file_size > MAX_MANIFEST_SIZE:
                return None
            root = ElementTree.fromstring(archive.read(content_types))  # noqa: S314
    except (zipfile.BadZipFile, ElementTree.ParseError, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        return None
    mains = {
        OOXML_MAIN_PARTS[node.get("ContentType", "")]
        for node in root.iter(f"{CONTENT_TYPES_NS}Override")
        if node.get("ContentType", "") in OOXML_MAIN_PARTS
    }
    return mains.pop() if len(mains) == 1 else None


def _detected_type(upload: UploadedFile, head: bytes) -> str | None:
    """The accepted MIME type of the content, or None."""
    sniffed = magic.from_buffer(head, mime=True)
    if sniffed == PDF:
        return PDF
    if head.startswith(b"PK\x03\x04") or sniffed == "application/zip" or (
        sniffed in OOXML_MAIN_PARTS.values() or sniffed == ODT
    ):
        return _ooxml_or_odf_type(upload)
    if sniffed in TEXT_MIME_TYPES or sniffed.startswith(TEXT_MIME_PREFIX):
        return TEXT
    return None


class _TextCheck:
    """Fed chunk by chunk: does the whole text decode as UTF-8, or failing
    that as Windows-1251 (every byte but 0x98), with no NUL byte?"""

    def __init__(self):
        self.utf8 = codecs.getincrementaldecoder("utf-8")()
        self.cp1251 = codecs.getincrementaldecoder("windows-1251")()
        self.is_utf8 = self.is_cp1251 = True
        self.has_nul = False

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        self.has_nul = self.has_nul or b"\x00" in chunk
        for attr, decoder in (("is_utf8", self.utf8), ("is_cp1251", self.cp1251)):
            if getattr(self, attr):
                try:
                    decoder.decode(chunk, final=final)
                except UnicodeDecodeError:
                    setattr(self, attr, False)

    @property
    def ok(self) -> bool:
        return not self.has_nul and (self.is_utf8 or self.is_cp1251)


def inspect_upload(upload: UploadedFile) -> UploadInfo:
    """Check an upload and describe it; raise ValidationError ("empty",
    "too_large" or "file_type", naming the file) when it cannot be archived.
    An upload already described is not read again."""
    known = getattr(upload, INFO_ATTRIBUTE, None)
    if known is not None:
        upload.seek(0)
        return known
    name = sanitize_filename(upload.name or "")
    limit = settings.ARCHIVE_MAX_UPLOAD_SIZE

    def too_large(size: int) -> ValidationError:
        return _error(MSG_TOO_LARGE, "too_large", name=name,
                      size=filesizeformat(size), limit=filesizeformat(limit))

    declared = upload.size
    if declared is not None and declared > limit:
        raise too_large(declared)
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    if not head:
        raise _error(MSG_EMPTY, "empty", name=name)
    mime_type = _detected_type(upload, head)
    if mime_type is None:
        raise _error(MSG_FILE_TYPE, "file_type", name=name)

    sha256 = hashlib.sha256()
    text_check = _TextCheck() if mime_type == TEXT else None
    size = 0
    upload.seek(0)
    for chunk in upload.chunks(CHUNK_SIZE):
        size += len(chunk)
        if size > limit:
            raise too_large(size)
        sha256.update(chunk)
        if text_check is not None:
            text_check.feed(chunk)
    upload.seek(0)
    if text_check is not None:
        text_check.feed(b"", final=True)
        if not text_check.ok:
            raise _error(MSG_TEXT_ENCODING, "file_type", name=name)
    if mime_type == PDF:
        # No script, launch or additional action, embedded file or polyglot.
        check_pdf(upload, name=name)
    info = UploadInfo(
        filename=filename_for_type(name, mime_type),
        mime_type=mime_type,
        size=size,
        sha256=sha256.hexdigest(),
    )
    setattr(upload, INFO_ATTRIBUTE, info)
    return info
