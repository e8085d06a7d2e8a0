from django import template

from membership import selectors

register = template.Library()


@register.simple_tag
def states_pending_past_deadline():
    """For the admin index's notice: pending states whose no-objection
    deadline passed with no outcome recorded (one query, on that page only)."""
    return list(selectors.states_pending_past_deadline())
