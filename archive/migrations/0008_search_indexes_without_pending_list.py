"""The search's GIN indexes take new entries straight into their trees
(``fastupdate = off``) on PostgreSQL.

With PostgreSQL's default (``fastupdate = on``) the entries of newly indexed
documents wait in an unsorted *pending list* (up to gin_pending_list_limit,
4 MB) until a vacuum or a full list merges them, and every search scans that
whole list for each of its index scans. While documents were being added
(2,180 in 3 minutes, 100,000 in the archive), the archive search's p95 went
from 211 ms to 2.4 s, while uncached pages that do not search barely moved
(bench/RESULTS.md, "while documents are added"). Without the list, indexing
a document costs more (its ~2,000 entries go into the trees at once, in the
background worker), and searches cost the same whatever is being added: the
right trade for an archive read far more often than written.

The pending entries already there are merged now (gin_clean_pending_list).
SQLite has no such indexes: nothing to do there.
"""

from django.db import migrations

INDEXES = (
    "archive_doc_search_ru_gin",
    "archive_doc_search_en_gin",
    "archive_doc_title_words_gin",
    "archive_doc_summary_words_gin",
)


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0007_document_narrow_heap"),
    ]

    operations = [migrations.RunPython(without_pending_list, with_pending_list, elidable=False)]
