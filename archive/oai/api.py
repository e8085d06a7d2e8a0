"""The public documents' metadata as JSON (/api/documents/): the records
the OAI-PMH endpoint sends, newest document first, ``OAI_PAGE_SIZE`` a
page, with links to the next and previous pages. Anonymous requests are
served from the page cache (``archive.apps``), with an ETag."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _

from . import records
from .protocol import Repository


@dataclass
class Page:
    body: dict = field(default_factory=dict)
    error: str = ""


def documents_page(*, page: str, base_url: str, path: str, oai_path: str) -> Page:
    """Page ``page`` of the list (``base_url``: the portal's address;
    ``path``: the list's own, for the links between pages; ``oai_path``:
    the OAI-PMH endpoint's, whose identifiers the records carry)."""
    documents = records.with_relations(records.harvestable_documents().order_by("-date", "-pk"))
    paginator = Paginator(documents, settings.OAI_PAGE_SIZE)
    try:
        current = paginator.page(page)
    except InvalidPage:
        return Page(error=_("There is no page %(page)s in this list.") % {"page": page[:20]})
    found = list(current.object_list) if paginator.count else []
    repository = Repository(base_url=f"{base_url}{oai_path}")

    def link(number: int) -> str:
        return f"{base_url}{path}?page={number}"

    return Page(body={
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "next": link(current.next_page_number()) if current.has_next() else None,
        "previous": link(current.previous_page_number()) if current.has_previous() else None,
        "results": [_as_json(record, repository=repository, base_url=base_url)
                    for record in records.records(found)],
    })


def _as_json(record: records.DocumentRecord, *, repository: Repository, base_url: str) -> dict:
    return {
        "identifier": repository.identifier(record.pk),
        "slug": record.slug,
        "datestamp": record.datestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date": record.date.isoformat(),
        "reference": record.reference,
        "type": {"value": record.doc_type.key, "name": record.doc_type.names},
        "title": record.titles,
        "summary": record.summaries,
        "themes": [{"slug": theme.key, "name": theme.names} for theme in record.themes],
        "states": [{"iso3": state.key, "name": state.names} for state in record.states],
        "languages": record.languages,
        "url": {language: f"{base_url}{path}" for language, path in record.paths.items()},
        "files": [
            {"language": file.language, "mime_type": file.mime_type, "size": file.size,
             "filename": file.filename, "url": f"{base_url}{file.path}"}
            for file in record.files
        ],
    }
