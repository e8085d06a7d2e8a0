"""Bulk import of an existing archive (README, "Importing an existing
archive"): a manifest (CSV or XLSX, one row per language file of a
document) and its files, from ``manage.py archive_import`` or the admin's
import page.

- ``manifest``: reading the manifest, and what makes a whole manifest unusable;
- ``plan``: each row checked, rows grouped into documents and compared with
  the archive (what would be created, updated, left unchanged or refused);
- ``run``: the request from the admin, and the run (a dry run reports, a
  real one imports each document in its own transaction through the
  archive's services); the task ``archive.run_import`` and the command call it;
- ``report``: the report's entries and messages, in both languages;
- ``sources``: allowed server folders, the work folder, unpacking a ZIP;
- ``hooks``: the meeting column, applied by an app above the archive.
"""

from .hooks import import_meeting_link_register
from .manifest import COLUMNS, ManifestError, manifest_read
from .run import (
    archive_import_from_command,
    archive_import_repeat,
    archive_import_repeatable,
    archive_import_request,
    archive_import_run,
)

__all__ = [
    "COLUMNS",
    "ManifestError",
    "archive_import_from_command",
    "archive_import_repeat",
    "archive_import_repeatable",
    "archive_import_request",
    "archive_import_run",
    "import_meeting_link_register",
    "manifest_read",
]
