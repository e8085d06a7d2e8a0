"""Factories of briefing packs' inputs: PDF files for archive documents
(made with pypdf: blank pages, fast), broken and encrypted ones, and the
pack's document selection."""

import hashlib
import io

import factory
from django.core.files.base import ContentFile
from pypdf import PdfWriter

from archive.enums import FileLanguage
from archive.models import DocumentFile
from briefings.models import PackDocument

from .archive import DocumentFactory
from .meetings import MeetingFactory


def pdf_bytes(pages: int = 2, *, password: str | None = None, marker: str = "") -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595.28, height=841.89)
    if marker:
        writer.add_metadata({"/Subject": marker})
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CORRUPT_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ngarbage\n%%EOF\n"


def pdf_file(document, *, language=FileLanguage.RUSSIAN, content: bytes | None = None,
             pages: int = 2, mime_type: str = "application/pdf") -> DocumentFile:
    """A PDF (or any ``content``) stored as ``document``'s file in ``language``."""
    content = content if content is not None else pdf_bytes(
        pages, marker=f"{document.pk}-{language}")
    digest = hashlib.sha256(content).hexdigest()
    return DocumentFile.objects.create(
        document=document, language=language,
        file=ContentFile(content, name=f"{document.slug}-{language}.pdf"),
        original_filename=f"{document.slug}-{language}.pdf", size=len(content), sha256=digest,
        mime_type=mime_type, page_count=None,
    )


class PackDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PackDocument

    meeting = factory.SubFactory(MeetingFactory)
    document = factory.SubFactory(DocumentFactory)
    position = factory.Sequence(lambda n: n)
