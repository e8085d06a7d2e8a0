"""Full-text search of the archive, on PostgreSQL and on the SQLite fallback.

Why the text is lemmatised in Python
    Snowball's Russian stemmer alone stems «беженец» to ``беженец`` but
    «беженцев» to ``беженц``: a search for the nominative misses the other
    forms. An ispell/hunspell dictionary would fix that inside PostgreSQL, but
    it needs dictionary files on the database server, which the production
    ``postgres:16`` image does not ship. So every Cyrillic word is reduced to
    its dictionary form (lemma) by pymorphy3 *before* PostgreSQL sees it, in
    the indexed text and in the query alike; ``ё`` is folded to ``е``. The
    lemmatised text then goes through the ``russian`` configuration as usual
    (its Snowball stemmer is harmless on lemmas, and its stop words apply).

Two vectors, one query clause per word
    ``search_ru``: Russian title (weight A), Russian summary (B), text of the
    Russian and "other language" files (C), configuration ``russian``.
    ``search_en``: English title, summary and files, configuration ``english``.
    Mixed text is the rule in this archive (English acronyms and names in
    Russian documents, Cyrillic names in English ones), and it is handled
    without a third vector: the ``russian`` configuration sends Latin words
    (``asciiword``) to the English Snowball stemmer, so "migrants" inside a
    Russian document is indexed as ``migrant`` in ``search_ru``; Cyrillic
    words in English text are lemmatised by us and kept as they are by the
    ``english`` configuration. Each clause of the query (a word, a quoted
    phrase, an ``-excluded`` word) must match in *either* vector, so a query
    whose words are spread over the Russian title and the English summary
    still finds the document; every clause is a plain ``vector @@ tsquery``
    condition that the GIN indexes of migration 0002 answer without reading
    the vectors (which are TOASTed for any real report).

Ranking
    ``ts_rank`` was the first choice and was measured out (bench/RESULTS.md):
    it must decompress the vectors of every matching document, and in this
    archive a common word («миграция», «беженцы») matches nearly all of them;
    on 5,000 documents that alone cost several hundred milliseconds a query.
    The rank instead asks, per query clause, "is it in the title?" (1.0),
    "in the summary?" (0.4), otherwise 0.2 (only in the files' text): the
    weights A > B > C of the vectors. On PostgreSQL each question is an
    ``id IN (subquery)`` answered once per query by a GIN expression index
    over the titles or summaries *as written* (configuration 'simple'), with
    the clause as word prefixes shared by all its forms («бежен:*» for
    «беженцы»), then probed as a hash for each matching row. On SQLite the
    same score is read from the head of ``search_plain``. Ties are left to
    the caller's next ordering (date). Several clauses are matched as one
    index scan each, intersected by id (``vector @@ q1 AND vector @@ q2`` in
    one WHERE makes the planner check all but two clauses row by row).

Prefixes
    A Cyrillic word that the dictionary does not know (a truncated word such
    as «алматин», a rare proper name) also matches as a prefix of the indexed
    lemmas (``to_tsquery('simple', 'алматин:*')`` finds «Алматинский»).
    Known words and English words match exactly after normalisation, so «мир»
    does not drag in «мировой».

SQLite
    ``search_plain`` holds the case-folded lemmas of everything, title first,
    as `` title \\n summary \\t body ``; English words lose a plural ``s``
    (Harman's S-stemmer). Each query word must occur at the start of a word
    (``LIKE '% word%'``, so prefixes match, and Cyrillic case is folded by us,
    not by SQLite's ASCII-only LIKE); rank as above.

The lemma cache (``lemma_of``) makes indexing cheap once the archive's
vocabulary has been seen: a few thousand distinct words cover most text.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Greatest, StrIndex, Substr
from django.db.models.lookups import LessThan
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .enums import FileLanguage
from .models import Document, DocumentFile

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"[^\W_]+")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-z]")
# What may go into a raw tsquery (prefix form): letters and digits only.
SAFE_RAW_RE = re.compile(r"[0-9a-z\u0400-\u04ff]+")

# Rank: per query clause, whether it is in a title, a summary, or only in the
# files' text (see "Ranking" above). SQLite reads it from the first HEAD_CHARS
# characters of search_plain.
TITLE_SCORE, SUMMARY_SCORE, BODY_SCORE = 1.0, 0.4, 0.2
TITLE_FIELDS, SUMMARY_FIELDS = ("title_ru", "title_en"), ("summary_ru", "summary_en")
HEAD_CHARS = 2000
# A tsvector holds at most 1 MB. Lemmas cost ~30 bytes each in it, so the
# body of one vector stops taking *new* words after this many distinct ones
# (huge statistical annexes full of distinct numbers); words already seen
# keep counting. Nothing a reader would search for is lost in practice.
MAX_DISTINCT_BODY_WORDS = 25_000
# Snippets look at most this much of each text (a 500-page report is not
# lemmatised on every results page).
SNIPPET_SCAN_CHARS = 60_000

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


# --- Words ---------------------------------------------------------------------

@functools.cache
def _morph():
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
    lemma = fold(_morph().parse(word)[0].normal_form)
    return lemma if WORD_RE.fullmatch(lemma) else word


@functools.lru_cache(maxsize=20_000)
def is_known(word: str) -> bool:
    return _morph().word_is_known(word)


def s_stem(word: str) -> str:
    """Harman's S-stemmer (English plurals), for the SQLite fallback and for
    highlighting; PostgreSQL uses Snowball's English stemmer instead."""
    if not LATIN_RE.search(word) or len(word) < 4:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=300_000)
def _normalised(token: str) -> tuple[str, str]:
    """(lemma, SQLite form) of a word as it appears in the text: one cache
    lookup per word of a document once the vocabulary has been seen."""
    lemma = lemma_of(fold(token))
    return lemma, s_stem(lemma)


def _words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The lemmas of a text, and their SQLite forms."""
    pairs = list(map(_normalised, WORD_RE.findall(text)))
    if not pairs:
        return (), ()
    lemma_list, plain_list = zip(*pairs, strict=True)
    return lemma_list, plain_list


def lemmas(text: str) -> list[str]:
    return list(_words(text)[0])


def _is_stop_word(lemma: str) -> bool:
    if CYRILLIC_RE.search(lemma):
        return lemma in RUSSIAN_STOP_WORDS
    return lemma in ENGLISH_STOP_WORDS


def _plain(words: Iterable[str]) -> str:
    return " ".join(s_stem(w) for w in words)


# --- Indexing ------------------------------------------------------------------

def _capped(words: list[str]) -> list[str]:
    """Keep the words of a file text up to the MAX_DISTINCT_BODY_WORDS-th
    distinct one, and after it only words already seen."""
    if len(set(words)) <= MAX_DISTINCT_BODY_WORDS:
        return words
    seen: set[str] = set()
    for index, word in enumerate(words):
        seen.add(word)
        if len(seen) > MAX_DISTINCT_BODY_WORDS:
            logger.info("Search vector capped at %d distinct words", MAX_DISTINCT_BODY_WORDS)
            seen.discard(word)
            return words[:index] + [w for w in words[index:] if w in seen]
    return words


@dataclass
class _Texts:
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    files: list[tuple[str, str]]  # (language, extracted text)


def _index_values(texts: _Texts, vendor: str) -> dict:
    title_ru, title_ru_plain = _words(texts.title_ru)
    title_en, title_en_plain = _words(texts.title_en)
    summary_ru, summary_ru_plain = _words(texts.summary_ru)
    summary_en, summary_en_plain = _words(texts.summary_en)
    body_ru: list[str] = []
    body_en: list[str] = []
    body_plain: list[str] = []
    for language, text in texts.files:
        found, plain = _words(text)
        (body_en if language == FileLanguage.ENGLISH else body_ru).extend(found)
        body_plain.extend(plain)
    plain = (
        f" {' '.join(title_ru_plain + title_en_plain)} \n"
        f" {' '.join(summary_ru_plain + summary_en_plain)} \t {' '.join(body_plain)} "
    )
    values: dict = {"search_plain": plain}
    if vendor == "postgresql":
        values["search_ru"] = _vector("russian", title_ru, summary_ru, _capped(body_ru))
        values["search_en"] = _vector("english", title_en, summary_en, _capped(body_en))
    return values


def _vector(config: str, title: Sequence[str], summary: Sequence[str], body: Sequence[str]):
    return (
        SearchVector(Value(" ".join(title)), config=config, weight="A")
        + SearchVector(Value(" ".join(summary)), config=config, weight="B")
        + SearchVector(Value(" ".join(body)), config=config, weight="C")
    )


def document_index(*, document_id: int) -> None:
    """Recompute the search fields of one document from its titles,
    summaries and the extracted text of its files (one UPDATE)."""
    row = (
        Document.objects.filter(pk=document_id)
        .values("title_ru", "title_en", "summary_ru", "summary_en").first()
    )
    if row is None:
        return
    files = list(
        DocumentFile.objects.filter(document_id=document_id)
        .order_by("language", "pk").values_list("language", "extracted_text")
    )
    _write(document_id, _Texts(**{k: v or "" for k, v in row.items()}, files=files))


def _write(document_id: int, texts: _Texts) -> None:
    vendor = connections[Document.objects.db].vendor
    Document.objects.filter(pk=document_id).update(**_index_values(texts, vendor))


def documents_reindex(
    *, queryset: QuerySet[Document] | None = None, batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index every document of ``queryset`` (all by default), ``batch_size``
    at a time (two reads per batch, one UPDATE per document); calls
    ``progress(done, total)`` after each batch. Returns the number indexed."""
    ids = list((queryset if queryset is not None else Document.objects.all())
               .order_by("pk").values_list("pk", flat=True))
    total, done = len(ids), 0
    for start in range(0, total, batch_size):
        batch = ids[start:start + batch_size]
        rows = Document.objects.filter(pk__in=batch).values(
            "pk", "title_ru", "title_en", "summary_ru", "summary_en"
        )
        files: dict[int, list[tuple[str, str]]] = {}
        for document_id, language, text in (
            DocumentFile.objects.filter(document_id__in=batch)
            .order_by("language", "pk").values_list("document_id", "language", "extracted_text")
        ):
            files.setdefault(document_id, []).append((language, text))
        for row in rows:
            pk = row.pop("pk")
            _write(pk, _Texts(**{k: v or "" for k, v in row.items()}, files=files.get(pk, [])))
            done += 1
        if progress:
            progress(done, total)
    return done


# --- Queries -------------------------------------------------------------------

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
            negated, words = bool(match.group(1)), WORD_RE.findall(match.group(2))
            found = tuple(lemma_of(fold(w)) for w in words)
            if found and not all(_is_stop_word(w) for w in found):
                raw = " & ".join(f"({_raw_query(w.casefold())})" for w in words)
                stems = tuple(fold(st) for w in words for st in raw_stems(w.casefold()))
                clauses.append(Clause(found, negated=negated, raw=raw, stems=stems))
            continue
        negated = bool(match.group(3))
        for word in WORD_RE.findall(match.group(4)):
            folded = fold(word)
            lemma = lemma_of(folded)
            prefix = ""
            if CYRILLIC_RE.search(folded) and SAFE_RAW_RE.fullmatch(folded) and not is_known(
                folded
            ):
                prefix = folded
            if _is_stop_word(lemma) and not prefix:
                continue
            unknown = bool(prefix)
            stems = tuple(fold(st) for st in raw_stems(word.casefold(), unknown=unknown))
            clauses.append(Clause((lemma,), negated=negated, prefix=prefix, stems=stems,
                                  raw=_raw_query(word.casefold(), unknown=unknown)))
    return clauses


@functools.lru_cache(maxsize=20_000)
def raw_stems(word: str, *, unknown: bool = False) -> tuple[str, ...]:
    """The longest prefix shared by every form of a lower-case word, with
    and without ё: («бежен»,) for «беженцы», ("countr",) for "countries",
    («ребён», «ребен») for «ребёнка». Falls back to the lemma when the
    forms share too little (suppletive paradigms)."""
    if CYRILLIC_RE.search(word) and not unknown:
        parse = _morph().parse(word)[0]
        lemma = parse.normal_form
        # Suppletive forms (ребёнок/дети, человек/люди) would leave no
        # common prefix: keep the forms that begin like the lemma.
        forms = [form.word for form in parse.lexeme if form.word[:2] == lemma[:2]] or [lemma]
    elif CYRILLIC_RE.search(word):
        forms, lemma = [word], word
    else:
        singular = s_stem(word)
        plural = singular[:-1] + "ies" if singular.endswith("y") else singular + "s"
        forms, lemma = [word, singular, plural], word
    stem = os.path.commonprefix(forms)  # noqa: RUF071 - characters are what we want
    if len(stem) < min(3, len(lemma)):
        stem = lemma
    return tuple(dict.fromkeys((stem, stem.replace("ё", "е"))))


def _raw_query(word: str, *, unknown: bool = False) -> str:
    return " | ".join(f"'{stem}':*" for stem in raw_stems(word, unknown=unknown)
                      if WORD_RE.fullmatch(stem))


def _pg_query(clause: Clause, config: str) -> SearchQuery:
    if len(clause.lemmas) > 1:
        return SearchQuery(" ".join(clause.lemmas), config=config, search_type="phrase")
    query = SearchQuery(clause.lemmas[0], config=config, search_type="plain")
    if clause.prefix:
        query |= SearchQuery(f"{clause.prefix}:*", config="simple", search_type="raw")
    return query


def _matching_ids(clause: Clause) -> QuerySet:
    return Document.objects.order_by().filter(_pg_condition(clause)).values("pk")


def _pg_condition(clause: Clause) -> Q:
    return Q(search_ru=_pg_query(clause, "russian")) | Q(search_en=_pg_query(clause, "english"))


def _plain_forms(clause: Clause) -> list[str]:
    forms = [" " + _plain(clause.lemmas)]
    if clause.prefix:
        forms.append(" " + clause.prefix)
    return forms


def documents_search(queryset: QuerySet, query: str) -> QuerySet:
    """Documents of ``queryset`` matching every clause of ``query``,
    annotated with ``rank`` (higher is better). A blank query (or one made
    of stop words only) returns the queryset unchanged, with rank 0."""
    clauses = parse_query(query)
    if not clauses:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    positive = [c for c in clauses if not c.negated]
    negative = [c for c in clauses if c.negated]
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, positive, negative)
    return _search_plain(queryset, positive, negative)


def _ids_with_words_in(fields: tuple[str, str], raw: str) -> QuerySet:
    """Ids of the documents whose fields contain the clause as written
    (GIN expression indexes of migration 0002: the expression must stay
    exactly this one for PostgreSQL to use them)."""
    return (
        Document.objects.order_by()
        .annotate(words=SearchVector(*fields, config="simple"))
        .filter(words=SearchQuery(raw, config="simple", search_type="raw"))
        .values("pk")
    )


def _pg_rank(positive: list[Clause]):
    """Title 1.0, summary 0.4, otherwise 0.2 per clause. Each test is an
    uncorrelated ``id IN (subquery)``, which PostgreSQL answers once from
    an index and then probes as a hash for every matching row: the rank
    never reads the large vectors (that is what made ts_rank slow)."""

    def score(clause: Clause):
        if not clause.raw:
            return Value(BODY_SCORE)
        return Case(
            When(pk__in=_ids_with_words_in(TITLE_FIELDS, clause.raw), then=Value(TITLE_SCORE)),
            When(pk__in=_ids_with_words_in(SUMMARY_FIELDS, clause.raw),
                 then=Value(SUMMARY_SCORE)),
            default=Value(BODY_SCORE), output_field=FloatField(),
        )

    return reduce(lambda a, b: a + b, map(score, positive))


def _search_postgresql(queryset, positive: list[Clause], negative: list[Clause]) -> QuerySet:
    for clause in negative:
        # NOT IN over an index scan: NOT (vector @@ query) row by row would
        # read every candidate's vector.
        queryset = queryset.exclude(pk__in=_matching_ids(clause))
    if not positive:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    # One index scan per clause, intersected by id: the planner then never
    # checks a clause row by row, which would read (and decompress) every
    # candidate's vectors. ``vector @@ q1 AND vector @@ q2 AND ...`` in one
    # WHERE lets it do exactly that for all but the first clauses.
    if len(positive) == 1:
        queryset = queryset.filter(_pg_condition(positive[0]))
    else:
        first, *others = (_matching_ids(clause) for clause in positive)
        queryset = queryset.filter(pk__in=first.intersection(*others))
    return queryset.annotate(rank=_pg_rank(positive))


def _search_plain(queryset, positive: list[Clause], negative: list[Clause]) -> QuerySet:
    def condition(clause: Clause) -> Q:
        return reduce(or_, (Q(search_plain__contains=form) for form in _plain_forms(clause)))

    for clause in negative:
        queryset = queryset.exclude(condition(clause))
    if not positive:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    queryset = queryset.filter(reduce(and_, (condition(c) for c in positive)))
    # The same score as archive_head_rank() on PostgreSQL, as an expression.
    head = Substr(F("search_plain"), 1, HEAD_CHARS)
    title_end = StrIndex(head, Value("\n"))
    summary_end = StrIndex(head, Value("\t"))

    def score(form: str):
        position = StrIndex(head, Value(form))
        return Case(
            When(LessThan(position, 1), then=Value(BODY_SCORE)),
            When(LessThan(position, title_end), then=Value(TITLE_SCORE)),
            When(LessThan(position, summary_end), then=Value(SUMMARY_SCORE)),
            default=Value(BODY_SCORE), output_field=FloatField(),
        )

    def clause_score(clause: Clause):
        scores = [score(form) for form in _plain_forms(clause)]
        return scores[0] if len(scores) == 1 else Greatest(*scores)

    return queryset.annotate(rank=reduce(lambda a, b: a + b, map(clause_score, positive)))


# --- Snippets ------------------------------------------------------------------

class _Matcher:
    """Tells whether a word of the text matches a positive query clause:
    same lemma for Russian words, same S-stem or a longer word for English,
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
                if _is_stop_word(lemma):
                    continue
                if CYRILLIC_RE.search(lemma):
                    self.exact.add(lemma)
                else:
                    self.prefixes.append(s_stem(lemma))
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
            for candidate in (s_stem(folded), folded):
                if candidate.startswith(self.prefix_tuple):
                    return next(p for p in self.prefixes if candidate.startswith(p))
        return None


@functools.lru_cache(maxsize=64)
def _matcher(query: str) -> _Matcher:
    """One matcher per query, shared by the snippets of a results page."""
    return _Matcher(parse_query(query))


def _segments(document: Document, language: str) -> list[str]:
    """The texts of one language version, in the order a tie prefers them:
    summary, file texts, title."""
    wanted = {language} | ({FileLanguage.OTHER} if language == FileLanguage.RUSSIAN else set())
    files = [f.extracted_text for f in document.files.all() if f.language in wanted]
    texts = [getattr(document, f"summary_{language}", "") or "", *files,
             getattr(document, f"title_{language}", "") or ""]
    return [" ".join(t[:SNIPPET_SCAN_CHARS].split()) for t in texts if t and t.strip()]


def _best_window(text: str, matcher: _Matcher, length: int):
    """(distinct terms, matches, start, end, spans) of the best window."""
    hits = [(m.start(), m.end(), key) for m in WORD_RE.finditer(text)
            if (key := matcher.key(m.group()))]
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


def snippet(*, document: Document, query: str, language: str, length: int = 240) -> SafeString:
    """An HTML-escaped excerpt of ``document`` in ``language`` ("ru"/"en"),
    at most ``length`` characters of text, from the window with the most
    distinct query terms (then the most matches), every word matching a term
    in any grammatical form wrapped in ``<mark>``. When the language version
    has no match the other language's text is tried; when neither has one,
    the opening of the summary (or text) is returned without marks; a
    document without any text gives an empty string. Uses
    ``document.files.all()``: prefetch ``files`` when rendering a list."""
    matcher = _matcher(query)
    other = FileLanguage.ENGLISH if language == FileLanguage.RUSSIAN else FileLanguage.RUSSIAN
    by_language = [_segments(document, language), _segments(document, other)]
    if matcher:
        for segments in by_language:
            best = None
            for text in segments:
                window = _best_window(text, matcher, length)
                if window and (best is None or window[:2] > best[1][:2]):
                    best = (text, window)
            if best:
                text, (_, _, start, end, spans) = best
                return _render(text, start, end, spans)
    for segments in by_language:
        if segments:
            return _render(segments[0], 0, min(length, len(segments[0])), [])
    return mark_safe("")
