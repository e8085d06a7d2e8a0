"""Rebuild the search fields of every archive document (after a change to
the lemmatiser or the search configuration, or after a bulk import)."""

import time

from django.core.management.base import BaseCommand

from archive.models import Document
from archive.search import documents_reindex


class Command(BaseCommand):
    help = "Recompute the full-text search fields of all archive documents."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=100,
                            help="Documents read per batch (default 100).")
        parser.add_argument("ids", nargs="*", type=int,
                            help="Only these document ids (default: all).")

    def handle(self, *args, ids, batch_size, **options):
        queryset = Document.objects.filter(pk__in=ids) if ids else Document.objects.all()
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"Indexed {done}/{total} documents")

        done = documents_reindex(queryset=queryset, batch_size=batch_size, progress=progress)
        self.stdout.write(self.style.SUCCESS(
            f"Reindexed {done} documents in {time.monotonic() - started:.1f} s."
        ))
