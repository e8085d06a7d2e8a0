"""Open metadata for harvesters: the archive's public documents over
OAI-PMH 2.0 in Dublin Core (``protocol``, at /oai/) and as a paged JSON
list (``api``, at /api/documents/). Both read ``records``, which starts
from ``archive.selectors.public_documents``: a document that is not
published and public never appears."""
