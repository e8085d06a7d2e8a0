"""Words: tokenising, lemmatising (pymorphy3), folding, stop words, and the
prefixes shared by a word's forms. Everything here is cached per process."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable

WORD_RE = re.compile(r"[^\W_]+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-z]")
# What may go into a raw tsquery (prefix form): letters and digits only.
SAFE_RAW_RE = re.compile(r"[0-9a-z\u0400-\u04ff]+")

# PostgreSQL's stop word lists (tsearch_data/russian.stop and english.stop,
# from Snowball), applied to lemmas: a query word that PostgreSQL would drop
# is dropped here first, so that it never turns into an empty clause.
_RUSSIAN_STOP = (
    """и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
    ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть
    был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо
    ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот
    того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
    зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
    про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть
    том нельзя такой им более всегда конечно всю между"""
)
_ENGLISH_STOP = (
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which who
    whom this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now"""
)
RUSSIAN_STOP_WORDS = frozenset(_RUSSIAN_STOP.split())
ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOP.split())


@functools.cache
def morph():
    """One MorphAnalyzer per process, created on first use (its dictionaries
    take ~15 MB and a tenth of a second to load)."""
    import pymorphy3  # loaded lazily on purpose

    return pymorphy3.MorphAnalyzer()


def fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


@functools.lru_cache(maxsize=300_000)
def lemma_of(word: str) -> str:
    """The dictionary form of a case-folded word: pymorphy3's most probable
    parse for Cyrillic words, the word itself otherwise."""
    if not CYRILLIC_RE.search(word):
        return word
    lemma = fold(morph().parse(word)[0].normal_form)
    return lemma if WORD_RE.fullmatch(lemma) else word


@functools.lru_cache(maxsize=20_000)
def is_known(word: str) -> bool:
    return morph().word_is_known(word)


@functools.cache
def _english_stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=300_000)
def english_stem(word: str) -> str:
    """Snowball's English stemmer (Porter2, the one of PostgreSQL's
    "english" configuration) for a case-folded word in Latin letters:
    "smuggling", "smuggled" and "smuggles" all give "smuggl". Other words
    (Cyrillic lemmas, digits) are returned as they are. For the SQLite
    fallback, on the indexed text and the query alike, and for highlighting."""
    if not LATIN_RE.search(word) or CYRILLIC_RE.search(word):
        return word
    return _english_stemmer().stemWord(word)



@functools.lru_cache(maxsize=300_000)
def _normalised(token: str) -> tuple[str, str]:
    """(lemma, SQLite form) of a word as it appears in the text: one cache
    lookup per word of a document once the vocabulary has been seen."""
    lemma = lemma_of(fold(token))
    return lemma, english_stem(lemma)


def words_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lemmas of a text, and their SQLite forms."""
    pairs = list(map(_normalised, WORD_RE.findall(text)))
    if not pairs:
        return (), ()
    lemma_list, plain_list = zip(*pairs, strict=True)
    return lemma_list, plain_list


def is_stop_word(lemma: str) -> bool:
    if CYRILLIC_RE.search(lemma):
        return lemma in RUSSIAN_STOP_WORDS
    return lemma in ENGLISH_STOP_WORDS


def plain_text(words: Iterable[str]) -> str:
    return " ".join(english_stem(w) for w in words)


@functools.lru_cache(maxsize=20_000)
def raw_stems(word: str, *, unknown: bool = False) -> tuple[str, ...]:
    """The longest prefix shared by every form of a lower-case word, with
    and without ё: («бежен»,) for «беженцы», ("countr",) for "countries",
    («ребён», «ребен») for «ребёнка». Falls back to the lemma when the
    forms share too little (suppletive paradigms)."""
    if CYRILLIC_RE.search(word) and not unknown:
        parse = morph().parse(word)[0]
        lemma = parse.normal_form
        # Suppletive forms (ребёнок/дети, человек/люди) would leave no
        # common prefix: keep the forms that begin like the lemma.
        forms = [form.word for form in parse.lexeme if form.word[:2] == lemma[:2]] or [lemma]
    elif CYRILLIC_RE.search(word):
        forms, lemma = [word], word
    else:
        # The Snowball stem begins every form of the word, except that it
        # turns a final y into i: "smuggl" for "smuggling", "countr" for
        # "countries" (stem "countri").
        stem = english_stem(word)
        forms, lemma = [word, stem[:-1] if stem.endswith("i") else stem], word
    stem = os.path.commonprefix(forms)  # noqa: RUF071 - characters are what we want
    if len(stem) < min(3, len(lemma)):
        stem = lemma
    return tuple(dict.fromkeys((stem, stem.replace("ё", "е"))))

