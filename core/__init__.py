"""The bottom layer: what every app of the portal builds on.

``core`` imports no other app of the project (import-linter's contracts in
pyproject.toml hold it there): the page cache's mechanics and its registry,
throttling and the client's address, the one base URL, the template tags
every app loads (``translated``, dates), the one PDF renderer, the one
transliteration, the outbox of tasks, CSV exports, the audit fields.
See ARCHITECTURE.md.
"""
