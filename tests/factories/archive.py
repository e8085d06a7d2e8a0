"""Factories for the archive, shared by the ingest and the search tests.

``DocumentFactory`` makes a *published, public* document with both titles and
summaries (what most public-page tests need); pass ``status=``/``access=`` for
the others. ``DocumentFileFactory`` stores a real small file under the
content-hash name, with size, SHA-256 and MIME type that match its bytes, and
(for plain text) the extracted text already filled in, as if the extraction
task had run. Pass ``content=b"..."`` to choose the bytes.
"""

import datetime
import hashlib

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from archive.enums import (
    AccessLevel,
    DocumentType,
    ExtractionStatus,
    FileLanguage,
    PublicationStatus,
)
from archive.models import Document, DocumentFile, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Theme {n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n}")
    name = factory.SelfAttribute("name_ru")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    position = factory.Sequence(lambda n: n)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A published public document; ``themes=[...]`` and ``states=[...]`` set
    the many-to-many relations."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Report on labour migration no. {n}")
    title_ru = factory.Sequence(lambda n: f"Доклад о трудовой миграции № {n}")
    title = factory.SelfAttribute("title_ru")
    summary_en = "A short report on migrants and refugees in Central Asia."
    summary_ru = "Краткий доклад о мигрантах и беженцах в Центральной Азии."
    summary = factory.SelfAttribute("summary_ru")
    slug = factory.Sequence(lambda n: f"document-{n}")
    doc_type = DocumentType.REPORT
    date = datetime.date(2024, 5, 15)
    reference = ""
    access = AccessLevel.PUBLIC
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status != PublicationStatus.DRAFT else None
    )

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def states(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.states.set(extracted)


def _text_or_empty(o) -> str:
    return o.content.decode("utf-8") if o.mime_type.startswith("text/") else ""


class DocumentFileFactory(factory.django.DjangoModelFactory):
    """A real file on the default storage; size/sha256/mime_type match it."""

    class Meta:
        model = DocumentFile

    class Params:
        content = factory.Sequence(
            lambda n: (
                f"Archive file {n}. Migrants and refugees in the region.\n"
                f"Файл архива {n}. Мигранты и беженцы в регионе.\n"
            ).encode()
        )

    document = factory.SubFactory(DocumentFactory)
    language = FileLanguage.RUSSIAN
    original_filename = factory.LazyAttribute(lambda o: f"document-{o.language}.txt")
    size = factory.LazyAttribute(lambda o: len(o.content))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    mime_type = "text/plain"
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.original_filename))
    page_count = None
    extracted_text = factory.LazyAttribute(_text_or_empty)
    extraction_status = ExtractionStatus.DONE
