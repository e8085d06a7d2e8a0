"""Site-wide search (/search/): documents, meetings and news with one box.

The wiring layer reads each app through its selectors: documents through
the archive's full-text search on what the user may see (the archive's one
access rule), meetings and news by their titles and texts in both
languages, in any form of the words typed: a Russian word by every form of
its lemma (pymorphy3's lexeme), an English one by its Snowball stem, whatever
their case, on PostgreSQL and SQLite alike, title matches first. Each kind
gives its count and its first few results; the full results are the
archive's search (documents) or this page with ``kind=``."""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archive import search as archive_search
from archive import selectors as archive_selectors
from archive.search.words import fold, is_stop_word, lemma_of
from content import selectors as content_selectors
from meetings import selectors as meeting_selectors

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
WORD_RE = re.compile(r"[^\W_]+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-z]")
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
    """The query's words, case-folded, without punctuation and stop words
    («в», "the"), as the archive's search reads them: a query of stop words
    only has nothing to look for."""
    words = dict.fromkeys(fold(word) for word in WORD_RE.findall(query))
    return [word for word in words if not is_stop_word(lemma_of(word))][:MAX_WORDS]


@functools.cache
def _morph():
    """pymorphy3's analyser for the forms of a lemma, loaded on first use."""
    import pymorphy3  # loaded lazily on purpose (dictionaries ~15 MB)

    return pymorphy3.MorphAnalyzer()


@functools.cache
def _english_stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _shortest_needles(forms) -> list[str]:
    """The forms no other form is part of: a text that contains «беженцев»
    contains «беженце», so «беженце» alone finds both."""
    kept: list[str] = []
    for form in sorted(set(forms), key=len):
        if not any(shorter in form for shorter in kept):
            kept.append(form)
    return kept


@functools.lru_cache(maxsize=10_000)
def _russian_needles(word: str) -> tuple[str, ...]:
    """Every form of a (case-folded) Russian word's lemma, with ё and
    with е, in lower case, capitalised and upper case: «беженцы» gives
    «беженец», «Беженца», «БЕЖЕНЦУ»... The case variants are spelled out
    because SQLite folds only ASCII letters and PostgreSQL's folding of
    Cyrillic depends on the database's locale; only the shortest forms are
    kept (a form that contains another adds nothing to a substring match)."""
    lemma = lemma_of(word)
    forms = {word, lemma}
    for parse in _morph().parse(word):
        if fold(parse.normal_form) == lemma:
            forms.update(form.word.lower() for form in parse.lexeme)
    forms |= {form.replace("ё", "е") for form in forms}
    shortest = min(3, len(word))
    needles = _shortest_needles(form for form in forms if len(form) >= shortest)
    return tuple(dict.fromkeys(
        variant for needle in needles
        for variant in (needle, needle.capitalize(), needle.upper())
    ))


@functools.lru_cache(maxsize=10_000)
def _latin_needle(word: str) -> str:
    """The Snowball stem that begins every English form of the word:
    "migrant" for "migrants", "countr" for "countries" (stem "countri")."""
    if not LATIN_RE.search(word):
        return word
    stem = _english_stemmer().stemWord(word)
    if stem.endswith("i"):
        stem = stem[:-1]
    return stem if len(stem) >= min(3, len(word)) and word.startswith(stem) else word


def _any_of(field: str, needles: tuple[str, ...], *, ignore_case: bool) -> Q:
    """``field`` contains one of ``needles``, as one regular expression: a
    single pass over the text, where a LIKE per form took several times as
    long on a news body (PostgreSQL's ILIKE upper-cases the whole text each
    time; SQLite's LIKE compares character by character). A single needle
    on SQLite is a LIKE, whose REGEXP is a Python function per row."""
    if len(needles) == 1 and connection.vendor != "postgresql":
        return Q(**{f"{field}__{'icontains' if ignore_case else 'contains'}": needles[0]})
    lookup = "iregex" if ignore_case else "regex"
    return Q(**{f"{field}__{lookup}": "|".join(map(re.escape, needles))})


def _word_found_in(fields: tuple[str, ...], word: str) -> Q:
    """One word in any form in at least one of ``fields``: a Russian word's
    forms in the Russian texts (its case variants spelled out), anything
    else (English, digits, Latin acronyms) by its stem in both languages'
    texts, ignoring case."""
    if CYRILLIC_RE.search(word):
        needles = _russian_needles(word)
        return functools.reduce(operator.or_, (
            _any_of(f"{name}_ru", needles, ignore_case=False) for name in fields
        ))
    needles = (_latin_needle(word),)
    return functools.reduce(operator.or_, (
        _any_of(f"{name}_{language}", needles, ignore_case=True)
        for name in fields for language in LANGUAGES
    ))


def _every_word_in(fields: tuple[str, ...], words: list[str]) -> Q:
    """Each word, in any of its forms, found in at least one of ``fields``."""
    return functools.reduce(operator.and_, (_word_found_in(fields, word) for word in words))


def _matching(
    queryset: QuerySet, *, query: str, fields: tuple[str, ...], newest: tuple[str, ...],
) -> QuerySet:
    """The rows holding every word of ``query``; those whose title holds
    every word first, then the newest."""
    words = _words(query)
    if not words:
        return queryset.none()
    return (
        queryset.filter(_every_word_in(fields, words))
        .annotate(title_matches=Case(
            When(_every_word_in(("title",), words), then=Value(1)),
            default=Value(0), output_field=IntegerField(),
        ))
        .order_by("-title_matches", *newest, "-pk")
    )


def documents_matching(*, query: str, user) -> QuerySet:
    """Published documents this user may see that match ``query`` (the
    archive's search: lemmas, both languages), best first."""
    visible = archive_selectors.documents_for_list(user=user)
    if not _words(query):
        # The archive's search leaves the list whole for a query without
        # a word it can look for; here that would list every document.
        return visible.none()
    return archive_search.documents_search(visible, query).order_by("-rank", "-date", "-pk")


def meetings_matching(*, query: str) -> QuerySet:
    """Meetings whose title or description holds every word in some form
    (either language): title matches first, then the latest."""
    return _matching(
        meeting_selectors.meetings_for_list(), query=query,
        fields=("title", "description"), newest=("-start",),
    )


def news_matching(*, query: str) -> QuerySet:
    """Public news whose title, lead or body holds every word in some form
    (either language): title matches first, then the newest."""
    return _matching(
        content_selectors.news_for_list(), query=query,
        fields=("title", "lead", "body"), newest=("-date", "-published_at"),
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
        if kind == DOCUMENTS:
            count, items = _documents_preview(query=query, user=user, preview=preview)
        else:
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


def _documents_preview(*, query: str, user, preview: int) -> tuple[int, list]:
    """The number of matching documents (counted without the rank) and the
    best ``preview`` of them, ranked as the archive's list ranks a page."""
    visible = archive_selectors.documents_for_list(user=user)
    if not _words(query):
        return 0, []
    count = archive_search.documents_matching(visible, query).count()
    if not count:
        return 0, []
    ranked = archive_search.documents_search(visible, query).order_by("-rank", "-date", "-pk")
    return count, archive_selectors.ranked_documents(ranked, user=user, offset=0, limit=preview)
