"""An index for the OAI-PMH lists (archive.oai): published documents in
datestamp order (``updated_at``, then id), so that a harvester's page,
first or resumed, reads its records from the index instead of sorting
every public document (issue 27, section 3)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0008_search_indexes_without_pending_list"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("status", "published")), fields=["updated_at", "id"],
                name="archive_doc_datestamp_idx",
            ),
        ),
    ]
