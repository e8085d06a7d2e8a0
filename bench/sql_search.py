"""The archive search issued directly in SQL, beside the web search (issue
11: "within 2x of the same query issued directly in SQL").

Beside them, the same search through Django: the time the view spends in
``paginate_queryset`` for the URL, requested in process (unique each time,
as below) against the same database (``search_through_django``): the
query as the portal issues it, ORM and model instances included, without
the rest of the page.

For each archive URL the statements are not written here: the archive list
view itself is requested once through Django's test client (in a process
with the bench settings, against the bench database, with a unique query
string so that no page cache answers), and every statement it sends is
recorded (``connection.execute_wrapper``). Those sent while the view's
``paginate_queryset`` runs are *the search*: the counts per type (one
GROUP BY), the ranked page's ids (``archive.search.ranked_page_ids``, its
``SET LOCAL enable_nestloop = off`` included) and the page's documents by
id (``archive.selectors.ranked_documents``), or the page by keys when the
list is sorted by date. Whatever the lead changes in the search, these are
the statements the view runs.

Then each statement is sent again on the raw psycopg2 connection (no
Django between: ``cursor.execute`` and ``fetchall`` only), warm (once
before timing), one at a time; a URL's time is the sum over its
statements. ``all`` is the same over every read statement of the page
(the search plus the filter form's choices, the snippets' text heads, the
layout's reads).

    python -m bench.sql_search PATHS_JSON [--rounds 3]

prints one JSON object (see ``measure``). bench/web.py runs it beside its
search cases with the portal's environment.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.openloop import percentile

READS = ("SELECT", "WITH", "(SELECT", "SET LOCAL")
# What a new connection sends once (django.contrib.postgres looks up the
# hstore and citext types): connection setup, not the page's work.
SETUP = re.compile(r"\bFROM pg_type\b")
# Should the view ever run its search outside paginate_queryset: the page's
# reads of the documents' table stand for the search (and say so).
DOCUMENTS = re.compile(r'FROM "archive_document"(?!\w)')


@dataclass(frozen=True)
class Statement:
    sql: str
    params: object
    search: bool  # sent while the view's paginate_queryset ran
    fallback: bool = False  # ... or, failing that, a read of the documents' table


@contextmanager
def _around_search(before, after):
    """Call ``before()`` and ``after()`` around each run of the archive list
    view's ``paginate_queryset`` (its search), for as long as this lasts."""
    from archive.views import DocumentListView

    original = DocumentListView.paginate_queryset

    def paginate_queryset(self, *args, **kwargs):
        before()
        try:
            return original(self, *args, **kwargs)
        finally:
            after()

    DocumentListView.paginate_queryset = paginate_queryset
    try:
        yield
    finally:
        DocumentListView.paginate_queryset = original


@contextmanager
def _recording():
    """Record every statement sent on the default connection, marking those
    sent while the archive list view paginates (the search)."""
    from django.db import connection

    statements: list[Statement] = []
    state = {"search": False}

    def record(execute, sql, params, many, context):
        if not many and sql.lstrip().upper().startswith(READS) and not SETUP.search(sql):
            statements.append(Statement(sql, params, state["search"]))
        return execute(sql, params, many, context)

    with _around_search(lambda: state.update(search=True),
                        lambda: state.update(search=False)), \
            connection.execute_wrapper(record):
        yield statements


def _host() -> str:
    from django.conf import settings

    hosts = [h for h in settings.ALLOWED_HOSTS if h != "*" and not h.startswith(".")]
    return "testserver" if "*" in settings.ALLOWED_HOSTS or not hosts else hosts[0]


def _get_unique(path: str):
    """``path`` requested in process, with a unique query string added so
    that no page cache answers it."""
    from django.test import Client

    separator = "&" if "?" in path else "?"
    return Client(HTTP_HOST=_host()).get(f"{path}{separator}_sql={uuid.uuid4().hex}")


def page_statements(path: str) -> list[Statement]:
    """The read statements the archive list view sends for ``path`` (e.g.
    ``/ru/archive/?q=беженцы&type=report``), in order."""
    with _recording() as statements:
        response = _get_unique(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path}: status {response.status_code}")
    if not any(s.search for s in statements):
        # Not in paginate_queryset any more (see DOCUMENTS).
        statements = [Statement(s.sql, s.params, bool(DOCUMENTS.search(s.sql)), fallback=True)
                      for s in statements]
    return statements


def search_through_django(path: str) -> float:
    """Milliseconds the archive list view spends in its search for ``path``
    (its ``paginate_queryset``: the same statements as ``page_statements``
    finds, built, sent and read through Django, the page's documents made
    into model instances), the page requested in process with a unique
    query string as above. What the search costs through the ORM, beside
    the same statements on the raw driver connection; the rest of the
    page (its filters, snippets and HTML) is not the query."""
    started: list[float] = []
    spent: list[float] = []
    with _around_search(lambda: started.append(time.perf_counter()),
                        lambda: spent.append((time.perf_counter() - started[-1]) * 1000)):
        response = _get_unique(path)
    if response.status_code != 200 or len(spent) != 1:
        raise RuntimeError(f"{path}: status {response.status_code}, {len(spent)} searches")
    return spent[0]


def time_statements(statements: list[Statement]) -> list[float]:
    """Each statement sent on the raw driver connection: execute, then
    fetch every row. Milliseconds per statement."""
    from django.db import connection

    connection.ensure_connection()
    timings = []
    with connection.connection.cursor() as cursor:
        for statement in statements:
            started = time.perf_counter()
            cursor.execute(statement.sql, statement.params)
            if cursor.description is not None:
                cursor.fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def measure(paths: list[str], *, rounds: int = 3) -> dict:
    """p50/p95 over ``rounds`` passes of ``paths`` (each URL's statements
    timed once before, to warm the caches), for the search statements and
    for all the page's reads."""
    from django.db import connection

    if connection.vendor != "postgresql":
        raise RuntimeError("direct SQL timings need PostgreSQL (psycopg2)")
    pages = {path: page_statements(path) for path in paths}
    for statements in pages.values():
        time_statements(statements)  # warm
    for path in paths:
        search_through_django(path)  # warm
    search, every, django_search = [], [], []
    for _ in range(rounds):
        for path, statements in pages.items():
            timings = time_statements(statements)
            search.append(sum(t for t, s in zip(timings, statements, strict=True) if s.search))
            every.append(sum(timings))
            django_search.append(search_through_django(path))
    counts = [sum(s.search for s in statements) for statements in pages.values()]
    return {
        "p50": round(percentile(search, 0.50), 1), "p95": round(percentile(search, 0.95), 1),
        "p99": round(percentile(search, 0.99), 1), "max": round(max(search), 1),
        "django_p50": round(percentile(django_search, 0.50), 1),
        "django_p95": round(percentile(django_search, 0.95), 1),
        "all_p50": round(percentile(every, 0.50), 1),
        "all_p95": round(percentile(every, 0.95), 1),
        "urls": len(pages), "samples": len(search),
        "search_statements": f"{min(counts)}–{max(counts)}" if min(counts) != max(counts)
        else str(counts[0]),
        "all_statements": max(len(s) for s in pages.values()),
        "search_statements_found_by": "reads of archive_document (fallback)"
        if any(s.fallback for statements in pages.values() for s in statements)
        else "DocumentListView.paginate_queryset",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Archive search in direct SQL.")
    parser.add_argument("paths", help="a JSON file: {group: [path, ...]}")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import django

    django.setup()
    groups = json.loads(Path(args.paths).read_text(encoding="utf-8"))
    out = {}
    for group, paths in groups.items():
        out[group] = measure(paths, rounds=args.rounds)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
