"""Every form of the words typed, found in plain text columns: for the
texts that have no search vector (meetings, news), which the site search
(/search/) looks through with the documents.

It reads words with the archive's one analyser (``words``: pymorphy3's
lemmas and lexemes, Snowball's English stems, the same stop words and
folding), so a word is understood the same way in the archive's search
and in every other app's. A Russian word matches by every form of its
lemma, an English one by its Snowball stem, whatever their case, on
PostgreSQL and SQLite alike; rows whose title holds every word come
first. Apps above the archive (meetings, content) call
:func:`rows_matching` from their selectors."""

from __future__ import annotations

import functools
import operator
import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from .words import CYRILLIC_RE, LATIN_RE, WORD_RE, english_stem, fold, is_stop_word, lemma_of, morph

MAX_WORDS = 10
LANGUAGES = ("ru", "en")


def query_words(query: str) -> list[str]:
    """The query's words, case-folded, without punctuation and stop words
    («в», "the"), as the archive's search reads them: a query of stop words
    only has nothing to look for."""
    words = dict.fromkeys(fold(word) for word in WORD_RE.findall(query))
    return [word for word in words if not is_stop_word(lemma_of(word))][:MAX_WORDS]


def _shortest_needles(forms) -> list[str]:
    """The forms no other form is part of: a text that contains «беженцев»
    contains «беженце», so «беженце» alone finds both."""
    kept: list[str] = []
    for form in sorted(set(forms), key=len):
        if not any(shorter in form for shorter in kept):
            kept.append(form)
    return kept


@functools.lru_cache(maxsize=10_000)
def russian_needles(word: str) -> tuple[str, ...]:
    """Every form of a (case-folded) Russian word's lemma, with ё and
    with е, in lower case, capitalised and upper case: «беженцы» gives
    «беженец», «Беженца», «БЕЖЕНЦУ»... The case variants are spelled out
    because SQLite folds only ASCII letters and PostgreSQL's folding of
    Cyrillic depends on the database's locale; only the shortest forms are
    kept (a form that contains another adds nothing to a substring match)."""
    lemma = lemma_of(word)
    forms = {word, lemma}
    for parse in morph().parse(word):
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
def latin_needle(word: str) -> str:
    """The Snowball stem that begins every English form of the word:
    "migrant" for "migrants", "countr" for "countries" (stem "countri")."""
    if not LATIN_RE.search(word):
        return word
    stem = english_stem(word)
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
        needles = russian_needles(word)
        return functools.reduce(operator.or_, (
            _any_of(f"{name}_ru", needles, ignore_case=False) for name in fields
        ))
    needles = (latin_needle(word),)
    return functools.reduce(operator.or_, (
        _any_of(f"{name}_{language}", needles, ignore_case=True)
        for name in fields for language in LANGUAGES
    ))


def _every_word_in(fields: tuple[str, ...], words: list[str]) -> Q:
    """Each word, in any of its forms, found in at least one of ``fields``."""
    return functools.reduce(operator.and_, (_word_found_in(fields, word) for word in words))


def rows_matching(
    queryset: QuerySet, *, query: str, fields: tuple[str, ...], newest: tuple[str, ...],
) -> QuerySet:
    """The rows of ``queryset`` holding every word of ``query`` in some
    form in one of the translated ``fields`` (either language); those whose
    title holds every word first, then by ``newest``."""
    words = query_words(query)
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
