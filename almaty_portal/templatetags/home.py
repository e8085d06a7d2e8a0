"""Home-page sections that read other apps (the wiring layer may import
them; the apps never import each other upward): the next meetings and the
participant states today.

``{% load home %}{% next_meetings_section %}{% participant_states_section %}``
in templates/_home_sections.html."""

from __future__ import annotations

from django import template
from django.utils import timezone

from meetings import selectors as meeting_selectors
from membership import selectors as membership_selectors
from membership.enums import MembershipStatus

register = template.Library()


@register.inclusion_tag("components/_next_meetings.html")
def next_meetings_section(limit: int = 3) -> dict:
    """The meetings that have not ended yet, soonest first (one query)."""
    today = timezone.localdate()
    meetings = list(meeting_selectors.meetings_for_list(today=today).filter(is_past=0)[:limit])
    return {"meetings": meetings}


@register.inclusion_tag("components/_participant_states.html")
def participant_states_section() -> dict:
    """The states taking part in the process today, by name in the page's
    language (one query)."""
    states = list(
        membership_selectors.states_with_status_on(
            on=timezone.localdate(), status=MembershipStatus.PARTICIPANT,
        ).order_by("name")
    )
    return {"states": states}
