"""Secretariat admin of the archive.

Documents are edited with RU/EN tabs (modeltranslation) and keep an audit
history of every change (django-simple-history: who, when, which fields).
Language files are added in an inline whose uploads are checked from their
content before anything is saved; saving goes through the services, which
store the file, extract its text and reindex the document. Extra pages hang
off the changelist: a bulk upload of several files (one draft per file), the
translation backlog (documents lacking a title, summary or file in one
language) and a staff download of any file.

- ``gaps``: what a document may lack in one language, and the changelist filters;
- ``documents``: the document admin, its language-file inline and actions;
- ``pages``: the bulk upload, translation status and download views;
- ``themes``: the thematic areas;
- ``imports``: imports of an existing archive from a manifest (archive.imports).
"""

from . import documents, imports, themes

__all__ = ["documents", "imports", "themes"]
