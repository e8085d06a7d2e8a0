"""The query words' idf, from their postings (document frequency) and the
highest document id, cached per index version: counting a common word's
postings costs 8-19 ms at 100,000 documents, more than the rest of a rare
word's search."""

from __future__ import annotations

import math

from django.core.cache import cache
from django.db import connections

from .version import index_version

# How long a term's document frequency stays cached (a new index version,
# after any indexing, starts afresh anyway).
IDF_CACHE_SECONDS = 3600


def _idf(terms: list[str], database: str) -> dict[str, float]:
    """Each term's idf, ln(1 + N / (1 + df)) / ln(1 + N), with df the
    term's postings and N the highest document id. Counting a common word's
    postings reads ~100,000 index entries (8-19 ms at 100,000 documents), so
    df and N are cached per index version (bumped whenever documents are
    indexed: ``archive.search.index_version``) and computed in one query for
    the terms not cached yet; the rank then gets the idf as a constant."""
    return _idf_of(*_document_frequencies(terms, database))


def _idf_of(frequencies: dict[str, int], total: int) -> dict[str, float]:
    n = float(total) + 1.0
    return {term: math.log(1.0 + n / (1.0 + df)) / math.log(1.0 + n)
            for term, df in frequencies.items()}


def _document_frequencies(terms: list[str], database: str) -> tuple[dict[str, int], int]:
    """Each term's postings (df) and the highest document id (N), cached
    per index version (see ``_idf``)."""
    version = index_version()
    keys = {term: f"archive:df:{version}:{term}" for term in terms}
    known = cache.get_many([*keys.values(), f"archive:n:{version}"])
    total = known.get(f"archive:n:{version}")
    missing = [term for term in terms if keys[term] not in known]
    if missing or total is None:
        found, total = _postings_and_top(missing, database)
        fresh = {keys[term]: found.get(term, 0) for term in missing}
        cache.set_many({**fresh, f"archive:n:{version}": total}, IDF_CACHE_SECONDS)
        known.update(fresh)
    return {term: known[keys[term]] for term in terms}, total


def _postings_and_top(terms: list[str], database: str) -> tuple[dict[str, int], int]:
    """Each term's number of postings (an index-only count per term) and
    the highest document id, in one round trip."""
    top = "SELECT NULL, MAX(id) FROM archive_document"
    if terms:
        placeholders = ", ".join(["%s"] * len(terms))  # values are parameters
        top = ("SELECT term, COUNT(*) FROM archive_documentterm"  # noqa: S608
               f" WHERE term IN ({placeholders}) GROUP BY term UNION ALL {top}")
    with connections[database].cursor() as cursor:
        cursor.execute(top, terms)
        rows = cursor.fetchall()
    found = {term: n for term, n in rows if term is not None}
    top = next((n for term, n in rows if term is None), None)
    return found, top or 0
