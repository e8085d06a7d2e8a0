"""Is an uploaded PDF safe to keep and hand out? The one check of every PDF
upload of the portal: archive files (admin and bulk upload) and notes
verbales go through archive.uploads.inspect_upload, which calls
:func:`check_pdf` for anything it reads as a PDF.

Refused, each with its own message naming the file and the problem:

- a file pypdf cannot read as a PDF (damaged, or another format behind a
  ``%PDF`` header: the ``%PDF``-then-HTML polyglot), or one protected by a
  password (its objects cannot be read, so they cannot be checked);
- HTML markup in the file's first kilobyte (where browsers and older
  content sniffers look);
- JavaScript anywhere: a ``/JS`` or ``/JavaScript`` entry (an action, the
  document's JavaScript names tree) or a ``/JavaScript`` action;
- launch actions (``/Launch``: start a program or open a local file);
- additional actions (``/AA``: run when a page opens, a field is left...);
- embedded files and attachments (``/EmbeddedFiles``, ``/EmbeddedFile``
  streams, ``/FileAttachment`` annotations, file specifications carrying
  an ``/EF`` entry, actions that go into an embedded file).

pypdf reads every object reachable from the trailer (the document catalog,
pages, annotations, outlines, forms, names trees, object streams too), with
names unescaped, so ``/J#61vaScript`` is read as ``/JavaScript``. Stream
contents (page text, images) are not decoded: only dictionaries matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# A walk of more objects than this is stopped and the file refused: a real
# document of 10,000 pages has a few hundred thousand objects.
MAX_OBJECTS = 2_000_000
HEAD_SIZE = 1024
HTML_MARKERS = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|object|embed|svg|img|a\s|meta|"
    rb"form|style|link|base)\b|<!--",
    re.IGNORECASE,
)

JAVASCRIPT_KEYS = {"/JS", "/JavaScript"}
JAVASCRIPT_ACTIONS = {"/JavaScript", "/RichMediaExecute"}
LAUNCH_ACTIONS = {"/Launch"}
EMBEDDED_KEYS = {"/EmbeddedFiles", "/EF", "/RichMediaContent"}
EMBEDDED_TYPES = {"/EmbeddedFile"}
EMBEDDED_SUBTYPES = {"/FileAttachment", "/RichMedia"}
EMBEDDED_ACTIONS = {"/GoToE"}

MESSAGES = {
    "pdf_unreadable": _(
        "“%(name)s” cannot be read as a PDF: it is damaged, or another kind of file "
        "behind a PDF header. Save it again as a PDF and upload it."
    ),
    "pdf_encrypted": _(
        "“%(name)s” is protected by a password, so it cannot be checked: upload it "
        "without the password."
    ),
    "pdf_html": _(
        "“%(name)s” contains web page markup (HTML) at its start, which a PDF never "
        "does: save it again as a PDF and upload it."
    ),
    "pdf_javascript": _(
        "“%(name)s” contains JavaScript, which is not accepted in a PDF: save or print "
        "it again as a PDF without scripts and upload it."
    ),
    "pdf_launch": _(
        "“%(name)s” contains an action that starts a program or opens another file, "
        "which is not accepted: save or print it again as a plain PDF and upload it."
    ),
    "pdf_additional_action": _(
        "“%(name)s” contains actions that run by themselves when it is opened or read "
        "(additional actions), which are not accepted: save or print it again as a "
        "plain PDF and upload it."
    ),
    "pdf_embedded_file": _(
        "“%(name)s” contains embedded files or attachments, which are not accepted: "
        "upload each document on its own."
    ),
    "pdf_too_complex": _(
        "“%(name)s” has too many internal objects to be checked: save it again as a "
        "PDF (or split it) and upload it."
    ),
}


class UnsafePdfError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _problem_of(obj: DictionaryObject) -> str | None:
    """The code of what is wrong with one dictionary, or None."""
    keys = set(obj.keys())
    if keys & JAVASCRIPT_KEYS:
        return "pdf_javascript"
    action = obj.get("/S")
    if action in JAVASCRIPT_ACTIONS:
        return "pdf_javascript"
    if action in LAUNCH_ACTIONS:
        return "pdf_launch"
    if "/AA" in keys:
        return "pdf_additional_action"
    if (
        keys & EMBEDDED_KEYS or action in EMBEDDED_ACTIONS
        or obj.get("/Type") in EMBEDDED_TYPES or obj.get("/Subtype") in EMBEDDED_SUBTYPES
    ):
        return "pdf_embedded_file"
    return None


def _children(obj) -> Iterator:
    if isinstance(obj, DictionaryObject):
        yield from obj.values()
    elif isinstance(obj, ArrayObject):
        yield from obj


def _walk(reader: PdfReader) -> None:
    """Every object reachable from the trailer, each indirect object once."""
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    count = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        count += 1
        if count > MAX_OBJECTS:
            raise UnsafePdfError("pdf_too_complex")
        if isinstance(obj, DictionaryObject):
            problem = _problem_of(obj)
            if problem:
                raise UnsafePdfError(problem)
        if isinstance(obj, DictionaryObject | ArrayObject):
            stack.extend(child for child in _children(obj)
                         if isinstance(child, DictionaryObject | ArrayObject | IndirectObject))


def pdf_problem(stream: IO[bytes]) -> str | None:
    """The code of the first problem found in the PDF ``stream`` (a key of
    MESSAGES), or None when it is safe. The stream is left at its start."""
    stream.seek(0)
    head = stream.read(HEAD_SIZE)
    stream.seek(0)
    if not head.startswith(b"%PDF-"):
        return "pdf_unreadable"
    if HTML_MARKERS.search(head):
        return "pdf_html"
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return "pdf_encrypted"
        if not isinstance(reader.trailer.get("/Root", None), IndirectObject | DictionaryObject):
            return "pdf_unreadable"
        if not isinstance(reader.root_object, DictionaryObject):
            return "pdf_unreadable"
        len(reader.pages)  # a page tree pypdf can follow
        _walk(reader)
    except UnsafePdfError as problem:
        return problem.code
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, OSError, NotImplementedError, AssertionError):
        return "pdf_unreadable"
    finally:
        stream.seek(0)
    return None


def check_pdf(stream: IO[bytes], *, name: str) -> None:
    """Raise ValidationError (code as in MESSAGES, naming the file) unless
    the PDF in ``stream`` is safe to keep and to hand out."""
    problem = pdf_problem(stream)
    if problem is not None:
        raise ValidationError(MESSAGES[problem], code=problem, params={"name": name})
