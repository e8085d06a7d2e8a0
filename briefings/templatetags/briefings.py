"""The packs a visitor may download, for meetings' page and dashboards.
Briefings registers them as meeting panels (meetings.hooks, from
BriefingsConfig.ready), so meetings' templates neither load this library
nor name briefings; ``my_briefing_packs`` stays for briefings' own
templates."""

from django import template

register = template.Library()

MEETING_PACKS_TEMPLATE = "briefings/_meeting_packs.html"
MY_PACKS_TEMPLATE = "briefings/_my_packs.html"


def meeting_packs_context(*, user, meeting) -> dict:
    """A meeting's packs the user may download (a meeting's page): kept
    with the page's pieces (core.fragments) for each of the two audiences
    (every pack of the meeting, or its public ones)."""
    from briefings.selectors import packs_audience, packs_of_meeting
    from core import fragments

    audience = packs_audience(user=user, meeting=meeting)
    packs = fragments.kept(
        "briefings:meeting-packs", lambda: packs_of_meeting(meeting=meeting, audience=audience),
        vary=[meeting.pk, audience])
    return {"packs": packs, "meeting": meeting}


def my_packs_context(*, user, meeting=None) -> dict:
    """For a coordinator's or focal point's dashboard: the packs of the
    meetings their delegation is registered for."""
    from briefings.selectors import packs_for_dashboard

    return {"packs": packs_for_dashboard(user=user)}


@register.inclusion_tag(MY_PACKS_TEMPLATE, takes_context=True)
def my_briefing_packs(context):
    """The dashboard's panel, for a template of briefings' own."""
    return my_packs_context(user=getattr(context.get("request"), "user", None))
