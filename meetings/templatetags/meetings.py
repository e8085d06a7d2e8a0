"""Template helpers of the meetings pages."""

from __future__ import annotations

import datetime

from django import template
from django.utils.dateformat import format as date_format

register = template.Library()

DASH = "\u2013"


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    """A meeting's dates, as short as they read well, in the active
    language: 4–5 June 2015, 30 June – 1 July 2015, 30 December 2015 –
    2 January 2016 (Russian: 4–5 июня 2015)."""
    if start == end:
        return date_format(start, "j E Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{date_format(start, 'j')}{DASH}{date_format(end, 'j E Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j E')} {DASH} {date_format(end, 'j E Y')}"
    return f"{date_format(start, 'j E Y')} {DASH} {date_format(end, 'j E Y')}"


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
