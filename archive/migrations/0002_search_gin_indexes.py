"""Archive search on PostgreSQL (a no-op on SQLite, where search reads
search_plain): GIN indexes on both vectors, and no planner statistics for
them. Measured reasons in bench/RESULTS.md.

- GIN indexes answer every ``vector @@ query`` clause without reading the
  vectors themselves (no recheck for words and prefixes).
- SET STATISTICS 0: the vectors of long documents are TOASTed, and reading
  them costs far more than the planner believes. With statistics, a common
  word («миграция» is in almost every document) makes the planner choose a
  sequential scan that decompresses every vector: 5-10 times slower than the
  bitmap index scan. Without statistics it assumes a selective match and
  always takes the index.
- GIN expression indexes on the titles and on the summaries as written
  (configuration 'simple'): the rank asks "which documents have this word in
  their title / summary?" once per query clause, from these indexes, instead
  of reading every matching document's text.
"""

from django.db import migrations

from core.db import PostgreSQLOnly

# Exactly the expressions archive.search.ranking._ids_with_words_in() produces
# (SearchVector(..., config="simple")): PostgreSQL uses an expression index
# only for an identical expression.
TITLE_WORDS = (
    "CREATE INDEX archive_doc_title_words_gin ON archive_document USING gin ("
    "to_tsvector('simple'::regconfig, COALESCE(title_ru, '') || ' ' || COALESCE(title_en, '')))"
)
SUMMARY_WORDS = (
    "CREATE INDEX archive_doc_summary_words_gin ON archive_document USING gin ("
    "to_tsvector('simple'::regconfig,"
    " COALESCE(summary_ru, '') || ' ' || COALESCE(summary_en, '')))"
)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
    ]

    operations = [
        PostgreSQLOnly(
            sql=[
                "CREATE INDEX archive_doc_search_ru_gin ON archive_document USING gin (search_ru)",
                "CREATE INDEX archive_doc_search_en_gin ON archive_document USING gin (search_en)",
                ("ALTER TABLE archive_document ALTER COLUMN search_ru SET STATISTICS 0,"
                " ALTER COLUMN search_en SET STATISTICS 0"),
                TITLE_WORDS,
                SUMMARY_WORDS,
            ],
            reverse_sql=[
                "DROP INDEX IF EXISTS archive_doc_title_words_gin",
                "DROP INDEX IF EXISTS archive_doc_summary_words_gin",
                ("ALTER TABLE archive_document ALTER COLUMN search_ru SET STATISTICS -1,"
                " ALTER COLUMN search_en SET STATISTICS -1"),
                "DROP INDEX IF EXISTS archive_doc_search_ru_gin",
                "DROP INDEX IF EXISTS archive_doc_search_en_gin",
            ],
        ),
    ]
