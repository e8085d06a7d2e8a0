"""The packs a visitor may download, for meetings' page and dashboards:
meetings' templates load this library, so meetings code never imports
briefings."""

from django import template

register = template.Library()


@register.inclusion_tag("briefings/_meeting_packs.html", takes_context=True)
def briefing_packs(context, meeting):
    from briefings.selectors import packs_of_meeting_for

    request = context.get("request")
    user = getattr(request, "user", None)
    return {"packs": packs_of_meeting_for(meeting=meeting, user=user), "meeting": meeting}
