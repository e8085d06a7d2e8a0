"""The plans of the archive's reads that every visitor's first request
runs, on PostgreSQL: the newest published documents (home page, feeds) come
from the top of an index, and the list's counts per type from an index-only
scan, never a scan and sort of the whole table (at 100,000 documents the
table is about 240 MB: 1.4 s home pages and 4 s archive lists under load,
bench/results-baseline). Sequential and bitmap scans and sorts are switched
off so the small test table shows which index can give the rows in order."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count

from archive.selectors import documents_visible_to, public_documents
from tests.factories.archive import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def documents(postgresql_only):
    documents = DocumentFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_document")
    return documents


def test_newest_published_documents_are_read_from_the_published_index(documents):
    newest = public_documents().order_by("-published_at", "-pk")[:20]

    plan = plan_of(newest)

    assert "archive_doc_published_idx" in plan
    assert "Sort" not in plan


def test_list_counts_per_type_read_only_columns_of_the_counts_index(documents):
    # What DocumentFilter.type_counts runs for the list without filters. The
    # planner takes the index-only scan on a vacuumed table of any size
    # (EXPLAIN ANALYZE at 20,000 documents: Heap Fetches 0, 2.7 ms); on the
    # tests' small, freshly written table it may not, so this asserts what
    # makes it possible: every column the query reads is in the index.
    counts = (documents_visible_to(user=AnonymousUser()).order_by()
              .values_list("doc_type").annotate(n=Count("pk")))
    sql, _params = counts.query.sql_with_params()
    read = set(re.findall(r'"archive_document"\."(\w+)"', sql))
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                       ["archive_doc_type_counts_idx"])
        (definition,) = cursor.fetchone()
    indexed = set(re.search(r"\((.*)\)", definition).group(1).replace(" ", "").split(","))

    assert read == {"status", "access", "doc_type", "id"}
    assert read <= indexed
