"""Demo of the action plan: the real 2012 plan (not invented), and one
illustrative reporting round before the last Senior Officials' Meeting of
the demo, endorsed, with a few answers of two states. Idempotent."""

from __future__ import annotations

import datetime

from django.utils import timezone

from meetings.enums import MeetingKind
from meetings.models import Meeting
from membership.enums import MembershipStatus
from membership.selectors import states_with_status_on

from .enums import NoteVisibility, ProgressStatus, RoundStatus
from .models import ActionProgress, ProgressNote, ReportingRound
from .seed_2012 import PLAN
from .services import plan_load

DEMO_STATUSES = [ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED,
                 ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_APPLICABLE]


def load() -> str:
    plan = plan_load(data=PLAN)
    today = timezone.localdate()
    som = (
        Meeting.objects.filter(kind=MeetingKind.SENIOR_OFFICIALS, end__lt=today)
        .order_by("-start").first()
    )
    if som is None:
        return f"action plan: v{plan.version} (no past Senior Officials' Meeting for a round)"
    rr, _created = ReportingRound.objects.get_or_create(
        meeting=som, defaults={
            "plan": plan, "opened_on": som.start - datetime.timedelta(days=60),
            "status": RoundStatus.CLOSED, "closed_on": som.start - datetime.timedelta(days=7),
            "endorsed": True, "endorsed_on": som.end,
        },
    )
    states = list(states_with_status_on(on=som.start, status=MembershipStatus.PARTICIPANT)
                  .order_by("name")[:2])
    actions = [a for area in plan.areas.order_by("number") for a in area.actions.all()[:3]]
    for s_index, state in enumerate(states):
        for a_index, action in enumerate(actions):
            status = DEMO_STATUSES[(a_index + s_index) % len(DEMO_STATUSES)]
            progress, created = ActionProgress.objects.get_or_create(
                round=rr, action=action, state=state, defaults={
                    "status": status, "timeline": "2024–2026",
                    "responsible_body": "Министерство внутренних дел (иллюстрация)",
                },
            )
            if created and a_index == 0:
                ProgressNote.objects.create(
                    progress=progress, date=rr.closed_on, visibility=NoteVisibility.PUBLIC,
                    text="Иллюстративная запись: национальная консультация обсудила сроки.",
                )
    return f"action plan: v{plan.version}, 1 endorsed round (states reporting: {len(states)})"
