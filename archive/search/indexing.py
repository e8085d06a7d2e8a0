"""Indexing: a document's titles, summaries and file texts, lemmatised, into
search_ru / search_en (PostgreSQL) and search_plain (both databases)."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connections, transaction
from django.db.models import QuerySet, Value

from archive.enums import FileLanguage
from archive.models import Document, DocumentFile, DocumentTerm
from archive.signals import documents_indexed

from .words import CYRILLIC_RE, is_stop_word, words_of

logger = logging.getLogger(__name__)

# A tsvector holds at most 1 MB. Lemmas cost ~30 bytes each in it, so the
# body of one vector stops taking *new* words after this many distinct ones
# (huge statistical annexes full of distinct numbers); words already seen
# keep counting. Nothing a reader would search for is lost in practice.
MAX_DISTINCT_BODY_WORDS = 25_000


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


# The stored term weights (DocumentTerm), BM25's term-frequency part:
# tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / AVERAGE_LENGTH)), where dl is
# the number of counted words of the text in the term's script. The average
# length is a constant (a 5-20 KB report has 700-2,800 such words), so a
# document's weights never depend on the others and indexing needs no global
# state. Only the TERMS_PER_LANGUAGE most frequent terms of each script are
# kept (ties: the earlier in the text first): what the text is about.
K1, B, AVERAGE_LENGTH = 1.2, 0.75, 2000
TERMS_PER_LANGUAGE = 64
MAX_TERM_LENGTH = 60


def term_weight(tf: int, length: int) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / AVERAGE_LENGTH))


def _counted(lemma: str, term: str) -> bool:
    return (len(term) > 1 and len(term) <= MAX_TERM_LENGTH and not term.isdigit()
            and not is_stop_word(lemma))


def _term_weights(lemmas: Iterable[str], plain: Iterable[str]) -> dict[str, float]:
    """The kept terms of a text and their weights (see K1, B above)."""
    counts: dict[bool, Counter] = {True: Counter(), False: Counter()}
    for lemma, term in zip(lemmas, plain, strict=True):
        if _counted(lemma, term):
            counts[bool(CYRILLIC_RE.search(term))][term] += 1
    weights: dict[str, float] = {}
    for counter in counts.values():
        length = sum(counter.values())
        for term, tf in counter.most_common(TERMS_PER_LANGUAGE):
            weights[term] = round(term_weight(tf, length), 4)
    return weights


@dataclass
class _Texts:
    title_ru: str
    title_en: str
    summary_ru: str
    summary_en: str
    files: list[tuple[str, str]]  # (language, extracted text)


def _index_values(texts: _Texts, vendor: str) -> tuple[dict, dict[str, float]]:
    """The document's new search columns, and its term weights."""
    title_ru, title_ru_plain = words_of(texts.title_ru)
    title_en, title_en_plain = words_of(texts.title_en)
    summary_ru, summary_ru_plain = words_of(texts.summary_ru)
    summary_en, summary_en_plain = words_of(texts.summary_en)
    body_ru: list[str] = []
    body_en: list[str] = []
    body_lemmas: list[str] = []
    body_plain: list[str] = []
    for language, text in texts.files:
        found, plain = words_of(text)
        (body_en if language == FileLanguage.ENGLISH else body_ru).extend(found)
        body_lemmas.extend(found)
        body_plain.extend(plain)
    plain = (
        f" {' '.join(title_ru_plain + title_en_plain)} \n"
        f" {' '.join(summary_ru_plain + summary_en_plain)} \t {' '.join(body_plain)} "
    )
    values: dict = {"search_plain": plain}
    if vendor == "postgresql":
        values["search_ru"] = _vector("russian", title_ru, summary_ru, _capped(body_ru))
        values["search_en"] = _vector("english", title_en, summary_en, _capped(body_en))
    return values, _term_weights(body_lemmas, body_plain)


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
    _write_batch({document_id: texts})


def _write_batch(batch: dict[int, _Texts]) -> None:
    """One UPDATE per document (the vectors are computed by PostgreSQL from
    each document's own text), then its terms replaced: one DELETE and one
    multi-row INSERT for the whole batch, in one transaction."""
    database = Document.objects.db
    vendor = connections[database].vendor
    terms: list[tuple[int, str, float]] = []
    with transaction.atomic(using=database):
        for document_id, texts in batch.items():
            values, weights = _index_values(texts, vendor)
            Document.objects.filter(pk=document_id).update(**values)
            terms.extend((document_id, term, weight) for term, weight in weights.items())
        DocumentTerm.objects.filter(document_id__in=list(batch)).delete()
        _insert_terms(terms, database=database, vendor=vendor)
        documents_indexed.send(sender=Document, document_ids=list(batch))


def _insert_terms(terms: list[tuple[int, str, float]], *, database: str, vendor: str) -> None:
    """On PostgreSQL one INSERT ... SELECT FROM unnest() of three arrays
    (no model instances, no RETURNING: about ten times faster than
    bulk_create for the ~130 rows of each document); elsewhere bulk_create."""
    if not terms:
        return
    if vendor != "postgresql":
        DocumentTerm.objects.using(database).bulk_create(
            [DocumentTerm(document_id=d, term=t, weight=w) for d, t, w in terms],
            batch_size=500,
        )
        return
    document_ids, names, weights = (list(column) for column in zip(*terms, strict=True))
    with connections[database].cursor() as cursor:
        cursor.execute(
            "INSERT INTO archive_documentterm (document_id, term, weight)"
            " SELECT * FROM unnest(%s::bigint[], %s::varchar[], %s::float8[])",
            [document_ids, names, weights],
        )


def documents_reindex(
    *, queryset: QuerySet[Document] | None = None, batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index every document of ``queryset`` (all by default), ``batch_size``
    at a time (two reads per batch, one UPDATE per document, one DELETE and
    one INSERT of the batch's term weights); calls
    ``progress(done, total)`` after each batch. Returns the number indexed.

    Bulk indexing yields the database: after each batch it pauses so that
    it is busy at most ``settings.ARCHIVE_BULK_INDEX_SHARE`` of the time
    (``_pause_after``)."""
    ids = list((queryset if queryset is not None else Document.objects.all())
               .order_by("pk").values_list("pk", flat=True))
    total, done = len(ids), 0
    for start in range(0, total, batch_size):
        started = time.perf_counter()
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
        texts = {}
        for row in rows:
            pk = row.pop("pk")
            texts[pk] = _Texts(**{k: v or "" for k, v in row.items()}, files=files.get(pk, []))
        _write_batch(texts)
        done += len(texts)
        if progress:
            progress(done, total)
        _pause_after(time.perf_counter() - started)
    return done


def _pause_after(busy: float) -> None:
    """Sleep so that ``busy`` seconds of indexing were at most
    ``ARCHIVE_BULK_INDEX_SHARE`` of the time (0.5: as long again). Most of
    a batch's work is PostgreSQL's (the vectors computed from the text, the
    GIN entries, the term weights), at its normal priority whatever the
    worker's nice level: without a pause an import at full speed doubled
    the search's p95 on a 2-core server. A share of 1 never pauses."""
    share = settings.ARCHIVE_BULK_INDEX_SHARE
    if 0 < share < 1 and busy > 0:
        time.sleep(busy * (1 - share) / share)

