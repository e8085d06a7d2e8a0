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


@register.inclusion_tag("briefings/_my_packs.html", takes_context=True)
def my_briefing_packs(context):
    """For a coordinator's or focal point's dashboard: the packs of the
    meetings their delegation is registered for."""
    from briefings.selectors import packs_for_dashboard

    request = context.get("request")
    return {"packs": packs_for_dashboard(user=getattr(request, "user", None))}
