import datetime
import html
import re
import zoneinfo

import pytest
import time_machine
from django.utils.html import strip_tags

from archive.enums import AccessLevel
from meetings.enums import MeetingDocumentRole, MeetingKind, MeetingStatus, OutcomeKind
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import (
    AgendaItemFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingOutcomeFactory,
)
from tests.factories.membership import NationalCoordinatorFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
UTC = zoneinfo.ZoneInfo("UTC")
NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


@pytest.fixture
def conference(terms):
    """The 2015 Ministerial Conference on the eve of Kyrgyzstan's term,
    chaired by Kazakhstan, with its agenda, outcome and documents."""
    _, kyrgyz_term = terms
    meeting = MeetingFactory(
        kind=MeetingKind.MINISTERIAL, slug="ministerial-conference-2015",
        title_ru="Министерская конференция 2015 г.", title_en="Ministerial Conference 2015",
        start=D(2015, 6, 3), end=D(2015, 6, 4), time_zone="Asia/Bishkek",
        city_ru="Бишкек", city_en="Bishkek", venue_ru="Дом приёмов", venue_en="State Residence",
        host_state=kyrgyz_term.state,
    )
    AgendaItemFactory(meeting=meeting, position=1, day=D(2015, 6, 3),
                      start_time=datetime.time(9, 30), end_time=datetime.time(10, 0),
                      title_ru="Открытие", title_en="Opening",
                      speakers_ru="Айгерим Сапарова, Председатель",
                      speakers_en="Aigerim Saparova, Chair")
    AgendaItemFactory(meeting=meeting, position=2, day=D(2015, 6, 4),
                      title_ru="Председательство", title_en="The chairmanship")
    MeetingOutcomeFactory(
        meeting=meeting, kind=OutcomeKind.DECISION, adopted_on=D(2015, 6, 4),
        text_ru="Подтверждено председательство Кыргызстана.",
        text_en="The chairmanship of Kyrgyzstan was confirmed.",
        confirms_chairmanship=kyrgyz_term,
    )
    MeetingDocumentFactory(meeting=meeting, role=MeetingDocumentRole.AGENDA, document=(
        DocumentFactory(title_ru="Повестка", title_en="Agenda of the Conference")
    ))
    MeetingDocumentFactory(meeting=meeting, role=MeetingDocumentRole.OUTCOME, document=(
        DocumentFactory(title_ru="Выводы для участников", title_en="Participants' conclusions",
                        access=AccessLevel.PARTICIPANTS)
    ))
    return meeting


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", [
            "Министерская конференция · 3–4 июня 2015 · Бишкек",
            "Председатель Казахстан (Айгерим Сапарова)",
            "Дом приёмов, Бишкек, Кыргызстан",
            "Среда, 3 июня 2015 09:30–10:00 Открытие Выступающие: Айгерим Сапарова, Председатель",
            ("Принято консенсусом 4 июня 2015. Подтверждает председательство: Кыргызстан, "
            "с 5 июня 2015 по 4 июня 2017."),
            "Время местное (Asia/Bishkek).",
            "Повестка (Повестка дня)",
        ]),
        ("en", [
            "Ministerial Conference · 3–4 June 2015 · Bishkek",
            "Chair Kazakhstan (Aigerim Saparova)",
            "State Residence, Bishkek, Kyrgyzstan",
            "Wednesday, 3 June 2015 09:30–10:00 Opening Speakers: Aigerim Saparova, Chair",
            ("Adopted by consensus on 4 June 2015. Confirms the chairmanship of Kyrgyzstan from "
            "5 June 2015 to 4 June 2017."),
            "Times are local (Asia/Bishkek).",
            "Agenda of the Conference (Agenda)",
        ]),
    ],
)
def test_detail_shows_dates_venue_chair_agenda_outcomes_and_documents(
    client, conference, lang, expected
):
    response = client.get(f"/{lang}/meetings/ministerial-conference-2015/")

    assert response.status_code == 200
    text = text_of(response)
    assert [part for part in expected if part not in text] == []


@pytest.mark.parametrize(
    ("role", "visible"),
    [("anonymous", False), ("coordinator", True)],
)
def test_detail_shows_documents_by_the_archive_access_rule(client, conference, role, visible):
    if role == "coordinator":
        user = UserFactory()
        NationalCoordinatorFactory(user=user)
        client.force_login(user)

    response = client.get("/en/meetings/ministerial-conference-2015/")

    assert ("Participants' conclusions" in text_of(response)) is visible


def test_detail_shows_registration_in_the_meetings_time_zone(client):
    MeetingFactory(
        slug="som-2026", start=D(2026, 10, 15), end=D(2026, 10, 16), time_zone="Europe/Istanbul",
        status=MeetingStatus.REGISTRATION_OPEN, max_delegation_size=4,
        registration_opens=datetime.datetime(2026, 5, 1, 6, 0, tzinfo=UTC),
        registration_closes=datetime.datetime(2026, 9, 30, 15, 0, tzinfo=UTC),
    )

    response = client.get("/en/meetings/som-2026/")

    assert (
        "from 1 May 2026, 09:00 to 30 September 2026, 18:00 (Europe/Istanbul time) "
        "Up to 4 delegates per state."
    ) in text_of(response)


def test_detail_says_when_the_process_had_no_chair(client):
    MeetingFactory(slug="early", start=D(2012, 9, 7), end=D(2012, 9, 7))

    response = client.get("/en/meetings/early/")

    assert "Chair No Chair of the process on this date." in text_of(response)


def test_detail_of_an_unknown_meeting_is_404(client):
    response = client.get("/ru/meetings/no-such-meeting/")

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_detail_queries_do_not_grow(client, terms, django_assert_num_queries, count):
    meeting = MeetingFactory(slug="som", start=D(2016, 10, 1), end=D(2016, 10, 2))
    for _ in range(count):
        AgendaItemFactory(meeting=meeting)
        MeetingOutcomeFactory(meeting=meeting)
        MeetingDocumentFactory(meeting=meeting)

    # The meeting, its themes, agenda and outcomes, the chair term, the
    # documents, the participating delegations (the meeting was held) and
    # the briefing packs (briefings' template tag).
    with django_assert_num_queries(8):
        response = client.get("/en/meetings/som/")

    assert response.status_code == 200


def test_detail_shows_the_state_chairing_instead_with_the_reason(client, terms, kyrgyzstan):
    MeetingFactory(
        slug="seminar", start=D(2014, 3, 1), end=D(2014, 3, 1), chair_override=kyrgyzstan,
        chair_override_reason_ru="Председатель поручил вести семинар принимающей стороне.",
        chair_override_reason_en="The Chair asked the host to chair the seminar.",
    )

    response = client.get("/en/meetings/seminar/")

    text = text_of(response)
    reason = "The Chair asked the host to chair the seminar."
    assert ("Chair Kyrgyzstan" in text, reason in text) == (True, True)


def test_detail_falls_back_to_the_russian_title_on_the_english_page(client):
    MeetingFactory(slug="ru-only", title_ru="Национальная консультация", title_en="")

    response = client.get("/en/meetings/ru-only/")

    assert (
        '<h1 id="meeting-title" lang="ru">Национальная консультация <span class="badge badge--warn'
        ' fallback-marker" lang="en">in Russian</span></h1>'
    ) in response.content.decode()


@pytest.mark.parametrize(("illustrative", "marked"), [(True, True), (False, False)])
def test_detail_marks_an_invented_chair_term_where_it_names_the_chair(
        client, terms, illustrative, marked):
    """A demo's invented chair term carries the 'illustrative' mark on the
    meeting page too, beside the chair and in an outcome confirming it
    (issue 24, item 7); a recorded term does not."""
    first, second = terms
    type(second).objects.filter(pk__in=[first.pk, second.pk]).update(illustrative=illustrative)
    meeting = MeetingFactory(slug="som", start=D(2016, 10, 1), end=D(2016, 10, 2))
    MeetingOutcomeFactory(meeting=meeting, kind=OutcomeKind.DECISION,
                          confirms_chairmanship=second)

    text = text_of(client.get("/en/meetings/som/"))

    assert text.count("illustrative") == (2 if marked else 0)
