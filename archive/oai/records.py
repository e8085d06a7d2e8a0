"""What the harvesters read: the public documents (``selectors.
public_documents``, the archive's one access rule: published and public,
whoever asks) with the few columns and relations their metadata needs, in
datestamp order, and that metadata in both languages (``DocumentRecord``),
shared by the OAI-PMH endpoint and the JSON list.

A record's datestamp is the document's ``updated_at`` (UTC, to the
second): a harvester asking ``from`` a date gets every document saved since.
A record is read in a constant number of queries however many there are:
one for the page, one each for its themes, states and files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from membership.models import ParticipantState

from .. import selectors
from ..enums import DocumentType, FileLanguage
from ..models import Document, DocumentFile, Theme

LANGUAGES = ("ru", "en")

# The document's own columns a record shows (never the search columns).
_COLUMNS = ("pk", "slug", "doc_type", "date", "reference", "updated_at", "published_at",
            *(f"{field}_{language}" for field in ("title", "summary") for language in LANGUAGES))

TYPE_SET = "type"
THEME_SET = "theme"


@dataclass(frozen=True)
class Named:
    """A theme, a state or a type: its key and its name in each language."""

    key: str
    names: dict[str, str]


@dataclass(frozen=True)
class FileLink:
    language: str
    mime_type: str
    size: int
    filename: str
    path: str


@dataclass(frozen=True)
class DocumentRecord:
    """A public document's metadata, in both languages. ``paths`` are the
    document's page in each language (absolute paths: the caller adds the
    portal's address)."""

    pk: int
    slug: str
    datestamp: datetime.datetime
    date: datetime.date
    reference: str
    doc_type: Named
    titles: dict[str, str]
    summaries: dict[str, str]
    themes: list[Named]
    states: list[Named]
    files: list[FileLink]
    paths: dict[str, str]

    @property
    def set_specs(self) -> list[str]:
        return [f"{TYPE_SET}:{self.doc_type.key}",
                *(f"{THEME_SET}:{theme.key}" for theme in self.themes)]

    @property
    def languages(self) -> list[str]:
        """The languages of its files (ISO 639-1), in the files' order."""
        found = [f.language for f in self.files if f.language != FileLanguage.OTHER]
        return list(dict.fromkeys(found))

    @property
    def formats(self) -> list[str]:
        return list(dict.fromkeys(f.mime_type for f in self.files))


def datestamp_of(moment: datetime.datetime) -> datetime.datetime:
    """A datestamp as harvesters see it: UTC, to the second."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0)


def harvestable_documents(*, set_spec: str | None = None,
                          since: datetime.datetime | None = None,
                          before: datetime.datetime | None = None) -> QuerySet[Document]:
    """The public documents in datestamp order (then id), in ``set_spec``
    (``type``, ``type:<value>``, ``theme`` or ``theme:<slug>``; the caller
    has checked it with ``set_exists``), saved at or after ``since`` and
    before ``before``."""
    documents = selectors.public_documents().only(*_COLUMNS).order_by("updated_at", "pk")
    if set_spec:
        kind, _sep, key = set_spec.partition(":")
        if kind == TYPE_SET and key:
            documents = documents.filter(doc_type=key)
        elif kind == THEME_SET:
            links = Document.themes.through.objects.filter(document_id=OuterRef("pk"))
            if key:
                links = links.filter(theme__slug=key)
            documents = documents.filter(Exists(links))
    if since is not None:
        documents = documents.filter(updated_at__gte=since)
    if before is not None:
        documents = documents.filter(updated_at__lt=before)
    return documents


def after(documents: QuerySet[Document], *, datestamp: datetime.datetime,
          pk: int) -> QuerySet[Document]:
    """The documents that come after (``datestamp``, ``pk``) in datestamp
    order: where the next page of a list starts (keyset, so a page deep in
    the archive costs what the first does)."""
    # "at or after the datestamp" first: the range the datestamp index
    # (archive_doc_datestamp_idx) starts from, instead of its beginning.
    return documents.filter(updated_at__gte=datestamp).filter(
        Q(updated_at__gt=datestamp) | Q(pk__gt=pk))


def earliest_datestamp() -> datetime.datetime:
    """The oldest datestamp of a public document (now if there is none)."""
    first = selectors.public_documents().order_by("updated_at").values_list(
        "updated_at", flat=True).first()
    return datestamp_of(first or timezone.now())


def set_exists(set_spec: str) -> bool:
    kind, _sep, key = set_spec.partition(":")
    if kind == TYPE_SET:
        return not key or key in DocumentType.values
    if kind == THEME_SET:
        return not key or Theme.objects.filter(slug=key).exists()
    return False


def sets() -> list[Named]:
    """Every set, the two kinds first: types in the type list's order, then
    the themes in the Operational Mechanism's order."""
    types = [Named(key=f"{TYPE_SET}:{value}", names=_type_names(value))
             for value in DocumentType.values]
    themes = [Named(key=f"{THEME_SET}:{slug}", names={"ru": name_ru or name_en,
                                                     "en": name_en or name_ru})
              for slug, name_ru, name_en in Theme.objects.order_by("position", "slug")
              .values_list("slug", "name_ru", "name_en")]
    with_labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            with_labels[language] = (str(_("Document type")), str(_("Theme")))
    return [
        Named(key=TYPE_SET, names={lang: with_labels[lang][0] for lang in LANGUAGES}),
        *types,
        Named(key=THEME_SET, names={lang: with_labels[lang][1] for lang in LANGUAGES}),
        *themes,
    ]


def records(documents: list[Document], *, full: bool = True) -> list[DocumentRecord]:
    """The records of ``documents`` (read through ``with_relations`` with the
    same ``full``), in their order; not ``full``: a header's (no states,
    no files)."""
    return [_record(document, full=full) for document in documents]


def with_relations(documents: QuerySet[Document], *, full: bool = True) -> QuerySet[Document]:
    """``documents`` with what a record shows of their themes (their sets)
    and, ``full``, their states and files: a query each for a whole page,
    never a file's text."""
    themes = Theme.objects.only("pk", "slug", "name_ru", "name_en", "position")
    documents = documents.prefetch_related(
        Prefetch("themes", queryset=themes.order_by("position", "slug")))
    if not full:
        return documents
    return documents.prefetch_related(
        Prefetch("states", queryset=ParticipantState.objects.only(
            "pk", "iso3", "name_ru", "name_en").order_by("name")),
        Prefetch("files", queryset=DocumentFile.objects.only(
            "pk", "document_id", "language", "mime_type", "size", "original_filename",
        ).order_by("language", "pk")),
    )


def document_by_pk(pk: int) -> Document | None:
    """A public document by id, with its relations; None if it is not one."""
    return with_relations(harvestable_documents().filter(pk=pk)).first()


def _type_names(value: str) -> dict[str, str]:
    label = DocumentType(value).label
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = str(label)
    return names


def _both(ru: str | None, en: str | None) -> dict[str, str]:
    return {language: text for language, text in (("ru", ru), ("en", en)) if text}


def _record(document: Document, *, full: bool) -> DocumentRecord:
    paths = {}
    for language in LANGUAGES:
        with translation.override(language):
            paths[language] = document.get_absolute_url()
    with translation.override("ru"):
        files = [
            FileLink(language=file.language, mime_type=file.mime_type, size=file.size,
                     filename=file.original_filename,
                     path=reverse("archive:file_download",
                                  kwargs={"slug": document.slug, "pk": file.pk}))
            for file in (document.files.all() if full else ())
        ]
    return DocumentRecord(
        pk=document.pk,
        slug=document.slug,
        datestamp=datestamp_of(document.updated_at),
        date=document.date,
        reference=document.reference,
        doc_type=Named(key=document.doc_type, names=_type_names(document.doc_type)),
        titles=_both(document.title_ru, document.title_en),
        summaries=_both(document.summary_ru, document.summary_en),
        themes=[Named(key=theme.slug, names=_both(theme.name_ru, theme.name_en))
                for theme in document.themes.all()],
        states=[Named(key=state.iso3, names=_both(state.name_ru, state.name_en))
                for state in (document.states.all() if full else ())],
        files=files,
        paths=paths,
    )
