"""Backups of a whole instance, and their restore: the database, every stored
file and a manifest that proves what was written.

A backup is a directory::

    manifest.json        written last: what the backup holds (see below)
    database.pgdump      PostgreSQL: `pg_dump --format=custom`
    database.sqlite3     SQLite: a copy through the online backup API
    files/<storage>/...  every file of every file storage, as stored

It is written to ``<DIR>.partial`` and renamed to ``<DIR>`` only once the
manifest is in place, so a directory without ``.partial`` and with a manifest
is a finished backup; an interrupted run leaves nothing that looks good.

The manifest records the portal's version and git commit (when known), the
database vendor, the migrations applied, the number of rows of every table
(read in the same snapshot as the dump on PostgreSQL, from the copy itself on
SQLite) and the SHA-256 and size of the database file and of every stored file.
``restore`` checks the dump's checksum before touching anything, restores,
then counts and hashes again and reports every difference.

The database and the files cannot be captured in one instant: the dump is
taken first, then the files are copied. A document uploaded in between is
copied without its row (an orphan file, harmless); a file deleted in between
is reported by the copy. Run backups when the site is quiet (at night).
"""

from .common import BackupError, Report, StorageRoot
from .database import database_state, postgres_tool
from .restore import backup_restore, backup_verify, database_usage, manifest_read, storage_usage
from .storage import file_sha256, storage_roots
from .write import backup_write, portal_version

__all__ = (
    "BackupError", "Report", "StorageRoot", "backup_restore", "backup_verify", "backup_write",
    "database_state", "database_usage", "file_sha256", "manifest_read", "portal_version",
    "postgres_tool", "storage_roots", "storage_usage",
)
