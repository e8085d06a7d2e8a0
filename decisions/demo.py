"""Demo data of the register (make run's demo, through load_demo): what the
register shows of the demo's outcomes, and follow-up items, all invented
and marked illustrative, on the conclusions of the latest Senior Officials'
Meeting held, so that the next one's briefing pack carries a follow-up
report and Kazakhstan's demo coordinator has items to update.

Facts stay facts: the 2013 Conference's decisions are carried by the
Operational Mechanism of 2013 (the seed text); nothing here changes an
outcome's text. Idempotent: a second run adds nothing."""

from __future__ import annotations

import datetime

from archive.models import Document, Theme
from meetings.enums import MeetingKind, MeetingStatus, OutcomeKind
from meetings.models import MeetingOutcome
from membership.models import ParticipantState

from . import services
from .enums import FollowUpStatus, Responsible
from .models import FollowUpItem

DAY = datetime.timedelta(days=1)

# (responsible, state's iso3, what ru, what en, due days after adoption, status)
ITEMS = (
    (Responsible.SUPPORT_UNIT, None,
     ("Подготовить доклад о выполнении плана работы к следующему Совещанию старших "
     "должностных лиц."),
     ("Prepare the report on the implementation of the work plan for the next Senior "
     "Officials' Meeting."), 330, FollowUpStatus.IN_PROGRESS),
    (Responsible.CHAIR, None,
     "Организовать совместно со Службой поддержки тематический семинар по трудовой миграции.",
     "Organise a thematic seminar on labour migration with the Support Unit.",
     180, FollowUpStatus.DONE),
    (Responsible.STATE, "KAZ",
     "Провести национальные консультации и сообщить об их итогах Службе поддержки.",
     "Hold national consultations and inform the Support Unit of their results.",
     240, FollowUpStatus.NOT_STARTED),
)


def _launch_documents() -> int:
    """The 2013 Conference's decisions are carried by the Operational
    Mechanism it adopted (the seed document)."""
    document = Document.objects.filter(slug="operational-mechanism-2013").first()
    if document is None:
        return 0
    added = 0
    for outcome in MeetingOutcome.objects.filter(
        meeting__kind=MeetingKind.MINISTERIAL, meeting__start__year=2013,
    ):
        if not outcome.documents.filter(pk=document.pk).exists():
            outcome.documents.add(document)
            added += 1
    return added


def load() -> str:
    linked = _launch_documents()
    outcome = (
        MeetingOutcome.objects.filter(
            meeting__kind=MeetingKind.SENIOR_OFFICIALS, meeting__status=MeetingStatus.HELD,
            kind=OutcomeKind.CONCLUSIONS,
        ).order_by("-adopted_on", "-pk").first()
    )
    if outcome is None:
        return f"decisions: {linked} outcome(s) linked to documents; no follow-up (no SOM held)"
    states = {state.iso3: state for state in ParticipantState.objects.filter(iso3="KAZ")}
    outcome.themes.add(*Theme.objects.filter(slug__in=("labour-migration", "data-exchange")))
    if "KAZ" in states:
        outcome.states.add(states["KAZ"])
    created = 0
    for position, (responsible, iso3, action_ru, action_en, days, status) in enumerate(
        ITEMS, start=1,
    ):
        if iso3 is not None and iso3 not in states:
            continue
        if FollowUpItem.objects.filter(outcome=outcome, position=position).exists():
            continue
        services.follow_up_save(item=FollowUpItem(
            outcome=outcome, position=position, responsible=responsible,
            state=states.get(iso3) if iso3 else None, action_ru=action_ru, action_en=action_en,
            due_on=outcome.adopted_on + days * DAY, status=status, illustrative=True,
        ))
        created += 1
    return (f"decisions: {linked} outcome(s) linked to documents, {created} illustrative "
            f"follow-up item(s)")
