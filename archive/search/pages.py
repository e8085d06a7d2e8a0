"""A page of a ranked search, by ids and ranks only (see "The page of
results" in the package docstring): alone (``ranked_page_ids``), or with
the counts per type from the same match (``ranked_page_and_counts``); on
PostgreSQL with nested loops off, so the words' weights are hash-joined."""

from __future__ import annotations

from django.db import connections
from django.db.models import F, QuerySet

# Turns nested loops off for the rest of the statement's transaction, in
# the same round trip as the statement.
NO_NESTED_LOOPS = "SET LOCAL enable_nestloop = off; "


def ranked_page_ids(queryset: QuerySet, *, offset: int, limit: int) -> list[tuple[int, float]]:
    """(id, rank) of one page of ``queryset`` (a ``documents_search``
    result, ordered): the ranking sorts ids and ranks only, and the caller
    loads the page's documents by id. On PostgreSQL the statement runs
    with nested loops off (SET LOCAL in the same round trip: it lasts to
    the end of the implicit transaction of this one statement, or of the
    caller's transaction), so the query words' weights are hash-joined (see
    "The page of results" in the package docstring)."""
    page = queryset.annotate(page_id=F("pk")).values_list("page_id", "rank")[
        offset:offset + limit
    ]
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return list(page)
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(NO_NESTED_LOOPS + sql, params)
        # The ORM may order the columns differently from values_list().
        names = [column.name for column in cursor.description]
        pk, rank = names.index("page_id"), names.index("rank")
        return [(row[pk], float(row[rank])) for row in cursor.fetchall()]


def ranked_page_and_counts(
    queryset: QuerySet, *, types: set[str] | None, offset: int, limit: int,
) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """One page by relevance and the counts per type, from one match of the
    search: ``queryset`` is a ``documents_search`` result with every filter
    *but the type* (the counts show what another type would give);
    ``types`` are the chosen types (None or empty: all). Returns the page's
    (id, rank) pairs in order and {type: count}.

    The match is the costly part of a search (each matching document's row
    is read: 4,400 rows for a rare word at 100,000 documents, 59,000 for a
    common one), and the counts and the page used to match it once each.
    Here it is matched once, into a materialised CTE of (id, rank, date,
    type), which the counts group and the page sorts (order: rank, date,
    id, descending, as the list's relevance order). On PostgreSQL with
    nested loops off, as ``ranked_page_ids``."""
    sql, params = _ranked_rows(queryset).query.sql_with_params()
    return _page_and_counts(sql, params, database=queryset.db, types=types, offset=offset,
                            limit=limit)


def _ranked_rows(ranked: QuerySet) -> QuerySet:
    """The (page_id, rank, date, doc_type) rows ``_page_and_counts`` reads."""
    return ranked.order_by().annotate(page_id=F("pk")).values_list(
        "page_id", "rank", "date", "doc_type")


def _page_and_counts(sql: str, params, *, database: str, types: set[str] | None, offset: int,
                     limit: int) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """``ranked_page_and_counts`` for the SQL of its ``_ranked_rows``."""
    connection = connections[database]
    chosen = sorted(types or ())
    statement = _page_and_counts_sql(sql, chosen=chosen,
                                     postgresql=connection.vendor == "postgresql")
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *chosen, limit, offset])
        rows = cursor.fetchall()
    counts: dict[str, int] = {}
    page: list[tuple[int, float]] = []
    for kind, doc_type, value, rank in rows:
        if kind == 0:
            counts[doc_type] = int(value)
        else:
            page.append((int(value), float(rank)))
    return page, counts


def _page_and_counts_sql(sql: str, *, chosen: list[str], postgresql: bool) -> str:
    """One statement over the match ``sql`` (the ORM's own SQL, its values
    kept apart as parameters like ours): rows (0, type, count, NULL), then
    the page's rows (1, type, id, rank) of the ``chosen`` types."""
    type_filter = f"WHERE doc_type IN ({', '.join(['%s'] * len(chosen))})" if chosen else ""
    prefix = NO_NESTED_LOOPS if postgresql else ""
    materialized = "MATERIALIZED " if postgresql else ""
    return (
        f"{prefix}WITH matched AS {materialized}({sql}) "  # noqa: S608
        "SELECT 0, doc_type, COUNT(*), NULL FROM matched GROUP BY doc_type "
        "UNION ALL SELECT * FROM ("
        f"SELECT 1, doc_type, page_id, rank FROM matched {type_filter} "
        "ORDER BY rank DESC, date DESC, page_id DESC LIMIT %s OFFSET %s) AS page"
    )
