"""Template helpers of the meetings pages (their dates: ``{% load dates %}``,
core/templatetags/dates.py)."""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

@register.simple_tag
def meetings_of_document(document) -> list:
    """The meetings a document belongs to, for the archive's document page:
    the archive's template loads this library, so archive code never
    imports meetings."""
    from meetings.selectors import meetings_of_document as select

    return select(document=document)


@register.simple_tag(takes_context=True)
def registering_party(context):
    """The signed-in user's "My state" / "My organisation" link target:
    ``{"is_organisation": bool, "url": ...}`` for a national coordinator or
    an observer focal point, else None."""
    from django.urls import reverse

    from membership.permissions import roles_of

    request = context.get("request")
    user = getattr(request, "user", None)
    roles = roles_of(user)
    if roles.state is None and roles.organisation is None:
        return None
    return {"is_organisation": roles.state is None,
            "url": reverse("meetings:registration_dashboard")}


@register.simple_tag(takes_context=True)
def meeting_panels(context, place: str, meeting=None) -> str:
    """The panels other apps show at ``place`` of a meeting's pages
    (meetings.hooks), each rendered as an inclusion tag renders its
    template: ``{% meeting_panels "detail" meeting %}``,
    ``{% meeting_panels "dashboard" %}``."""
    from meetings.hooks import meeting_panels_of

    request = context.get("request")
    user = getattr(request, "user", None)
    csrf_token = context.get("csrf_token")
    parts = []
    for panel in meeting_panels_of(place=place):
        template = context.template.engine.get_template(panel.template_name)
        panel_context = context.new(panel.context(user=user, meeting=meeting))
        if csrf_token is not None:
            panel_context["csrf_token"] = csrf_token
        parts.append(template.render(panel_context))
    return mark_safe("".join(parts))  # noqa: S308 (our own templates, rendered)
