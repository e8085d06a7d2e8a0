"""Places on meetings' pages where an app above meetings shows a panel of
its own (briefings: the packs of a meeting), without meetings importing it.

An app registers a panel from its ``AppConfig.ready()`` with
``meeting_panel_register``; meetings' templates show the panels of a place
with ``{% meeting_panels "detail" meeting %}`` (a meeting's public page) or
``{% meeting_panels "dashboard" %}`` (the registering party's dashboard,
whose body is cached: a dashboard panel reads nothing of the request but
its user, never a CSRF token or messages) or ``{% meeting_panels "pack"
meeting %}`` (a section of a meeting's briefing pack and proceedings PDF,
rendered without a request: ``user`` is None; a panel with nothing to say
for that meeting returns ``{"hidden": True}``-style values its template
reads, and renders nothing). A panel is rendered as an inclusion tag is:
its template with the values its ``context`` returns.

An app whose rows feed a pack panel sends ``pack_contents_changed`` with
the ids of the meetings whose packs they appear in, after it changes them;
briefings marks those packs out of date (briefings.freshness).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.dispatch import Signal

PLACES = ("detail", "dashboard", "pack")

# Sent with ``meeting_ids`` (an iterable of Meeting pks) by an app whose
# rows appear in those meetings' packs (through a "pack" panel).
pack_contents_changed = Signal()


@dataclass(frozen=True)
class MeetingPanel:
    """``context(*, user, meeting)`` returns the template's values;
    ``meeting`` is None on the dashboard."""

    template_name: str
    context: Callable[..., dict]


_panels: dict[str, list[MeetingPanel]] = {place: [] for place in PLACES}


def meeting_panel_register(*, place: str, template_name: str,
                           context: Callable[..., dict]) -> None:
    """Show a panel at ``place`` (one of ``PLACES``), after those already
    registered there; registering the same panel twice shows it once."""
    if place not in _panels:
        raise ValueError(f"Unknown place for a meeting panel: {place!r}")
    panel = MeetingPanel(template_name=template_name, context=context)
    if panel not in _panels[place]:
        _panels[place].append(panel)


def meeting_panels_of(*, place: str) -> tuple[MeetingPanel, ...]:
    return tuple(_panels[place])
