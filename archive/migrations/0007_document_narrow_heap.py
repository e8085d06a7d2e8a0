"""Keep the documents' table rows narrow on PostgreSQL: every search reads
the row of each matching document (its access, status, type, date and id),
one table page per match when rows are wide. A row was ~2.4 kB inline (the
summaries and the smaller search vectors stayed in it, compressed): 235 MB,
3.4 rows a page at 100,000 documents, so a common word's 59,000 matches read
26,700 pages (143 ms of a 238 ms count). With ``toast_tuple_target = 128``
PostgreSQL moves the long values (summaries, vectors, search_plain) to the
TOAST table as soon as a row passes 128 bytes, while the columns every list
shows (titles, slug, reference) and the short codes are kept in the row
(storage MAIN: compressed in place, moved out only if a row could not fit a
page): 57 MB, 14 rows a page, and the same count reads 7,300 pages.

VACUUM FULL rewrites the existing rows into that layout (it takes the
table's lock for the time of the copy: seconds for a secretariat's archive;
at 100,000 documents, 70 s). It cannot run inside a transaction, hence
``atomic = False``. SQLite has no TOAST: nothing to do there.
"""

from django.db import migrations

KEPT_IN_ROW = ("title", "title_ru", "title_en", "slug", "reference", "doc_type", "access",
               "status")


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(f"ALTER COLUMN {name} SET STORAGE MAIN" for name in KEPT_IN_ROW)
    schema_editor.execute("ALTER TABLE archive_document SET (toast_tuple_target = 128)")
    schema_editor.execute(f"ALTER TABLE archive_document {columns}")
    schema_editor.execute("VACUUM FULL archive_document")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(f"ALTER COLUMN {name} SET STORAGE EXTENDED" for name in KEPT_IN_ROW)
    schema_editor.execute("ALTER TABLE archive_document RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE archive_document {columns}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("archive", "0006_document_published_and_type_count_indexes"),
    ]

    operations = [migrations.RunPython(narrow, widen, elidable=False)]
