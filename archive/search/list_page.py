"""The archive list's search by relevance (``search_page_and_counts``):
the page and the counts per type in one statement, either from one match
of the ranked search (its SQL built once for the same search, filters and
access levels: ``_ranked_rows_sql``) or, for common words on PostgreSQL,
by tiers (``archive.search.tiers``)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.db import connections
from django.db.models import QuerySet

from .clauses import Clause, parse_query
from .idf import _document_frequencies, _idf_of
from .matching import _search_clauses
from .pages import _page_and_counts, _ranked_rows, ranked_page_and_counts
from .ranking import _terms_of
from .tiers import _tiered_page_and_counts

# A search whose every word has at least this many postings (documents
# whose text has it among its most frequent terms) is paged by tiers
# (``search_page_and_counts``): such a word matches thousands of documents,
# and ranking every one of them is most of the search's time.
TIERED_FROM_POSTINGS = 2000

# Built searches: {(database, base SQL, base parameters, query, idf): (SQL,
# parameters)} of the ranked rows, the STATEMENTS_KEPT most recently used.
STATEMENTS_KEPT = 256
_statements: OrderedDict[tuple, tuple[str, tuple]] = OrderedDict()
_statements_lock = threading.Lock()


def search_page_and_counts(
    queryset: QuerySet, query: str, *, types: set[str] | None, offset: int, limit: int,
    base_key: tuple | None = None,
) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """The archive list's search by relevance: ``queryset`` has every
    filter but the type and the search, ``query`` is the search box's text.
    Returns what ``ranked_page_and_counts`` returns (the page's (id, rank)
    pairs in order, and {type: count}), and the same values. ``base_key``:
    what identifies ``queryset``'s SQL, when the caller knows it
    (``_ranked_rows_sql``).

    Words with few postings: ``ranked_page_and_counts``, one statement,
    built once for the same search, filters and access levels
    (``_ranked_rows_sql``).
    Words that each match thousands of documents (every term with at least
    ``TIERED_FROM_POSTINGS`` postings), on PostgreSQL: by tiers
    (``_tiered_page_and_counts``), since ranking every matching document
    costs far more than counting them; when the first tier cannot decide
    the page, it is ranked in full after all."""
    clauses = parse_query(query)
    positive = [c for c in clauses if not c.negated]
    if (connections[queryset.db].vendor == "postgresql" and positive
            and all(c.raw for c in positive)):
        terms = _terms_of(positive)
        frequencies, total = _document_frequencies(terms, queryset.db)
        idf = _idf_of(frequencies, total)
        if terms and min(frequencies.values()) >= TIERED_FROM_POSTINGS:
            return _tiered_page_and_counts(queryset, clauses, types=types, offset=offset,
                                           limit=limit, idf=idf)
        sql, params = _ranked_rows_sql(queryset, query, clauses, idf, base_key)
        return _page_and_counts(sql, params, database=queryset.db, types=types,
                                offset=offset, limit=limit)
    ranked = _search_clauses(queryset, clauses, ranked=True)
    return ranked_page_and_counts(ranked, types=types, offset=offset, limit=limit)


def _ranked_rows_sql(queryset: QuerySet, query: str, clauses: list[Clause],
                     idf: dict[str, float], base_key: tuple | None = None) -> tuple[str, tuple]:
    """The SQL and parameters of ``_ranked_rows`` of the search of
    ``query`` (its ``clauses``) in ``queryset``, with the words' ``idf``.

    Building the search's expression (its rank subqueries, the words' term
    weights joined) and compiling it costs about 3 ms of Python, more than
    a rare word's match; the same search in the same filters and access
    levels (visitors repeat searches, and page through them) reuses it. The
    key is ``queryset``'s own SQL and parameters (every filter and access
    rule it holds), the query and the idf (which changes with the index
    version): compiling the plain queryset for the key costs a fifth of
    the search's, so a caller that knows what identifies that SQL passes
    it as ``base_key`` instead (the archive list: its access levels and its
    filters' values, ``DocumentFilter._filtered_key``)."""
    key = _statement_key(queryset, query, idf, base_key)
    try:
        found = _kept_statement(key)
    except TypeError:  # a parameter that cannot be a key: built every time
        key = found = None
    if found is not None:
        return found
    ranked = _search_clauses(queryset, clauses, ranked=True, idf=idf)
    sql, params = _ranked_rows(ranked).query.sql_with_params()
    built = (sql, tuple(params))
    if key is not None:
        _keep_statement(key, built)
    return built


def _statement_key(queryset: QuerySet, query: str, idf: dict[str, float],
                   base_key: tuple | None) -> tuple:
    """``queryset``'s SQL and parameters (or the caller's ``base_key`` for
    them), the query and the idf (see ``_ranked_rows_sql``)."""
    if base_key is None:
        base_sql, base_params = queryset.query.sql_with_params()
        base = ("sql", base_sql, tuple(base_params))
    else:
        base = ("key", base_key)
    return (queryset.db, base, query, tuple(sorted(idf.items())))


def _kept_statement(key: tuple) -> tuple[str, tuple] | None:
    """The statement built for ``key``, marked as the most recently used.
    TypeError if a parameter in ``key`` cannot be a dictionary key."""
    with _statements_lock:
        found = _statements.get(key)
        if found is not None:
            _statements.move_to_end(key)
        return found


def _keep_statement(key: tuple, built: tuple[str, tuple]) -> None:
    """Keeps ``built`` for ``key``, forgetting the least recently used
    beyond STATEMENTS_KEPT."""
    with _statements_lock:
        _statements[key] = built
        while len(_statements) > STATEMENTS_KEPT:
            _statements.popitem(last=False)
