"""Demo of the work plans: the plan each of the demo's Senior Officials'
Meetings agrees for the next year (closed once its year is over; the
upcoming meeting's, a draft). Idempotent.

Only the Regional Cooperation Framework's draft Regional Action Plan (2012)
names activities, so each plan takes two of its actions as they are
written (with the objective and thematic area they belong to); the plans
themselves (the meetings after 2013, who carries an action out, when, how
far it got) are invented and marked illustrative, as are the plans' other
activities, which only follow the roles the Operational Mechanism gives
the Chair and the Support Unit."""

from __future__ import annotations

import datetime

from django.utils import timezone

from actionplan.models import Action
from archive.models import Document, Theme
from meetings.enums import MeetingKind, MeetingStatus
from meetings.models import Meeting
from membership.enums import MembershipStatus
from membership.selectors import states_with_status_on

from . import services
from .enums import ActivityStatus, Responsible, WorkPlanStatus
from .models import Activity, WorkPlan

# The archive's thematic area of each area of common understanding (2012).
AREA_THEMES = {1: "border-management", 2: "differentiated-procedures",
               3: "refugee-protection", 4: "labour-migration"}

INTRODUCTION = (
    ("Иллюстративный план работы для демонстрации портала. Мероприятия, взятые из проекта "
     "Регионального плана действий 2012 года, приведены в его редакции; год, ответственные, "
     "сроки и ход выполнения вымышлены."),
    ("An illustrative work plan for the portal's demonstration. The activities taken from the "
     "draft Regional Action Plan of 2012 keep its wording; the year, those responsible, the "
     "periods and the progress are made up."),
)

SUPPORT_UNIT_ACTIVITY = (
    "Подготовка, перевод и рассылка материалов к Совещанию старших должностных лиц",
    "Preparing, translating and sending out the materials for the Senior Officials' Meeting",
    ("Служба поддержки собирает материалы государств-участников и готовит информационный пакет "
    "на русском и английском языках."),
    ("The Support Unit collects the participant states' materials and prepares the briefing "
    "pack in Russian and English."),
)
CHAIR_ACTIVITY = (
    "Тематический семинар, организуемый Председателем совместно со Службой поддержки",
    "A thematic seminar organised by the Chair with the Support Unit",
)
# Documents of the archive's demo that record an activity of their year.
SEMINAR_DOCUMENTS = ("reintegration-seminar-concept-note", "reintegration-seminar-press-release")


def _short_actions() -> list[Action]:
    """The plan's actions whose text fits an activity's title, in order."""
    return [
        action for action in Action.objects.select_related("area__plan").order_by(
            "area__plan__version", "area__number", "order")
        if len(action.text_ru) <= 300 and len(action.text_en or "") <= 300
    ]


def _status(year: int, today: datetime.date, index: int) -> str:
    if year < today.year:
        return ActivityStatus.POSTPONED if (year + index) % 5 == 0 else ActivityStatus.DONE
    if year == today.year:
        return ActivityStatus.UNDER_WAY if index == 0 else ActivityStatus.PLANNED
    return ActivityStatus.PLANNED


def _activities(plan: WorkPlan, *, actions: list[Action], today: datetime.date) -> int:
    year = plan.year
    states = list(states_with_status_on(on=datetime.date(year, 1, 1),
                                        status=MembershipStatus.PARTICIPANT).order_by("name_en"))
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    rows = []
    for index in range(2 if actions else 0):
        action = actions[(2 * year + index) % len(actions)]
        state = states[(year + index) % len(states)] if states else None
        quarter = 1 + (year + 2 * index) % 3
        rows.append(({
            # The action's words; the semicolon that ends it in the plan's list goes.
            "title_ru": action.text_ru.rstrip(" ;"), "title_en": action.text_en.rstrip(" ;"),
            "responsible": Responsible.STATE if state else Responsible.SUPPORT_UNIT,
            "responsible_state": state,
            "starts_on": datetime.date(year, 3 * quarter - 2, 1),
            "ends_on": datetime.date(year, 3 * quarter + 3, 30),
            "theme": themes.get(AREA_THEMES.get(action.area.number)),
        }, list(action.area.objectives.order_by("order")[:1])))
    rows.append(({
        "title_ru": SUPPORT_UNIT_ACTIVITY[0], "title_en": SUPPORT_UNIT_ACTIVITY[1],
        "description_ru": SUPPORT_UNIT_ACTIVITY[2], "description_en": SUPPORT_UNIT_ACTIVITY[3],
        "responsible": Responsible.SUPPORT_UNIT, "responsible_state": None,
        "starts_on": datetime.date(year, 8, 1), "ends_on": datetime.date(year, 10, 10),
        "theme": themes.get("data-exchange"), "illustrative": True,
    }, []))
    rows.append(({
        "title_ru": CHAIR_ACTIVITY[0], "title_en": CHAIR_ACTIVITY[1],
        "responsible": Responsible.CHAIR, "responsible_state": None,
        "starts_on": datetime.date(year, 4, 1), "ends_on": datetime.date(year, 6, 30),
        "theme": None, "illustrative": True,
    }, []))
    for index, (fields, objectives) in enumerate(rows):
        status = _status(year, today, index)
        meetings, documents = [], []
        if fields["responsible"] == Responsible.CHAIR:
            meetings = list(Meeting.objects.filter(kind=MeetingKind.THEMATIC,
                                                   start__year=year, end__lt=today))
            documents = list(Document.objects.filter(slug__in=SEMINAR_DOCUMENTS, date__year=year))
            if meetings or documents:
                status = ActivityStatus.DONE
        activity = Activity(plan=plan, order=index + 1, status=status, **fields)
        services.activity_save(activity=activity, objectives=objectives, meetings=meetings,
                               documents=documents)
    return len(rows)


def load() -> str:
    today = timezone.localdate()
    actions = _short_actions()
    activities = 0
    soms = Meeting.objects.filter(kind=MeetingKind.SENIOR_OFFICIALS).order_by("start")
    for som in soms:
        year = som.start.year + 1
        plan = WorkPlan.objects.filter(year=year).first()
        held = som.status == MeetingStatus.HELD
        if plan is None:
            plan = services.workplan_save(plan=WorkPlan(
                year=year, illustrative=True,
                status=WorkPlanStatus.AGREED if held else WorkPlanStatus.DRAFT,
                agreed_at=som if held else None,
                introduction_ru=INTRODUCTION[0], introduction_en=INTRODUCTION[1],
            ))
            activities += _activities(plan, actions=actions, today=today)
        if plan.status == WorkPlanStatus.AGREED and plan.year < today.year:
            services.workplan_close(plan=plan)
    counts = {value: WorkPlan.objects.filter(status=value).count()
              for value in WorkPlanStatus.values}
    return (f"work plans: {sum(counts.values())} ({counts['agreed']} agreed, "
            f"{counts['closed']} closed, {counts['draft']} draft), "
            f"{Activity.objects.count()} activities ({activities} new)")
