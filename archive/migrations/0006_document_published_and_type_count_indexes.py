"""Indexes for the newest published documents (home page, feeds) and the
archive list's counts per type (issue 11: uncached pages at 100,000
documents)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0005_document_terms"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("status", "published")), fields=["-published_at", "-id"],
                name="archive_doc_published_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                fields=["status", "access", "doc_type", "id"], name="archive_doc_type_counts_idx",
            ),
        ),
    ]
