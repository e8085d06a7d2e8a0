"""Demo data of the archive: a dozen documents with generated PDF files in
Russian and English, filed under the thematic areas that migration 0004
loads as reference data.

The texts are written for the demo (not official documents), with enough
real Russian and English prose on mixed migration, refugees and labour
migrants for the search to be tried in both languages, except two taken
from the seeds: the Operational Mechanism (its text as written, with an
English translation) and the BOMCA seminar news. Most documents are public;
two are for participants only, one for the secretariat only, one exists in
Russian only, one in English only, and one is still a draft. The Almaty
Declaration is a record without a file: the seeds give its title, date and
conference, not its text, and the demo invents none. The Operational
Mechanism has no amendment: none is shown.

Everything goes through the services (files are inspected, stored, their
text extracted and the documents indexed), and a document already present
(by slug) is left alone, so a second run changes nothing."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core import pdf as core_pdf
from membership.models import ParticipantState

from ..enums import DocumentType, FileLanguage, PublicationStatus
from ..models import Document, Theme
from ..services import document_create, document_file_add, document_publish
from .content import DOCUMENTS, DemoDocument

NOON = datetime.time(12)


def _url_fetcher():
    """WeasyPrint may read the bundled fonts under static/ and nothing else."""
    return core_pdf.url_fetcher(roots=[core_pdf.STATIC_ROOT], allowed="static files")


def render_pdf(demo: DemoDocument, language: str, *, font_config, url_fetcher) -> bytes:
    index = 0 if language == FileLanguage.RUSSIAN else 1
    with translation.override(language):
        html = render_to_string("archive/pdf/demo_document.html", {
            "language": language, "title": demo.title[index], "summary": demo.summary[index],
            "paragraphs": demo.body[index], "reference": demo.reference, "date": demo.date,
            "doc_type": DocumentType(demo.doc_type).label,
            # The closing note for a text taken from a seed (else the
            # template's "written for the demo").
            "source_note": demo.source[index],
        })
    return core_pdf.render_pdf(html, base_url=core_pdf.STATIC_ROOT.as_uri() + "/",
                               fetcher=url_fetcher, font_config=font_config)


def _themes() -> dict[str, Theme]:
    """The thematic areas by slug: reference data that archive's migration
    0004 loads in every database, so the demo only reads them."""
    return {theme.slug: theme for theme in Theme.objects.all()}


def _create(demo: DemoDocument, themes: dict[str, Theme], *, font_config, url_fetcher) -> None:
    title_ru, title_en = demo.title
    summary_ru, summary_en = demo.summary
    document = document_create(
        created_by=None, doc_type=demo.doc_type, date=demo.date, slug=demo.slug,
        title_ru=title_ru, title_en=title_en, summary_ru=summary_ru, summary_en=summary_en,
        reference=demo.reference, access=demo.access,
        themes=[themes[slug] for slug in demo.themes],
        states=list(ParticipantState.objects.filter(iso3__in=demo.states)),
        supersedes=(
            Document.objects.filter(slug=demo.supersedes).first() if demo.supersedes else None
        ),
    )
    for language in demo.languages:
        pdf = render_pdf(demo, language, font_config=font_config, url_fetcher=url_fetcher)
        upload = SimpleUploadedFile(f"{demo.slug}-{language}.pdf", pdf,
                                    content_type="application/pdf")
        document_file_add(document=document, upload=upload, language=language,
                          uploaded_by=None)
    if demo.published:
        document_publish(document=document, by=None)
        # As if published when it was issued, so that "Latest documents"
        # and the feeds show the demo archive in a believable order.
        Document.objects.filter(pk=document.pk).update(
            published_at=timezone.make_aware(datetime.datetime.combine(demo.date, NOON))
        )


def load() -> str:
    themes = _themes()
    existing = set(
        Document.objects.filter(slug__in=[demo.slug for demo in DOCUMENTS])
        .values_list("slug", flat=True)
    )
    missing = [demo for demo in DOCUMENTS if demo.slug not in existing]
    if missing:
        # Importing WeasyPrint takes a second or two: only when there is work.
        font_config, url_fetcher = core_pdf.font_configuration(), _url_fetcher()
        for demo in missing:  # in order: a superseded document comes before its successor
            _create(demo, themes, font_config=font_config, url_fetcher=url_fetcher)
    published = Document.objects.filter(
        slug__in=[demo.slug for demo in DOCUMENTS], status=PublicationStatus.PUBLISHED
    ).count()
    return (
        f"archive: {len(themes)} themes, {len(DOCUMENTS)} documents ({published} published, "
        f"{len(missing)} added now)"
    )

