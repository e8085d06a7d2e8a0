"""Stored per-document term weights for the search rank (archive.search:
"Ranking"). On PostgreSQL the unique (term, document) index also carries the
weight (INCLUDE), so the rank reads a query word's postings by an index-only
scan and never visits the table."""

import django.db.models.deletion
from django.db import migrations, models

from core.db import PostgreSQLOnly


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0004_thematic_areas'),
    ]

    operations = [
        migrations.CreateModel(
            name='DocumentTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(max_length=60)),
                ('weight', models.FloatField()),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='terms', to='archive.document')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('term', 'document'), name='archive_documentterm_term_document')],
            },
        ),
        PostgreSQLOnly(
            sql=[
                "ALTER TABLE archive_documentterm"
                " DROP CONSTRAINT archive_documentterm_term_document,"
                " ADD CONSTRAINT archive_documentterm_term_document"
                " UNIQUE (term, document_id) INCLUDE (weight)",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
