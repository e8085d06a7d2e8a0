"""Public pages of the archive: search and browse, a document's page, and
file downloads. Who may see what is decided in archive.selectors only."""

from __future__ import annotations

from dataclasses import asdict

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core import fragments

from . import selectors
from .downloads import file_response
from .enums import AccessLevel, DocumentType, FileLanguage, PublicationStatus
from .filters import DocumentFilter, Sort

# The list's query parameters: a request with these alone (each once, the
# types each once at most, every value short) has its results kept
# ({% fragment %}, core.fragments).
KEPT_PARAMETERS = frozenset({
    "q", "type", "year", "date_from", "date_to", "theme", "state", "language", "sort", "page",
})


def kept_key(query) -> str | None:
    """What the list's results vary on beside the language, the Almaty
    date, the content and the reader's access circle (core.fragments.
    query_key): the types checked may repeat, each once."""
    return fragments.query_key(query, KEPT_PARAMETERS,
                               repeatable={"type": len(DocumentType.choices)})


class DocumentListView(ListView):
    """The list (and its search) is the same for every reader of one
    access circle: its results (the filters' options and counts, the rows,
    the pager) are kept per query, circle, language, Almaty date and
    content generation, and read only when they are rendered."""

    template_name = "archive/document_list.html"
    context_object_name = "documents"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        """The page with its listing handed over lazily: when the
        fragment is kept (kept_key), not even the filters are validated
        (a theme or a state is a query)."""
        key = kept_key(request.GET)
        listing = self.results_context() if key is None else SimpleLazyObject(
            self.results_context)
        return self.render_to_response({
            "view": self, "kept_key": key, "listing": listing,
            # Whether the title may name a search (its text, once the
            # filters are valid: kept with the results' key).
            "searched": bool(request.GET.get("q", "").strip()),
        })

    def get_template_names(self) -> list[str]:
        return [self.template_name]  # ListView's would read the queryset

    def results_context(self) -> dict:
        self.object_list = self.get_queryset()
        return self.get_context_data()

    def get_queryset(self):
        self.filterset = DocumentFilter(
            self.request.GET,
            queryset=selectors.documents_for_list(user=self.request.user),
            request=self.request,
            base_key=selectors.list_key(user=self.request.user),
        )
        if not self.filterset.is_valid():
            return self.filterset.queryset.none()
        if self.filterset.ranks_by_relevance:
            # Matched, counted and paged in one statement (_paginate_ranked).
            return self.filterset.queryset.none()
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        if self.filterset.is_valid() and self.filterset.ranks_by_relevance:
            return self._paginate_ranked(page_size)
        # The search is matched once for the counts per type (one GROUP BY
        # that follows every filter but the type); the total is their sum
        # over the chosen types, so the paginator does not count again.
        self.type_counts = self.filterset.type_counts()
        paginator = KnownCountPaginator(
            queryset, page_size, count=self.filterset.total_of(self.type_counts)
        )
        # A page number out of range (or not a number) shows the nearest
        # page instead of a 404: these links get shared and go stale.
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        if not paginator.count:
            page.object_list = []
        elif self.filterset.query and self.filterset.sort_order == Sort.RELEVANCE:
            page.object_list = selectors.ranked_documents(
                queryset, user=self.request.user, offset=page.start_index() - 1, limit=page_size,
            )
        else:
            page.object_list = self._page_by_keys(queryset, page)
        return paginator, page, page.object_list, page.has_other_pages()

    def _paginate_ranked(self, page_size: int):
        """A search by relevance: the page asked for and the counts per type
        from one match of the search (``DocumentFilter.
        ranked_page_and_counts``), the total their sum over the chosen types.
        A page number out of range (or not a number) shows the nearest page,
        as in the other lists: that page is then ranked again."""
        number = self.request.GET.get(self.page_kwarg)
        try:
            requested = max(1, int(number))
        except (TypeError, ValueError):
            requested = 1
        ranks, self.type_counts = self.filterset.ranked_page_and_counts(
            offset=(requested - 1) * page_size, limit=page_size,
        )
        paginator = KnownCountPaginator(
            [], page_size, count=self.filterset.total_of(self.type_counts)
        )
        page = paginator.get_page(number)
        if not paginator.count:
            page.object_list = []
        elif page.number != requested:
            page.object_list = selectors.ranked_documents(
                self.filterset.qs, user=self.request.user, offset=page.start_index() - 1,
                limit=page_size,
            )
        else:
            page.object_list = selectors.documents_in_rank_order(ranks, user=self.request.user)
        return paginator, page, page.object_list, page.has_other_pages()

    def _page_by_keys(self, queryset, page) -> list:
        """The page's documents in one query whose inner part picks the
        page's keys (the list's order, LIMIT/OFFSET): read with the page's
        slice directly, PostgreSQL plans the has_ru/has_en EXISTS columns as
        hashes of every file of the language (3.7 + 6.1 ms at 20,000
        documents, ~50 ms at 100,000) to mark 20 rows; for 20 keys it probes
        the files' index 40 times (1.4 ms for the whole query)."""
        keys = queryset.values("pk")[page.start_index() - 1:page.end_index()]
        return list(queryset.filter(pk__in=keys))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.filterset.query
        documents = context["documents"]
        if query:
            selectors.documents_with_snippets(documents, query=query, language=get_language())
        form = self.filterset.form
        valid = self.filterset.is_valid()
        context.update(
            filterset=self.filterset,
            form=form,
            filter_fields=self.filterset.fields_for_page(),
            query=query,
            sort_order=self.filterset.sort_order,
            type_counts=selectors.document_type_counts(counts=self.type_counts),
            chosen_types=set(form.cleaned_data.get("type") or ())
            if valid else set(self.request.GET.getlist("type")),
            total=context["paginator"].count,
        )
        return context


class KnownCountPaginator(Paginator):
    """A paginator told how many objects there are (counted already)."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


class DocumentDetailView(DetailView):
    """A document's page. Whether the reader may open it is decided first,
    on every request (a 404, or the redirect of an alias); its body
    (details, versions, meetings, files) is then kept per document, access
    circle (which versions the reader may open), language, Almaty date and
    content generation, and read only when it is rendered."""

    template_name = "archive/document_detail.html"
    context_object_name = "document"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != kwargs["slug"]:
            # /archive/<id>/ (and any other alias) leads to the slug.
            return HttpResponseRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_object(self, queryset=None):
        key = self.kwargs["slug"]
        # Who may open a document is decided by the reader's access levels
        # alone: the answer (the document, or None) is kept per key and
        # levels with the page's pieces.
        levels = selectors.list_key(user=self.request.user)[1]
        document = fragments.kept(
            "archive:document-page",
            lambda: selectors.document_for_page(key=key, user=self.request.user),
            vary=[key, *levels], request=self.request)
        if document is None:
            raise Http404(_("There is no such document in the archive."))
        return document

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        context.update(
            is_withdrawn=document.status == PublicationStatus.WITHDRAWN,
            body=SimpleLazyObject(self.body_context),
        )
        return context

    def body_context(self) -> dict:
        """What the page's body shows beside the document's own fields
        (files, versions, themes and states: four queries)."""
        document = self.object
        language = get_language()
        files = selectors.document_files(document=document)
        older, newer = selectors.version_links(document=document, user=self.request.user)
        languages = {f.language for f in files}
        themes, states = selectors.document_labels(document=document, language=language)
        return {
            **asdict(selectors.document_texts(document=document, language=language)),
            "files": files,
            "has_ru": FileLanguage.RUSSIAN in languages,
            "has_en": FileLanguage.ENGLISH in languages,
            "supersedes": older,
            "superseded_by": newer,
            "themes": themes,
            "states": states,
        }


def file_download(request, slug: str, pk: int):
    """A document's file, after the access check. A file the user may not
    see is a 404, like one that does not exist."""
    document_file = selectors.file_for_download(slug=slug, pk=pk, user=request.user)
    if document_file is None:
        raise Http404(_("There is no such file in the archive."))
    return file_response(
        request, document_file, private=document_file.document.access != AccessLevel.PUBLIC
    )
