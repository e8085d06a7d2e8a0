"""The current-chair card on the home page, and links to state pages."""

from django import template
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.html import format_html

from membership.models import ParticipantState

from ..selectors import current_chair

register = template.Library()


@register.inclusion_tag("chairmanship/_current_chair_card.html")
def current_chair_card() -> dict:
    """Who chairs today (one query); none between terms."""
    return {"current": current_chair(on=timezone.localdate())}


@register.simple_tag
def state_link(state: ParticipantState) -> str:
    """The state's name linked to its page, or the bare name while the
    state pages are not there (the link is built by membership)."""
    try:
        url = state.get_absolute_url()
    except NoReverseMatch:
        return format_html("{}", state)
    return format_html('<a href="{}">{}</a>', url, state)
