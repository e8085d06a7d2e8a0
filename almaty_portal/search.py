"""Site-wide search (/search/): documents, meetings and news with one box.

The site asks each app, through its selectors, for what it holds: the
archive for the documents this user may see (its full-text search and its
one access rule), meetings and content for their meetings and news, found
in any form of the words typed by the archive's one word analyser
(archive.search.word_forms). Each app's ``site_search_hits`` gives the
count of a kind and its first few results; the full results are the
archive's search (documents) or this page with ``kind=`` (the app's
``<kind>_matching`` queryset, paginated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive import selectors as archive_selectors
from content import selectors as content_selectors
from meetings import selectors as meeting_selectors

MAX_QUERY_LENGTH = 200
PREVIEW = 5
DOCUMENTS, MEETINGS, NEWS = "documents", "meetings", "news"


@dataclass(frozen=True)
class Kind:
    """A kind of result and the app's selectors that find it: ``hits``
    (count and preview, for the grouped page) and ``matching`` (every
    result, for the one-kind page; None where the app's own list pages
    them, as the archive does)."""

    label: str | Promise
    hits: Callable[..., tuple[int, list]]
    matching: Callable[..., QuerySet] | None = None


KINDS: dict[str, Kind] = {
    DOCUMENTS: Kind(_("Documents"), archive_selectors.site_search_hits),
    MEETINGS: Kind(pgettext_lazy("meetings", "Meetings"), meeting_selectors.site_search_hits,
                   meeting_selectors.meetings_matching),
    NEWS: Kind(pgettext_lazy("news page", "News"), content_selectors.site_search_hits,
               content_selectors.news_matching),
}
PAGED_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.matching is not None)


@dataclass
class ResultGroup:
    kind: str
    label: str
    count: int
    items: list = field(default_factory=list)
    more_url: str = ""


def search_matching(*, kind: str, query: str) -> QuerySet:
    """Every result of one kind (meetings or news), best first."""
    return KINDS[kind].matching(query=query)


def page_prepare(*, kind: str, items: list, language: str) -> list:
    """A page of one kind's results, ready to show: news items learn the
    language their title and lead are shown in."""
    if kind == NEWS:
        content_selectors.with_languages(items, language=language)
    return items


def full_results_url(*, kind: str, query: str) -> str:
    if kind == DOCUMENTS:
        return f"{reverse('archive:document_list')}?{urlencode({'q': query})}"
    return f"{reverse('search')}?{urlencode({'q': query, 'kind': kind})}"


def search_everything(*, query: str, user, language: str, preview: int = PREVIEW):
    """One group per kind (documents, meetings, news) with its count and
    first ``preview`` results. Two queries per kind, whatever the data."""
    groups = []
    for kind, spec in KINDS.items():
        count, items = spec.hits(query=query, user=user, language=language, limit=preview)
        groups.append(ResultGroup(
            kind=kind, label=str(spec.label), count=count, items=items,
            more_url=full_results_url(kind=kind, query=query),
        ))
    return groups
