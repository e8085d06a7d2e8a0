"""The manifest's meeting column, applied by an app above the archive.

The archive knows nothing of meetings (ARCHITECTURE.md): a meeting links to
its documents, not back. An app that links documents to meetings may
register, from its ``AppConfig.ready()``, how a manifest's meeting value is
checked and applied::

    from archive.imports.hooks import import_meeting_link_register

    import_meeting_link_register(check=check, link=link)

``check(value)`` returns None, or a refusal (``{"ru": ..., "en": ...}``,
see ``archive.imports.report.in_every_language``) that refuses the
document; ``link(document=..., value=..., by=...)`` runs inside the
document's transaction after the document and its files are saved. With
nothing registered, a row's meeting is reported as not linked (a note, not
a refusal) and the rest of the row is imported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingLink:
    check: Callable[[str], dict | None]
    link: Callable[..., None]


_registered: list[MeetingLink] = []


def import_meeting_link_register(*, check: Callable[[str], dict | None],
                                 link: Callable[..., None]) -> None:
    _registered[:] = [MeetingLink(check=check, link=link)]


def meeting_link() -> MeetingLink | None:
    return _registered[0] if _registered else None
