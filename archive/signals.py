"""Signals of the archive app, for other apps to listen to without the
archive knowing them."""

from django.dispatch import Signal

# Sent (sender=Document, document_ids=[...]) when the search index of these
# documents was rewritten: their vectors and term weights, written with
# UPDATE and bulk INSERT (no model signals), inside the caller's transaction.
# Search results can change with it (a file's text extracted after the
# document was saved): the page cache listens.
documents_indexed = Signal()
