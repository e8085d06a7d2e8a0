"""The register's panels on meetings' places (meetings.hooks, registered
from DecisionsConfig.ready): a coordinator's follow-up on the dashboard,
and the follow-up report in a Senior Officials' Meeting's briefing pack."""

from __future__ import annotations

from django.utils import timezone

from . import selectors

DASHBOARD_TEMPLATE = "decisions/_dashboard_panel.html"
PACK_TEMPLATE = "decisions/_pack_report.html"


def dashboard_context(*, user, meeting=None) -> dict:
    """A coordinator's state's follow-up items (counts and the next due),
    linking their follow-up page; hidden for everyone else."""
    state = selectors.follow_up_state(user=user) if user is not None else None
    if state is None:
        return {"hidden": True}
    today = timezone.localdate()
    items = selectors.follow_up_of_state(state=state, user=user)
    open_items = [item for item in items if item.is_open]
    return {
        "hidden": False,
        "state": state,
        "total": len(items),
        "open": len(open_items),
        "overdue": sum(1 for item in open_items if item.due_on < today),
        "next_items": sorted(open_items, key=lambda item: (item.due_on, item.pk))[:3],
        "today": today,
    }


def pack_context(*, user, meeting) -> dict:
    """The follow-up report of a Senior Officials' Meeting's pack (public
    outcomes and evidence only: a pack is read by a whole audience)."""
    items = selectors.follow_up_for_pack(meeting=meeting) if meeting is not None else []
    if not items:
        return {"hidden": True}
    groups: list[tuple] = []
    for item in items:
        if not groups or groups[-1][0].pk != item.outcome_id:
            groups.append((item.outcome, []))
        groups[-1][1].append(item)
    return {"hidden": False, "groups": groups, "report_date": meeting.start}
