"""Named reads of the archive, and its access rules: the ONE place that says
who may see which document. The list, search results (counts per type and
snippets), detail pages, downloads, feeds, the sitemap, the home page's
latest documents and a state's documents all start from here; the README's
"Access levels" table says the same in prose.

- public documents: everyone;
- participants and observers: also observers' focal points (states and
  international or regional organisations, never civil society) and
  pending states' coordinators (``membership.permissions.Roles.is_observer``);
- participant states only: coordinators of participant states and staff
  (``membership.permissions.Roles.is_participant``);
- secretariat only: staff.

Public pages show published documents; a withdrawn document keeps its page
(with a notice) and its files, but leaves the lists. Drafts are never shown
on public pages, not even to staff (they have the admin).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.db.models import (
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from membership.models import ParticipantState
from membership.permissions import roles_of

from . import search
from .enums import AccessLevel, DocumentType, FileLanguage, PublicationStatus
from .models import Document, DocumentFile, Theme
from .search.snippets import SNIPPET_SCAN_CHARS
from .search.word_forms import query_words

OTHER_LANGUAGE = {"ru": "en", "en": "ru"}

# Kept up to date by archive.search; never needed to show a page.
_SEARCH_FIELDS = ("search_ru", "search_en", "search_plain")


def _access_levels_for(user) -> list[str]:
    roles = roles_of(user)
    levels = [AccessLevel.PUBLIC]
    if roles.is_observer:
        levels.append(AccessLevel.OBSERVERS)
    if roles.is_participant:
        levels.append(AccessLevel.PARTICIPANTS)
    if roles.is_staff:
        levels.append(AccessLevel.SECRETARIAT)
    return levels


def access_levels_for(*, user) -> list[str]:
    """The access levels this user has: for rows of the apps above that
    follow the archive's levels (meetings' outcomes), so the rule stays
    here. ``user`` may be anonymous or None."""
    return _access_levels_for(user)


def has_file_in(language: str) -> Exists:
    """Whether a document has a file in ``language`` (an EXISTS column for
    the list, the language filter and the admin's translation gaps)."""
    return Exists(DocumentFile.objects.filter(document=OuterRef("pk"), language=language))


def documents_visible_to(*, user) -> QuerySet[Document]:
    """Published documents this user may see (what lists, search, counts,
    feeds and the sitemap show). ``user`` may be anonymous or None."""
    return Document.objects.filter(
        status=PublicationStatus.PUBLISHED, access__in=_access_levels_for(user)
    )


def public_documents() -> QuerySet[Document]:
    """Published public documents: what anyone may see (feeds, sitemap),
    without the search columns."""
    return documents_visible_to(user=AnonymousUser()).defer(*_SEARCH_FIELDS)


# documents_for_list's querysets, built once per set of access levels
# (never evaluated here: each caller gets a clone).
_list_querysets: dict[tuple[str, ...], QuerySet[Document]] = {}


def documents_for_list(*, user) -> QuerySet[Document]:
    """The archive list: visible documents with the language versions they
    have (two EXISTS columns, so the list needs no query per row). Building
    it (the EXISTS subqueries resolved) costs ~0.6 ms; it depends on nothing
    but the user's access levels, so it is built once per set of levels and
    each call returns a clone (5 µs)."""
    levels = tuple(_access_levels_for(user))
    queryset = _list_querysets.get(levels)
    if queryset is None:
        queryset = _list_querysets[levels] = documents_visible_to(user=user).defer(
            *_SEARCH_FIELDS).annotate(
            has_ru=has_file_in(FileLanguage.RUSSIAN),
            has_en=has_file_in(FileLanguage.ENGLISH),
        )
    return queryset.all()


def list_key(*, user) -> tuple:
    """What identifies ``documents_for_list(user=user)``'s SQL: the access
    levels it was built for."""
    return ("archive-list", tuple(_access_levels_for(user)))


def ranked_documents(ranked: QuerySet[Document], *, user, offset: int,
                     limit: int) -> list[Document]:
    """A page of a ``documents_search`` result ordered by relevance: ids and
    ranks sorted by the search (``archive.search.ranked_page_ids``: the
    words' weights hash-joined), then the page's documents read by id, each
    with its ``rank``. Slicing the ranked queryset itself would look up each
    matching document's weights one by one: slow for a common word."""
    return documents_in_rank_order(
        search.ranked_page_ids(ranked, offset=offset, limit=limit), user=user
    )


def documents_in_rank_order(ranks: list[tuple[int, float]], *, user) -> list[Document]:
    """The documents of (id, rank) pairs, in that order, each with its
    ``rank``, read by id (one query) among those this user may see."""
    ranks_by_id = dict(ranks)
    by_id = _list_documents_by_id(list(ranks_by_id), user=user)
    for pk, rank in ranks_by_id.items():
        if pk in by_id:
            by_id[pk].rank = rank
    return [by_id[pk] for pk in ranks_by_id if pk in by_id]


# The list's documents read by id on PostgreSQL, per (database, list_key):
# documents_for_list's SQL and parameters with the ids as one array
# parameter, and where that parameter is among the others.
_by_id_statements: dict[tuple, tuple[str, list, int]] = {}


def _list_documents_by_id(ids: list[int], *, user) -> dict[int, Document]:
    """``documents_for_list(user=user).in_bulk(ids)``. On PostgreSQL its
    statement is compiled once per set of access levels and then sent with
    the page's ids (``id = ANY(%s)``): compiling it for each results page
    cost about 1 ms, half of what reading the twenty documents costs."""
    visible = documents_for_list(user=user)
    if connections[visible.db].vendor != "postgresql":
        return visible.in_bulk(ids)
    key = (visible.db, list_key(user=user))
    found = _by_id_statements.get(key)
    if found is None:
        marker: list[int] = []
        by_ids = visible.order_by().extra(  # noqa: S610 - the SQL is ours, the ids a parameter
            where=[f'"{Document._meta.db_table}"."id" = ANY(%s)'], params=[marker])
        sql, params = by_ids.query.sql_with_params()
        position = next(n for n, param in enumerate(params) if param is marker)
        found = _by_id_statements[key] = (sql, list(params), position)
    sql, params, position = found
    arguments = [*params[:position], list(ids), *params[position + 1:]]
    with connections[visible.db].cursor() as cursor:
        cursor.execute(sql, arguments)
        columns = [column.name for column in cursor.description]
        rows = cursor.fetchall()
    # The rows made into documents as raw() would, without its per-query
    # mapping of columns (a third of the Python of reading the page).
    column_at = {name: n for n, name in enumerate(columns)}
    fields = [f.attname for f in Document._meta.concrete_fields if f.attname in column_at]
    taken = [column_at[name] for name in fields]
    extras = [(n, name) for n, name in enumerate(columns) if name not in fields]
    documents = {}
    for row in rows:
        document = Document.from_db(visible.db, fields, [row[n] for n in taken])
        for n, name in extras:
            setattr(document, name, row[n])
        documents[document.pk] = document
    return documents


def document_type_counts(*, counts: dict[str, int] | None) -> list[dict]:
    """The counts per type (``DocumentFilter.type_counts``, one GROUP BY
    query) in the order of the type list: ``value``, ``label``, ``count``.
    ``None`` (the filters are invalid) gives no counts."""
    return [
        {"value": value, "label": label,
         "count": None if counts is None else counts.get(value, 0)}
        for value, label in DocumentType.choices
    ]


# The filter controls' theme and state lists, per content generation and
# language: {(generation, language): (themes, states)}.
_filter_choices: dict[tuple[str, str], tuple[list, list]] = {}


def filter_choices(*, generation: str | None) -> tuple[list[tuple[str, str]],
                                                         list[tuple[str, str]]]:
    """The archive filters' choices in the active language: themes as
    (slug, name) and states as (lowercase ISO3 code, name), each in the
    lists' order. ``generation`` is the page cache's content generation the
    page is rendered in (``request.content_generation``, set by
    core.pagecache on an anonymous page it did not have): every
    save of a theme or a state starts a new one, so the lists are kept in
    this process for as long as it lasts, and the anonymous archive pages
    read them once per generation instead of twice a page. Without one (a
    signed-in visitor, the page cache off) they are read."""
    key = (generation, get_language())
    if generation is not None and (found := _filter_choices.get(key)) is not None:
        return found
    themes = list(Theme.objects.order_by("position", "slug").values_list("slug", "name"))
    states = [(code.lower(), name) for code, name in
              ParticipantState.objects.order_by("name").values_list("iso3", "name")]
    if generation is not None:
        if any(kept != generation for kept, _language in _filter_choices):
            _filter_choices.clear()
        _filter_choices[key] = (themes, states)
    return themes, states


def documents_with_snippets(
    documents: list[Document], *, query: str, language: str
) -> list[Document]:
    """Give each document of a results page its ``snippet`` for ``query``.
    Snippets read at most the first SNIPPET_SCAN_CHARS characters of each
    file's text, so only that head leaves the database (a report's text runs
    to megabytes), read as tuples (a prefetch of file objects cost more than
    the snippets themselves). The texts of the page's language come first,
    in one query for the whole page; the other language's, in a second
    query, only for the documents where the query's words are not in the
    page's language (search.snippet_in): most results pages need half the
    text."""
    if not documents:
        return documents
    files: dict[int, list[tuple[str, str | None]]] = {document.pk: [] for document in documents}
    first = search.file_languages_of(language)
    _read_file_heads(files, list(files), languages=first, include=True)
    missing = []
    for document in documents:
        found = search.snippet_in(document=document, query=query, language=language,
                                  files=files[document.pk])
        if found is None:
            missing.append(document)
        else:
            document.snippet = found
    if missing:
        _read_file_heads(files, [document.pk for document in missing], languages=first,
                         include=False)
        for document in missing:
            document.snippet = search.snippet(document=document, query=query,
                                              language=language, files=files[document.pk])
    return documents


def _read_file_heads(files: dict[int, list[tuple[str, str | None]]], document_ids: list[int],
                     *, languages: set[str], include: bool) -> None:
    """Add to ``files`` the (language, text head) of the files of
    ``document_ids`` in (``include``) or not in ``languages``, in the
    files' order. Written as SQL (the same on PostgreSQL and SQLite):
    building the statement through the ORM cost 0.8 ms of the results
    page, twice what the database takes to answer it."""
    table = DocumentFile._meta.db_table
    ids = ", ".join(["%s"] * len(document_ids))
    codes = sorted(languages)
    statement = (
        f"SELECT document_id, language, SUBSTR(extracted_text, 1, %s) FROM {table} "  # noqa: S608
        f"WHERE document_id IN ({ids}) AND {'' if include else 'NOT '}"
        f"language IN ({', '.join(['%s'] * len(codes))}) ORDER BY language, id"
    )
    with connections[DocumentFile.objects.db].cursor() as cursor:
        cursor.execute(statement, [SNIPPET_SCAN_CHARS, *document_ids, *codes])
        for document_id, file_language, text in cursor.fetchall():
            files[document_id].append((file_language, text))


def latest_documents(*, user, limit: int = 5) -> list[Document]:
    """The most recently published documents this user may see."""
    return list(
        documents_visible_to(user=user).defer(*_SEARCH_FIELDS).order_by("-published_at", "-pk")[
            :limit
        ]
    )


def documents_concerning(*, state, user, limit: int = 10) -> tuple[list[Document], int]:
    """The newest documents concerning ``state`` that this user may see,
    and how many there are in all (for the link to the filtered archive)."""
    visible = documents_visible_to(user=user).filter(states=state)
    newest = list(visible.defer(*_SEARCH_FIELDS).order_by("-date", "-pk")[:limit])
    total = len(newest) if len(newest) < limit else visible.count()
    return newest, total


@dataclass(frozen=True)
class DocumentTexts:
    """What the page offers of a document's other language: its title and
    summary there ("also in"), unless they are what the page already shows
    as the fallback of a missing text (marked by the {% translated %} tag)."""

    other_language: str
    other_title: str
    other_summary: str
    also_in: str


def document_texts(*, document: Document, language: str) -> DocumentTexts:
    current = language if language in OTHER_LANGUAGE else "ru"
    other = OTHER_LANGUAGE[current]
    own_title = getattr(document, f"title_{current}")
    own_summary = getattr(document, f"summary_{current}")
    return DocumentTexts(
        other_language=other,
        other_title=getattr(document, f"title_{other}") if own_title else "",
        other_summary=getattr(document, f"summary_{other}") if own_summary else "",
        also_in=_("Also in English") if other == "en" else _("Also in Russian"),
    )


def _pages_visible_to(*, user) -> QuerySet[Document]:
    """Documents whose page this user may open: published or withdrawn."""
    return Document.objects.filter(
        status__in=[PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN],
        access__in=_access_levels_for(user),
    )


def document_for_page(*, key: str, user) -> Document | None:
    """The document at /archive/<key>/ (slug, or numeric id for old links)
    if this user may see it; None otherwise (the caller answers 404, so
    existence does not leak). Its files, themes and states come from
    ``document_files`` and ``document_labels``."""
    queryset = _pages_visible_to(user=user).defer(*_SEARCH_FIELDS)
    document = queryset.filter(slug=key).first()
    if document is None and key.isdigit():
        document = queryset.filter(pk=int(key)).first()
    return document


def document_files(*, document: Document) -> list[DocumentFile]:
    """The files the document page lists (without their text). One query."""
    return list(
        DocumentFile.objects.filter(document=document)
        .only("pk", "document_id", "language", "original_filename", "mime_type", "size",
              "page_count")
        .order_by("language", "pk")
    )


@dataclass(frozen=True)
class ThemeLink:
    slug: str
    name: str


@dataclass(frozen=True)
class StateLink:
    code: str
    name: str

    def get_absolute_url(self) -> str:
        return reverse("membership:state_detail", kwargs={"code": self.code})


def document_labels(*, document: Document, language: str) -> tuple[list[ThemeLink],
                                                                     list[StateLink]]:
    """The document's themes (in the thematic areas' order) and the states
    it concerns (by name), in ``language`` (the other language where the
    name is missing): one UNION ALL query of the few columns shown, where
    two prefetches read every column of both models."""
    current = language if language in OTHER_LANGUAGE else "ru"
    other = OTHER_LANGUAGE[current]
    columns = ("key", f"name_{current}", f"name_{other}", "kind", "sort_position")
    themes = Theme.objects.filter(documents=document).order_by().annotate(
        key=F("slug"), kind=Value("theme"), sort_position=F("position"),
    ).values_list(*columns)
    states = ParticipantState.objects.filter(documents=document).order_by().annotate(
        key=F("iso3"), kind=Value("state"), sort_position=Value(0, output_field=IntegerField()),
    ).values_list(*columns)
    found: dict[str, list] = {"theme": [], "state": []}
    for key, name, other_name, kind, position in themes.union(states, all=True):
        found[kind].append((position, name or other_name or "", key))
    by_name = sorted(found["state"], key=lambda row: row[1].casefold())
    return (
        [ThemeLink(slug=key, name=name) for _, name, key in sorted(found["theme"],
                                                                   key=lambda r: (r[0], r[2]))],
        [StateLink(code=key.lower(), name=name) for _, name, key in by_name],
    )


def version_links(*, document: Document, user) -> tuple[Document | None, Document | None]:
    """(the document it supersedes, the document superseding it), each only
    if this user may open its page. One query."""
    related = Q()
    if document.supersedes_id:
        related |= Q(pk=document.supersedes_id)
    related |= Q(supersedes=document)
    found = list(_pages_visible_to(user=user).filter(related).defer(*_SEARCH_FIELDS))
    older = next((d for d in found if d.pk == document.supersedes_id), None)
    newer = next((d for d in found if d.supersedes_id == document.pk), None)
    return older, newer


def file_for_download(*, slug: str, pk: int, user) -> DocumentFile | None:
    """A file of a document whose page this user may open, or None."""
    return (
        DocumentFile.objects.filter(pk=pk, document__slug=slug)
        .filter(document__in=_pages_visible_to(user=user))
        .defer("extracted_text")
        .select_related("document")
        .defer(*(f"document__{name}" for name in _SEARCH_FIELDS))
        .first()
    )


def themes_in_order() -> list[Theme]:
    """The thematic areas, in the order of the Operational Mechanism's list
    (then any the secretariat added)."""
    return list(Theme.objects.order_by("position", "slug"))


def site_search_hits(*, query: str, user, language: str, limit: int) -> tuple[int, list[Document]]:
    """The site search's documents (/search/): how many this user may see
    match ``query`` (counted without the rank) and the best ``limit`` of
    them, ranked as the archive's list ranks a page. A query without a word
    to look for finds nothing here (the archive's list would stay whole)."""
    visible = documents_for_list(user=user)
    if not query_words(query):
        return 0, []
    count = search.documents_matching(visible, query).count()
    if not count:
        return 0, []
    ranked = search.documents_search(visible, query).order_by("-rank", "-date", "-pk")
    return count, ranked_documents(ranked, user=user, offset=0, limit=limit)
