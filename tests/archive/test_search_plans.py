"""The search's query plans on PostgreSQL, on a table big enough (and
analysed) for the planner to choose freely: the words are matched by the
GIN indexes of migration 0002 and the rank reads the stored term weights
(DocumentTerm) by index, never the documents' vectors row by row, nor the
whole table (bench/RESULTS.md says what either costs at 100,000 documents)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel, DocumentType, PublicationStatus
from archive.models import Document, DocumentTerm
from archive.search import documents_search, search_page_and_counts

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

DOCUMENTS = 2000
FILLER = ("Доклад секретариата о ходе выполнения регионального плана действий, "
          "о совещаниях старших должностных лиц и о сотрудничестве государств. ") * 3


@pytest.fixture
def archive(postgresql_only):
    """2,000 documents (enough pages that the planner weighs a scan of the
    table against the indexes): «миграция» in every one, «засуха» in every
    fortieth; vectors written in one UPDATE (the plan does not depend on
    how the words were lemmatised), term weights as indexing stores them
    (22 a document, most of them rarer); analysed."""
    documents = Document.objects.bulk_create(
        Document(
            title=f"Доклад № {n}", title_ru=f"Доклад № {n}", title_en=f"Report no. {n}",
            summary_ru="Миграция и беженцы. " + ("Засуха. " if n % 40 == 0 else "") + FILLER,
            summary_en="Migration and refugees in the region.",
            slug=f"report-{n}", doc_type=DocumentType.REPORT,
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=n),
            access=AccessLevel.PUBLIC, status=PublicationStatus.PUBLISHED,
        )
        for n in range(DOCUMENTS)
    )
    DocumentTerm.objects.bulk_create(
        DocumentTerm(document=document, term=term, weight=1.0)
        for n, document in enumerate(documents)
        for term in (["миграция", "беженец"] + (["засуха"] if n % 40 == 0 else [])
                     + [f"слово{(n * 20 + k) % 9000}" for k in range(20)])
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE archive_document SET"
            " search_ru = to_tsvector('russian', title_ru || ' ' || summary_ru),"
            " search_en = to_tsvector('english', title_en || ' ' || summary_en)"
        )
        # Earlier tests' rolled-back rows leave the indexes bloated (the
        # documents' GIN indexes, the term weights' B-tree), which the
        # planner reads as costly: rebuilt (in this transaction, rolled
        # back with it), they are the size they would be.
        cursor.execute("REINDEX TABLE archive_document")
        cursor.execute("REINDEX TABLE archive_documentterm")
        cursor.execute("ANALYZE archive_document")
        cursor.execute("ANALYZE archive_documentterm")


def plan_of(query: str) -> str:
    """The plan of the page's ranked query as ``ranked_page_ids`` runs it
    (nested loops off for the statement)."""
    visible = Document.objects.filter(status=PublicationStatus.PUBLISHED,
                                      access=AccessLevel.PUBLIC)
    page = documents_search(visible, query).order_by("-rank", "-date", "-pk")[:20]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def scans_documents(plan: str) -> bool:
    """Whether the page's own documents are read by a scan of the table
    (a subquery's scan, alias u0..., is another matter)."""
    return re.search(r"Seq Scan on archive_document\s+\(", plan) is not None


def filters(plan: str) -> str:
    return "\n".join(line for line in plan.splitlines() if "Filter:" in line)


@pytest.mark.parametrize(("query", "index"), [
    ("засухи", "archive_doc_search_ru_gin"),
    ("migrations", "archive_doc_search_en_gin"),
])
def test_search_page_query_matches_through_gin_index(archive, query, index):
    plan = plan_of(query)

    assert f"Bitmap Index Scan on {index}" in plan
    assert not scans_documents(plan)
    assert "(search_ru @@" not in filters(plan)


def test_search_page_query_for_common_word_uses_indexes_only(archive):
    """«миграция» is in every document: still the GIN index, and its
    weights by index (a hash join, not a lookup per document)."""
    plan = plan_of("миграция")

    assert "Bitmap Index Scan on archive_doc_search_ru_gin" in plan
    assert not scans_documents(plan)
    assert "Seq Scan on archive_documentterm" not in plan
    assert "on archive_documentterm_term_document" in plan


def test_documents_table_keeps_long_texts_out_of_its_rows(postgresql_only):
    """Every search reads the row of each matching document: summaries,
    vectors and search_plain live in TOAST (migration 0007), so many rows
    share a table page however long their texts (one page per match made a
    common word's count 3.6 times slower at 100,000 documents)."""
    words = [f"слово{n}" for n in range(400)]
    Document.objects.bulk_create(
        Document(
            title=f"Доклад № {n}", title_ru=f"Доклад № {n}", title_en=f"Report no. {n}",
            summary_ru=" ".join(words[(n * 7 + k * 13) % 400] for k in range(300)),
            summary_en=" ".join(words[(n * 11 + k * 17) % 400] for k in range(300)),
            search_plain=" ".join(words[(n * 3 + k * 19) % 400] for k in range(600)),
            slug=f"report-{n}", doc_type=DocumentType.REPORT, date=datetime.date(2020, 1, 1),
            access=AccessLevel.PUBLIC, status=PublicationStatus.PUBLISHED,
        )
        for n in range(200)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT (ctid::text::point)[0]) FROM archive_document")
        pages = cursor.fetchone()[0]

    assert 200 / pages >= 10


def test_database_connections_never_compile_queries(postgresql_only):
    """JIT compiling cost 78 ms of a common word's search at 100,000
    documents: the portal's connections have it off."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_search_indexes_take_new_documents_without_a_pending_list(postgresql_only):
    """Every search scans a GIN index's pending list whole: while documents
    were being added, searches took ten times as long (migration 0008)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN"
            " ('archive_doc_search_ru_gin', 'archive_doc_search_en_gin',"
            " 'archive_doc_title_words_gin', 'archive_doc_summary_words_gin')"
        )
        options = dict(cursor.fetchall())

    assert options == {name: ["fastupdate=off"] for name in (
        "archive_doc_search_ru_gin", "archive_doc_search_en_gin",
        "archive_doc_title_words_gin", "archive_doc_summary_words_gin")}


def test_tiered_search_matches_and_counts_through_the_gin_index(archive, monkeypatch):
    """A common word's page by tiers (``search_page_and_counts``): its one
    statement (the counts, and the page among the documents with the word in
    their title) matches through the GIN index and never checks a vector
    row by row."""
    monkeypatch.setattr("archive.search.list_page.TIERED_FROM_POSTINGS", 1)
    visible = Document.objects.filter(status=PublicationStatus.PUBLISHED,
                                      access=AccessLevel.PUBLIC)
    with CaptureQueriesContext(connection) as sent:
        page, counts = search_page_and_counts(visible, "миграция", types=None, offset=0,
                                              limit=20)
    tiered = next(q["sql"] for q in sent.captured_queries if "WITH matched" in q["sql"])
    setting, statement = tiered.split("; ", 1)
    with connection.cursor() as cursor:
        cursor.execute(setting)
        cursor.execute("EXPLAIN " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert counts == {DocumentType.REPORT: DOCUMENTS}
    assert len(page) == 20
    assert "archive_doc_search_ru_gin" in plan
    assert not re.search(r"Filter: .*search_(ru|en) @@", plan)


def test_the_wider_tier_is_not_read_when_the_first_tier_decides(archive, monkeypatch):
    """Two common words, both in the titles of the 50 documents that have
    them both: the first tier fills the page, and the wider tier (the
    documents with either word in their title), sent in the same statement
    behind a gate, is never executed."""
    monkeypatch.setattr("archive.search.list_page.TIERED_FROM_POSTINGS", 1)
    Document.objects.filter(slug__in=[f"report-{n}" for n in range(0, DOCUMENTS, 40)]).update(
        title_ru="Миграция и засуха")
    visible = Document.objects.filter(status=PublicationStatus.PUBLISHED,
                                      access=AccessLevel.PUBLIC)
    search_page_and_counts(visible, "миграция засуха", types=None, offset=0, limit=20)
    with CaptureQueriesContext(connection) as sent:  # the words' frequencies cached now
        page, _counts = search_page_and_counts(visible, "миграция засуха", types=None,
                                               offset=0, limit=20)
    [tiered] = [q["sql"] for q in sent.captured_queries if "WITH matched" in q["sql"]]
    setting, statement = tiered.split("; ", 1)
    with connection.cursor() as cursor:
        cursor.execute(setting)
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert len(sent.captured_queries) == 1
    assert len(page) == 20
    assert {pk for pk, _rank in page} <= set(
        Document.objects.filter(title_ru="Миграция и засуха").values_list("pk", flat=True))
    assert "One-Time Filter" in plan
    assert "never executed" in plan
