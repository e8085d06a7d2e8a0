"""The About page's sections and history timeline."""

from __future__ import annotations

from django.db import transaction

from ..models import AboutSection, HistoryEntry
from ..richtext import sanitise_html

LANGUAGES = ("ru", "en")


@transaction.atomic
def about_section_save(*, section: AboutSection) -> AboutSection:
    """Validate and store a section: titles trimmed, bodies sanitised as
    news bodies are (content.richtext)."""
    for language in LANGUAGES:
        title = f"title_{language}"
        setattr(section, title, (getattr(section, title) or "").strip())
        body = f"body_{language}"
        setattr(section, body, sanitise_html(getattr(section, body) or ""))
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def history_entry_save(*, entry: HistoryEntry) -> HistoryEntry:
    """Validate and store a step of the timeline (texts trimmed)."""
    for language in LANGUAGES:
        for field in ("title", "description"):
            name = f"{field}_{language}"
            setattr(entry, name, (getattr(entry, name) or "").strip())
    entry.full_clean()
    entry.save()
    return entry
