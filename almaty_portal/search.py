"""Site-wide search (/search/): documents, meetings and news with one box.

The wiring layer reads each app through its selectors: documents through
the archive's full-text search on what the user may see (the archive's one
access rule), meetings and news by their titles and texts in both
languages. Each kind gives its count and its first few results; the full
results are the archive's search (documents) or this page with ``kind=``."""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive import search as archive_search
from archive import selectors as archive_selectors
from content import selectors as content_selectors
from meetings import selectors as meeting_selectors

MAX_QUERY_LENGTH = 200
PREVIEW = 5
LANGUAGES = ("ru", "en")
DOCUMENTS, MEETINGS, NEWS = "documents", "meetings", "news"
KINDS = {
    DOCUMENTS: _("Documents"),
    MEETINGS: pgettext_lazy("meetings", "Meetings"),
    NEWS: pgettext_lazy("news page", "News"),
}


@dataclass
class ResultGroup:
    kind: str
    label: str
    count: int
    items: list = field(default_factory=list)
    more_url: str = ""


def _words(query: str) -> list[str]:
    return [word for word in query.split() if word][:10]


def _every_word_in(fields: tuple[str, ...], words: list[str]) -> Q:
    """Each word found in at least one of ``fields`` (either language)."""
    return functools.reduce(operator.and_, (
        functools.reduce(operator.or_, (
            Q(**{f"{name}_{language}__icontains": word})
            for name in fields for language in LANGUAGES
        ))
        for word in words
    ), Q())


def documents_matching(*, query: str, user) -> QuerySet:
    """Published documents this user may see that match ``query`` (the
    archive's search: lemmas, both languages), best first."""
    visible = archive_selectors.documents_for_list(user=user)
    return archive_search.documents_search(visible, query).order_by("-rank", "-date", "-pk")


def meetings_matching(*, query: str) -> QuerySet:
    """Meetings whose title or description holds every word (either
    language), latest first."""
    return (
        meeting_selectors.meetings_for_list()
        .filter(_every_word_in(("title", "description"), _words(query)))
        .order_by("-start", "-pk")
    )


def news_matching(*, query: str) -> QuerySet:
    """Public news whose title, lead or body holds every word (either
    language), newest first."""
    return content_selectors.news_for_list().filter(
        _every_word_in(("title", "lead", "body"), _words(query)),
    )


def search_matching(*, kind: str, query: str, user) -> QuerySet:
    if kind == DOCUMENTS:
        return documents_matching(query=query, user=user)
    if kind == MEETINGS:
        return meetings_matching(query=query)
    return news_matching(query=query)


def full_results_url(*, kind: str, query: str) -> str:
    if kind == DOCUMENTS:
        return f"{reverse('archive:document_list')}?{urlencode({'q': query})}"
    return f"{reverse('search')}?{urlencode({'q': query, 'kind': kind})}"


def search_everything(*, query: str, user, language: str, preview: int = PREVIEW):
    """One group per kind (documents, meetings, news) with its count and
    first ``preview`` results. Two queries per kind, whatever the data."""
    groups = []
    for kind, label in KINDS.items():
        matching = search_matching(kind=kind, query=query, user=user)
        count = matching.count()
        items = list(matching[:preview]) if count else []
        if kind == NEWS:
            content_selectors.with_languages(items, language=language)
        groups.append(ResultGroup(
            kind=kind, label=str(label), count=count, items=items,
            more_url=full_results_url(kind=kind, query=query),
        ))
    return groups
