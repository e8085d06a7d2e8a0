from django import template

from membership import permissions, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def coordinated_state(context):
    """The state the signed-in user coordinates, for the header's "My
    state" link. No query for anonymous visitors or staff; the roles are
    cached on the user, so pages that already asked cost nothing more."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_staff:
        return None
    return permissions.coordinated_state(user)


@register.simple_tag
def states_pending_past_deadline():
    """For the admin index's notice: pending states whose no-objection
    deadline passed with no outcome recorded (one query, on that page only)."""
    return list(selectors.states_pending_past_deadline())
