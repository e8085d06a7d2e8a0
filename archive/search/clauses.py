"""The search box's text as query clauses (``parse_query``): words, "quoted
phrases" and -excluded ones, each with what the two databases match it by
(the lemmas, the tsquery prefixes of its words as written, and the forms
SQLite looks for in ``search_plain``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import (
    CYRILLIC_RE,
    SAFE_RAW_RE,
    WORD_RE,
    fold,
    is_known,
    is_stop_word,
    lemma_of,
    plain_text,
    raw_stems,
)


@dataclass(frozen=True)
class Clause:
    """One condition of a query: a word, or a quoted phrase (several
    lemmas), possibly excluded with a leading minus. ``prefix`` is the
    folded surface form of an unknown Cyrillic word, also matched as a
    prefix."""

    lemmas: tuple[str, ...]
    negated: bool = False
    prefix: str = ""
    # A tsquery (configuration 'simple') of word prefixes that every form of
    # the clause's words starts with: how the rank finds the clause in the
    # titles and summaries as written, which are not lemmatised.
    raw: str = ""
    # The same prefixes, folded: a word of a text that starts with none of
    # them cannot match (saves lemmatising every word of a snippet's text).
    stems: tuple[str, ...] = ()


QUERY_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def parse_query(query: str) -> list[Clause]:
    """Words (all must match), "quoted phrases" and -excluded words or
    phrases, as in web search engines. Stop words alone make no clause."""
    clauses: list[Clause] = []
    for match in QUERY_RE.finditer(query or ""):
        if match.group(2) is not None:
            clauses += _phrase_clause(match.group(2), negated=bool(match.group(1)))
        else:
            clauses += _word_clauses(match.group(4), negated=bool(match.group(3)))
    return clauses


def _phrase_clause(phrase: str, *, negated: bool) -> list[Clause]:
    """The clause of a quoted phrase: none if it has only stop words."""
    words = WORD_RE.findall(phrase)
    found = tuple(lemma_of(fold(w)) for w in words)
    if not found or all(is_stop_word(w) for w in found):
        return []
    content = [w.casefold() for w, lemma in zip(words, found, strict=True)
               if not is_stop_word(lemma)]
    raw = " & ".join(f"({part})" for w in content if (part := _raw_query(w)))
    stems = tuple(fold(stem) for w in content for stem in raw_stems(w))
    return [Clause(found, negated=negated, raw=raw, stems=stems)]


def _word_clauses(text: str, *, negated: bool) -> list[Clause]:
    """A clause for each word of an unquoted token, stop words left out
    (unless unknown: then they are matched as a prefix)."""
    clauses: list[Clause] = []
    for word in WORD_RE.findall(text):
        folded = fold(word)
        lemma = lemma_of(folded)
        prefix = ""
        if CYRILLIC_RE.search(folded) and SAFE_RAW_RE.fullmatch(folded) and not is_known(
            folded
        ):
            prefix = folded
        if is_stop_word(lemma) and not prefix:
            continue
        unknown = bool(prefix)
        stems = tuple(fold(st) for st in raw_stems(word.casefold(), unknown=unknown))
        clauses.append(Clause((lemma,), negated=negated, prefix=prefix, stems=stems,
                              raw=_raw_query(word.casefold(), unknown=unknown)))
    return clauses


def _raw_query(word: str, *, unknown: bool = False) -> str:
    return " | ".join(f"'{stem}':*" for stem in raw_stems(word, unknown=unknown)
                      if WORD_RE.fullmatch(stem))


def _plain_forms(clause: Clause) -> list[str]:
    """What SQLite looks for in ``search_plain``: the clause's lemmas at the
    start of a word, and its prefix if it has one."""
    forms = [" " + plain_text(clause.lemmas)]
    if clause.prefix:
        forms.append(" " + clause.prefix)
    return forms
