"""The work plans' panels on meetings' pages (meetings.hooks): the
coordinator's dashboard lists their state's activities, and a Senior
Officials' Meeting's briefing pack carries the plan for the coming year and
the report on the current one."""

from __future__ import annotations

from django.utils import timezone

from meetings.enums import MeetingKind, MeetingStatus

from . import selectors

DASHBOARD_TEMPLATE = "workplans/_dashboard.html"
PACK_TEMPLATE = "workplans/_pack.html"


def dashboard_context(*, user, meeting=None) -> dict:
    activities = selectors.dashboard_activities(user=user, today=timezone.localdate())
    return {"hidden": not activities, "activities": activities}


def pack_context(*, user, meeting) -> dict:
    """Only a Senior Officials' Meeting's pack has the section, once there
    is a plan for either of its years to show. Before the
    meeting the draft it discusses is shown to the delegations the pack is
    built for; once it is held (the proceedings, which may be public) only
    an agreed plan is: a draft is never public."""
    if meeting is None or meeting.kind != MeetingKind.SENIOR_OFFICIALS:
        return {"hidden": True}
    plans = selectors.pack_plans(meeting=meeting,
                                 show_draft=meeting.status != MeetingStatus.HELD)
    # Nothing to say without a plan for either year: no section at all.
    hidden = plans.coming is None and plans.current is None
    return {"hidden": hidden, "plans": plans, "meeting": meeting}
