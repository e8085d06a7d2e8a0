"""Demo data: the meetings of the process since its launch, built from the
chair terms the chairmanship demo recorded (so the two always agree).

- a Ministerial Conference at every handover of the chairmanship (every two
  years, on the two days before the new term starts), hosted by the
  outgoing Chair; the 2013 Conference launched the process, adopted the
  Operational Mechanism and elected the first Chair; each later one
  confirms the next Chair by rotation (no election after 2013); the next
  one is planned;
- a Senior Officials' Meeting in Almaty each year (in October), and the next one open for
  registration (about six weeks ahead of the day the demo is loaded); the
  first, in the launch year, has no past year to review: it looks at the
  launch and agrees the first work plan;
- national consultations in every participant state each year, with a few
  years missing so the cadence panel shows gaps;
- two thematic seminars.

Dates, venues and texts are illustrative. Archive documents are linked
when the archive demo has them and their dates agree with the meeting's.
Idempotent: a meeting already present (by slug) is left alone."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from archive.models import Document, Theme
from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship
from chairmanship.selectors import chairmanship_terms
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, ParticipantState

from .enums import Interpretation, MeetingDocumentRole, MeetingKind, MeetingStatus, OutcomeKind
from .models import Meeting
from .services import agenda_item_add, meeting_create, meeting_document_link, outcome_record

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class City:
    ru: str
    en: str
    time_zone: str


ALMATY = City("Алматы", "Almaty", "Asia/Almaty")
# Where each state hosts: its capital.
CAPITALS = {
    "AFG": City("Кабул", "Kabul", "Asia/Kabul"),
    "AZE": City("Баку", "Baku", "Asia/Baku"),
    "IRN": City("Тегеран", "Tehran", "Asia/Tehran"),
    "KAZ": City("Астана", "Astana", "Asia/Almaty"),
    "KGZ": City("Бишкек", "Bishkek", "Asia/Bishkek"),
    "PAK": City("Исламабад", "Islamabad", "Asia/Karachi"),
    "TJK": City("Душанбе", "Dushanbe", "Asia/Dushanbe"),
    "TUR": City("Анкара", "Ankara", "Europe/Istanbul"),
    "TKM": City("Ашхабад", "Ashgabat", "Asia/Ashgabat"),
}
# National consultations left out, so the cadence panel has gaps to show.
CONSULTATION_GAPS = {("PAK", 2020), ("IRN", 2021), ("AFG", 2022), ("AFG", 2023)}
ILLUSTRATIVE_RU = "Иллюстративные данные: даты, место и тексты вымышлены."
ILLUSTRATIVE_EN = "Illustrative data: the dates, place and texts are made up."


def _city(state: ParticipantState | None) -> City:
    return CAPITALS.get(state.iso3, ALMATY) if state else ALMATY


def _create(slug: str, **fields) -> Meeting | None:
    """The meeting, created unless one with this slug exists (then None)."""
    if Meeting.objects.filter(slug=slug).exists():
        return None
    return meeting_create(slug=slug, **fields)


def _link(meeting: Meeting, slug: str, role: str) -> None:
    """Link an archive demo document whose date agrees with the meeting."""
    document = Document.objects.filter(slug=slug).first()
    if document is None:
        return
    if meeting.start - datetime.timedelta(days=60) <= document.date <= meeting.end + \
            datetime.timedelta(days=60):
        meeting_document_link(meeting=meeting, document=document, role=role)


def _themes(*slugs: str) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs))


def _ministerial(term: Chairmanship, previous: Chairmanship | None) -> Meeting | None:
    """The Conference on the two days before ``term`` starts, hosted by the
    outgoing Chair (the first one in Almaty)."""
    start, end = term.start - ONE_DAY, term.start
    if previous is not None:
        start, end = term.start - 2 * ONE_DAY, term.start - ONE_DAY
    host = previous.state if previous else ParticipantState.objects.filter(iso3="KAZ").first()
    city = ALMATY if previous is None else _city(host)
    year = term.start.year
    meeting = _create(
        f"ministerial-conference-{year}",
        kind=MeetingKind.MINISTERIAL, status=MeetingStatus.HELD, start=start, end=end,
        time_zone=city.time_zone, host_state=host, city_ru=city.ru, city_en=city.en,
        title_ru=f"Министерская конференция Алматинского процесса {year} г.",
        title_en=f"Almaty Process Ministerial Conference {year}",
        description_ru=("Министерский обзор и планирование на следующие два года. "
                        + ILLUSTRATIVE_RU),
        description_en=("The ministerial review, and planning for the next two years. "
                        + ILLUSTRATIVE_EN),
        working_languages=["ru", "en"], interpretation=Interpretation.SIMULTANEOUS,
        max_delegation_size=5, themes=_themes("refugee-protection", "labour-migration"),
    )
    if meeting is None:
        return None
    if previous is None:
        _launch(meeting, term)
    else:
        _handover(meeting, term)
    return meeting


def _launch(meeting: Meeting, term: Chairmanship) -> None:
    for title_ru, title_en in (
        ("Открытие конференции", "Opening of the Conference"),
        ("Принятие Операционного механизма", "Adoption of the Operational Mechanism"),
        ("Выборы первого Председателя", "Election of the first Chair"),
        (("Региональная рамочная программа сотрудничества и проект Регионального плана "
         "действий"), "The Regional Cooperation Framework and the draft Regional Action Plan"),
    ):
        agenda_item_add(meeting=meeting, day=meeting.end, title_ru=title_ru, title_en=title_en)
    outcome_record(
        meeting=meeting, kind=OutcomeKind.DECISION, adopted_on=meeting.end,
        text_ru="Конференция приняла Операционный механизм и положила начало Алматинскому "
                "процессу.",
        text_en="The Conference adopted the Operational Mechanism and launched the Almaty "
                "Process.",
    )
    outcome_record(
        meeting=meeting, kind=OutcomeKind.DECISION, adopted_on=meeting.end,
        confirms_chairmanship=term,
        text_ru=f"Конференция избрала первым Председателем процесса государство "
                f"{term.state.name_ru} на {term.start:%Y}–{term.end:%Y} гг.",
        text_en=f"The Conference elected {term.state.name_en} the first Chair of the process "
                f"for {term.start:%Y}–{term.end:%Y}.",
    )
    _link(meeting, "operational-mechanism-2013", MeetingDocumentRole.OUTCOME)


def _handover(meeting: Meeting, term: Chairmanship) -> None:
    for title_ru, title_en in (
        ("Открытие конференции", "Opening of the Conference"),
        ("Министерский обзор за два года", "Ministerial review of the past two years"),
        ("Председательство в очередном сроке", "The chairmanship for the next term"),
        ("Планирование на следующие два года", "Planning for the next two years"),
    ):
        agenda_item_add(meeting=meeting, day=meeting.end, title_ru=title_ru, title_en=title_en)
    how_ru, how_en = (
        ("в порядке ротации (английский алфавитный порядок)",
         "by rotation (English alphabetical order)")
        if term.basis == ChairmanshipBasis.ROTATION
        else ("по решению государств-участников", "by decision of the participant states")
    )
    outcome_record(
        meeting=meeting, kind=OutcomeKind.DECISION, adopted_on=meeting.end,
        confirms_chairmanship=term,
        text_ru=f"Конференция подтвердила председательство государства {term.state.name_ru} "
                f"на {term.start:%Y}–{term.end:%Y} гг. {how_ru}.",
        text_en=f"The Conference confirmed the chairmanship of {term.state.name_en} for "
                f"{term.start:%Y}–{term.end:%Y} {how_en}.",
    )
    if meeting.start.year == 2023:
        _link(meeting, "ministerial-conclusions-2023", MeetingDocumentRole.OUTCOME)


# The first Senior Officials' Meeting, in the launch year, has no past year
# of the process to review: it looks at the launch and agrees the first work
# plan. Each later one reviews the year before (as the Operational
# Mechanism has it).
FIRST_SOM = {
    "description": (
        ("Первое совещание после начала процесса: его первые шаги и первый план работы на "
        "следующий год. "),
        ("The first meeting since the process was launched: its first steps and the first "
        "work plan, for the next year. "),
    ),
    "agenda": (
        ("Открытие совещания", "Opening"),
        ("Начало процесса: решения Министерской конференции",
         "The launch: the decisions of the Ministerial Conference"),
        ("Первый план работы на следующий год", "The first work plan, for the next year"),
    ),
}
LATER_SOM = {
    "description": (
        ("Обзор результатов прошедшего года и план работы на следующий год, по итогам "
        "национальных консультаций. "),
        ("A review of the past year's results and the work plan for the next year, building "
        "on the national consultations. "),
    ),
    "agenda": (
        ("Открытие совещания", "Opening"),
        ("Итоги национальных консультаций", "Results of the national consultations"),
        ("Обзор выполнения плана работы", "Review of the work plan"),
        ("План работы на следующий год", "Work plan for the next year"),
    ),
}


def _senior_officials(year: int, *, start: datetime.date, status: str, first: bool = False,
                      **extra) -> Meeting | None:
    texts = FIRST_SOM if first else LATER_SOM
    meeting = _create(
        f"senior-officials-meeting-{year}",
        kind=MeetingKind.SENIOR_OFFICIALS, status=status, start=start, end=start + ONE_DAY,
        time_zone=ALMATY.time_zone, host_state=ParticipantState.objects.filter(iso3="KAZ").first(),
        city_ru=ALMATY.ru, city_en=ALMATY.en,
        title_ru=f"Совещание старших должностных лиц {year} г.",
        title_en=f"Senior Officials' Meeting {year}",
        description_ru=texts["description"][0] + ILLUSTRATIVE_RU,
        description_en=texts["description"][1] + ILLUSTRATIVE_EN,
        working_languages=["ru", "en"], interpretation=Interpretation.SIMULTANEOUS,
        themes=_themes("data-exchange", "labour-migration"), **extra,
    )
    if meeting is None:
        return None
    for title_ru, title_en in texts["agenda"]:
        agenda_item_add(meeting=meeting, day=meeting.start, title_ru=title_ru, title_en=title_en)
    if status == MeetingStatus.HELD and first:
        outcome_record(
            meeting=meeting, kind=OutcomeKind.CONCLUSIONS, adopted_on=meeting.end,
            text_ru=f"Совещание рассмотрело первые шаги процесса после его начала на "
                    f"Министерской конференции {year} г. и согласовало первый план работы, "
                    f"на {year + 1} год.",
            text_en=f"The meeting reviewed the first steps of the process since its launch at "
                    f"the {year} Ministerial Conference and agreed the first work plan, for "
                    f"{year + 1}.",
        )
    elif status == MeetingStatus.HELD:
        outcome_record(
            meeting=meeting, kind=OutcomeKind.CONCLUSIONS, adopted_on=meeting.end,
            text_ru=f"Совещание рассмотрело результаты {year - 1} года и согласовало план "
                    f"работы на {year + 1} год.",
            text_en=f"The meeting reviewed the results of {year - 1} and agreed the work plan "
                    f"for {year + 1}.",
        )
    if year == 2019:
        _link(meeting, "som-report-2019", MeetingDocumentRole.OUTCOME)
    return meeting


def _upcoming_senior_officials(today: datetime.date) -> tuple[int, Meeting | None]:
    """The next Senior Officials' Meeting, about six weeks ahead, open for
    registration since two weeks ago until two weeks before it starts."""
    start = today + datetime.timedelta(days=45)
    zone = zoneinfo.ZoneInfo(ALMATY.time_zone)
    opens = datetime.datetime.combine(today - datetime.timedelta(days=14),
                                      datetime.time(9), tzinfo=zone)
    closes = datetime.datetime.combine(start - datetime.timedelta(days=14),
                                       datetime.time(18), tzinfo=zone)
    meeting = _senior_officials(
        start.year, start=start, status=MeetingStatus.REGISTRATION_OPEN,
        registration_opens=opens, registration_closes=closes, max_delegation_size=4,
        venue_ru="Конференц-зал Службы поддержки", venue_en="Support Unit conference room",
        interpretation_note_ru="Русский ↔ английский", interpretation_note_en="Russian ↔ English",
    )
    return start.year, meeting


def _participants_on(on: datetime.date) -> list[ParticipantState]:
    periods = MembershipPeriod.objects.filter(status=MembershipStatus.PARTICIPANT).filter(
        start__lte=on,
    ).select_related("state")
    return sorted(
        {p.state for p in periods if p.covers(on)}, key=lambda s: s.iso3,
    )


def _consultations(first_year: int, today: datetime.date) -> int:
    created = 0
    for year in range(first_year, today.year + 1):
        for index, state in enumerate(_participants_on(min(today, datetime.date(year, 12, 31)))):
            # Spread over the year; in the launch year, after the launch.
            month = 9 + index // 3 if year == first_year else 2 + index
            start = datetime.date(year, month, 10 + index)
            if (state.iso3, year) in CONSULTATION_GAPS or start >= today:
                continue
            city = _city(state)
            meeting = _create(
                f"national-consultation-{state.iso3.lower()}-{year}",
                kind=MeetingKind.NATIONAL_CONSULTATION, status=MeetingStatus.HELD,
                start=start, end=start, time_zone=city.time_zone, host_state=state,
                city_ru=city.ru, city_en=city.en,
                title_ru=f"Национальная консультация: {state.name_ru}, {year} г.",
                title_en=f"National consultation: {state.name_en}, {year}",
                description_ru=("Национальный координатор обсудил с ведомствами приоритеты "
                                "процесса. " + ILLUSTRATIVE_RU),
                description_en=("The national coordinator discussed the process's priorities "
                                "with the government agencies. " + ILLUSTRATIVE_EN),
                working_languages=["ru"], interpretation=Interpretation.NONE,
            )
            created += meeting is not None
    return created


SEMINARS = [
    {
        "slug": "border-management-workshop-2018", "start": datetime.date(2018, 9, 25), "days": 2,
        "host": "TJK",
        "title": ("Региональный семинар по управлению границами с учётом вопросов защиты",
               "Regional workshop on protection-sensitive border management"),
        "description": (
            ("Пограничные службы и органы по делам беженцев обсудили выявление лиц, "
            "нуждающихся в защите, на границе."),
            ("Border services and refugee authorities discussed how to identify people in "
            "need of protection at the border."),
        ),
        "themes": ("border-management", "refugee-protection"),
    },
    {
        "slug": "climate-migration-seminar-2022", "start": datetime.date(2022, 5, 17), "days": 2,
        "host": "KAZ", "city": ALMATY,
        "title": ("Тематический семинар: миграция, окружающая среда и изменение климата",
               "Thematic seminar on migration, environment and climate change"),
        "description": (
            ("Эксперты и должностные лица обсудили данные о перемещениях, связанных с "
            "изменением климата в регионе."),
            ("Experts and officials discussed data on climate-related displacement in the "
            "region."),
        ),
        "themes": ("climate", "data-exchange"),
    },
]


def _seminars(today: datetime.date) -> int:
    created = 0
    for seminar in SEMINARS:
        if seminar["start"] >= today:
            continue
        host = ParticipantState.objects.filter(iso3=seminar["host"]).first()
        city = seminar.get("city") or _city(host)
        meeting = _create(
            seminar["slug"], kind=MeetingKind.THEMATIC, status=MeetingStatus.HELD,
            start=seminar["start"], end=seminar["start"] + (seminar["days"] - 1) * ONE_DAY,
            time_zone=city.time_zone, host_state=host, city_ru=city.ru, city_en=city.en,
            title_ru=seminar["title"][0], title_en=seminar["title"][1],
            description_ru=f"{seminar['description'][0]} {ILLUSTRATIVE_RU}",
            description_en=f"{seminar['description'][1]} {ILLUSTRATIVE_EN}",
            working_languages=["ru", "en"], interpretation=Interpretation.SIMULTANEOUS,
            themes=_themes(*seminar["themes"]),
        )
        created += meeting is not None
    return created


def load() -> str:
    today = timezone.localdate()
    terms = list(chairmanship_terms())
    created = 0
    previous = None
    for term in terms:
        if term.start > today + ONE_DAY:
            break
        created += _ministerial(term, previous) is not None
        previous = term
    if previous is not None:
        # The next Conference, planned for the next handover.
        next_start = previous.end + ONE_DAY
        city = _city(previous.state)
        created += _create(
            f"ministerial-conference-{next_start.year}",
            kind=MeetingKind.MINISTERIAL, status=MeetingStatus.PLANNED,
            start=next_start - 2 * ONE_DAY, end=next_start - ONE_DAY,
            time_zone=city.time_zone, host_state=previous.state,
            city_ru=city.ru, city_en=city.en,
            title_ru=f"Министерская конференция Алматинского процесса {next_start.year} г.",
            title_en=f"Almaty Process Ministerial Conference {next_start.year}",
            description_ru="Министерский обзор и планирование. " + ILLUSTRATIVE_RU,
            description_en="The ministerial review and planning. " + ILLUSTRATIVE_EN,
        ) is not None
    upcoming_year, upcoming = _upcoming_senior_officials(today)
    created += upcoming is not None
    first_year = terms[0].start.year if terms else today.year
    for year in range(first_year, upcoming_year):
        created += _senior_officials(
            year, start=datetime.date(year, 10, 15), status=MeetingStatus.HELD,
            first=year == first_year,
        ) is not None
    created += _consultations(first_year, today)
    created += _seminars(today)
    from . import demo_registration

    delegations = demo_registration.load()
    return f"meetings: {Meeting.objects.count()} meetings ({created} added now); {delegations}"
