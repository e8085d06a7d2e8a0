"""Snippets: the best window of a document's text with the query's words,
in any grammatical form, marked."""

from __future__ import annotations

import functools

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.enums import FileLanguage
from archive.models import Document

from .clauses import Clause, parse_query
from .words import CYRILLIC_RE, WORD_RE, english_stem, fold, is_stop_word, lemma_of

# Snippets look at most this much of each text (a 500-page report is not
# lemmatised on every results page).
SNIPPET_SCAN_CHARS = 60_000


class _Matcher:
    """Tells whether a word of the text matches a positive query clause:
    same lemma for Russian words, same Snowball stem or a longer word for English,
    prefix for unknown Cyrillic words."""

    def __init__(self, clauses: list[Clause]):
        self.exact: set[str] = set()
        self.prefixes: list[str] = []
        stems: set[str] = set()
        for clause in clauses:
            if clause.negated:
                continue
            stems.update(clause.stems)
            for lemma in clause.lemmas:
                if is_stop_word(lemma):
                    continue
                if CYRILLIC_RE.search(lemma):
                    self.exact.add(lemma)
                else:
                    self.prefixes.append(english_stem(lemma))
            if clause.prefix:
                self.prefixes.append(clause.prefix)
        self.prefix_tuple = tuple(self.prefixes)
        self.stem_tuple = tuple(stems)
        self.memo: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes)

    def key(self, word: str) -> str | None:
        """The query term a word of the text matches, or None (memoised:
        a page of snippets sees the same words over and over)."""
        try:
            return self.memo[word]
        except KeyError:
            if len(self.memo) > 200_000:
                self.memo.clear()
            found = self.memo[word] = self._key(word)
            return found

    def _key(self, word: str) -> str | None:
        folded = fold(word)
        if not folded.startswith(self.stem_tuple):
            return None
        lemma = lemma_of(folded)
        if lemma in self.exact:
            return lemma
        if self.prefix_tuple:
            for candidate in (english_stem(folded), folded):
                if candidate.startswith(self.prefix_tuple):
                    return next(p for p in self.prefixes if candidate.startswith(p))
        return None


@functools.lru_cache(maxsize=64)
def _matcher(query: str) -> _Matcher:
    """One matcher per query, shared by the snippets of a results page."""
    return _Matcher(parse_query(query))


def _segments(document: Document, language: str,
              files: list[tuple[str, str | None]]) -> list[str]:
    """The texts of one language version, in the order a tie prefers them:
    summary, file texts, title; each cut to SNIPPET_SCAN_CHARS, its white
    space not yet collapsed (``_collapsed``: only for the texts a snippet
    is taken from). ``files`` are (language, text) pairs."""
    wanted = file_languages_of(language)
    texts = [getattr(document, f"summary_{language}", "") or "",
             *(text for file_language, text in files if file_language in wanted),
             getattr(document, f"title_{language}", "") or ""]
    return [t[:SNIPPET_SCAN_CHARS] for t in texts if t and t.strip()]


def _collapsed(text: str) -> str:
    """The text as a snippet shows it: runs of white space as one space."""
    return " ".join(text.split())


def _may_match(text: str, matcher: _Matcher) -> bool:
    """Whether a stem of the query occurs anywhere in ``text`` (folded).
    Collapsing white space moves no stem in or out of a text, so a text
    without one has no match and is not collapsed nor read word by word."""
    folded = fold(text)
    return any(stem in folded for stem in matcher.stem_tuple)


def _hits(text: str, matcher: _Matcher) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of ``text`` that matches, in order.

    A matching word's folded form starts with one of the clauses' stems,
    so only the places where a stem occurs in the folded text are looked
    at (``str.find``, in C), not every word of the text: casefold() works
    character by character, so when it keeps the text's length, position
    p of the folded text is position p of the text. A stem found at the
    start of a word (the character before it is not a word character)
    gives that word, which ``matcher.key`` then checks as before. Text that
    folding lengthens (ß → ss) is read word by word as before."""
    if not matcher.stem_tuple:
        return []
    folded = fold(text)
    if len(folded) != len(text):
        return [(m.start(), m.end(), key) for m in WORD_RE.finditer(text)
                if (key := matcher.key(m.group()))]
    starts: set[int] = set()
    for stem in matcher.stem_tuple:
        position = folded.find(stem)
        while position != -1:
            starts.add(position)
            position = folded.find(stem, position + 1)
    hits = []
    for position in sorted(starts):
        if position and WORD_RE.match(text, position - 1):
            continue  # inside a word
        word = WORD_RE.match(text, position)
        if word and (key := matcher.key(word.group())):
            hits.append((position, word.end(), key))
    return hits


def _best_window(text: str, matcher: _Matcher, length: int):
    """(distinct terms, matches, start, end, spans) of the best window."""
    hits = _hits(text, matcher)
    best = None
    counts: dict[str, int] = {}
    j = 0
    for i, (start, _, _) in enumerate(hits):
        # Two pointers: hits[i:j] is the window that starts at hit i.
        while j < len(hits) and hits[j][1] - start <= length:
            counts[hits[j][2]] = counts.get(hits[j][2], 0) + 1
            j += 1
        if j > i:
            score = (len(counts), j - i)
            if best is None or score > best[0]:
                best = (score, start, hits[j - 1][1])
            key = hits[i][2]
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
        else:
            j = i + 1
    if best is None:
        return None
    (distinct, count), first, last = best
    slack = max(0, length - (last - first))
    start = max(0, first - slack // 3)
    end = min(len(text), start + length)
    start = max(0, min(start, end - length))
    return distinct, count, start, end, [(s, e) for s, e, _ in hits if s >= start and e <= end]


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> SafeString:
    # Cut on word boundaries, never inside a highlighted word.
    if start > 0:
        space = text.find(" ", start, spans[0][0] if spans else end)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", spans[-1][1] if spans else start, end)
        end = space if space != -1 else end
    parts = ["…" if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        parts += [escape(text[cursor:s]), "<mark>", escape(text[s:e]), "</mark>"]
        cursor = e
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


class Snippet(SafeString):
    """An excerpt, and the language of the version it comes from (``language``:
    a page in the other language marks it, issue 24)."""

    language = ""


def _in_language(html: SafeString, language: str) -> Snippet:
    found = Snippet(html)
    found.language = language
    return found


def snippet(*, document: Document, query: str, language: str, length: int = 240,
            files: list[tuple[str, str | None]] | None = None) -> SafeString:
    """An HTML-escaped excerpt of ``document`` in ``language`` ("ru"/"en"),
    at most ``length`` characters of text, from the window with the most
    distinct query terms (then the most matches), every word matching a term
    in any grammatical form wrapped in ``<mark>``. When the language version
    has no match the other language's text is tried; when neither has one,
    the opening of the summary (or text) is returned without marks; a
    document without any text gives an empty string. The files' texts are
    ``files``, (language, text) pairs in the files' order, or else those of
    ``document.files.all()`` (prefetch ``files`` when rendering a list)."""
    other = FileLanguage.ENGLISH if language == FileLanguage.RUSSIAN else FileLanguage.RUSSIAN
    if files is None:
        files = [(f.language, f.extracted_text) for f in document.files.all()]
    for version in (language, other):
        if (found := snippet_in(document=document, query=query, language=version,
                                length=length, files=files)) is not None:
            return found
    for version in (language, other):
        if segments := _segments(document, version, files):
            text = _collapsed(segments[0])
            return _in_language(_render(text, 0, min(length, len(text)), []), version)
    return mark_safe("")


def file_languages_of(language: str) -> set[str]:
    """The files' languages that make up the ``language`` version's text."""
    return {language} | ({FileLanguage.OTHER} if language == FileLanguage.RUSSIAN else set())


def snippet_in(*, document: Document, query: str, language: str, length: int = 240,
               files: list[tuple[str, str | None]]) -> SafeString | None:
    """What ``snippet`` gives from the ``language`` version when a word of
    the query is in it, else None. Only the files of that version
    (``file_languages_of``) are read from ``files``: a results page first
    loads those alone, and the other language's texts only for the
    documents where this gives None."""
    matcher = _matcher(query)
    if not matcher:
        return None
    best = None
    for raw in _segments(document, language, files):
        if not _may_match(raw, matcher):
            continue
        text = _collapsed(raw)
        window = _best_window(text, matcher, length)
        if window and (best is None or window[:2] > best[1][:2]):
            best = (text, window)
    if best is None:
        return None
    text, (_, _, start, end, spans) = best
    return _in_language(_render(text, start, end, spans), language)
