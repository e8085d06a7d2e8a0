import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create, turn_decline
from chairmanship.validators import term_end_for
from meetings.enums import MeetingKind
from membership.enums import MembershipStatus
from membership.services import membership_change_status
from tests.chairmanship.conftest import ALMATY_DATE_THEN
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import MembershipPeriodFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture(autouse=True)
def _frozen(late_evening_utc):
    """The page projects from today: every test here runs at a late-evening
    UTC hour, when the Almaty date is already the next day."""

D = datetime.date


def years_ago(years: int) -> datetime.date:
    """The first of this month ``years`` years ago (never a 29 February)."""
    today = timezone.localdate()
    return D(today.year - years, today.month, 1)


def text_of(response, section: str | None = None) -> str:
    """The page's visible text (or one section's, by its heading's id) with
    whitespace collapsed."""
    html = response.content.decode()
    if section is not None:
        html = html.split(f'aria-labelledby="{section}"', 1)[1].split("</section>", 1)[0]
    return re.sub(r"\s+", " ", strip_tags(html))


def record_history(states, *, first_start):
    """The first state elected on ``first_start``, the others by rotation."""
    first, *others = states
    terms = [chairmanship_create(
        state=first, start=first_start, basis=ChairmanshipBasis.ELECTED,
        representative_name_ru="Айгерим Сапарова", representative_name_en="Aigerim Saparova",
        representative_title_ru="Заместитель министра иностранных дел",
        representative_title_en="Deputy Minister of Foreign Affairs",
    )]
    for state in others:
        terms.append(chairmanship_create(
            state=state, start=terms[-1].end + datetime.timedelta(days=1),
            basis=ChairmanshipBasis.ROTATION,
            representative_name_ru=f"Представитель {state.name_ru}",
            representative_name_en=f"Representative of {state.name_en}",
        ))
    return terms


@pytest.fixture
def region(make_state):
    """Five states; the Kyrgyz Republic is pending (its no-objection
    procedure has not ended)."""
    names = {
        "Afghanistan": "Афганистан", "Kazakhstan": "Казахстан", "Kyrgyzstan": "Кыргызстан",
        "Tajikistan": "Таджикистан", "Turkmenistan": "Туркменистан",
    }
    states = {}
    for name_en, name_ru in names.items():
        state = make_state(name_en, since=False if name_en == "Kyrgyzstan" else D(2010, 1, 1))
        state.name_ru = name_ru
        state.save()
        states[name_en] = state
    MembershipPeriodFactory(
        state=states["Kyrgyzstan"], status=MembershipStatus.PENDING, start=D(2010, 1, 1),
        deadline=D(2099, 8, 31),
    )
    return states


@pytest.mark.parametrize(
    ("lang", "heading", "chair", "representative"),
    [
        ("ru", "Действующий Председатель", "Казахстан",
         "Айгерим Сапарова, Заместитель министра иностранных дел"),
        ("en", "Current Chair", "Kazakhstan",
         "Aigerim Saparova, Deputy Minister of Foreign Affairs"),
    ],
)
def test_overview_shows_the_current_chair_and_representative(
    client, region, lang, heading, chair, representative
):
    record_history([region["Kazakhstan"]], first_start=years_ago(1))

    response = client.get(f"/{lang}/chairmanship/")

    assert response.status_code == 200
    assert response.context["overview"]["current"].state == region["Kazakhstan"]
    text = text_of(response)
    assert f"{heading} {chair}" in text
    assert representative in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["Туркменистан", "Афганистан", "Казахстан"]),
        ("en", ["Turkmenistan", "Afghanistan", "Kazakhstan"]),
    ],
)
def test_overview_lists_the_full_history_oldest_first(client, region, lang, expected):
    record_history(
        [region["Turkmenistan"], region["Afghanistan"], region["Kazakhstan"]],
        first_start=years_ago(5),
    )

    response = client.get(f"/{lang}/chairmanship/")

    assert [str(term.state) for term in response.context["overview"]["terms"]] == expected
    history = text_of(response, "history-title")
    positions = [history.find(name) for name in expected]
    assert positions == sorted(positions)
    assert -1 not in positions


def test_overview_projects_the_rotation_with_skips_explained_in_russian(client, region):
    # Kazakhstan chairs now; the Kyrgyz Republic is pending and Tajikistan
    # declined the next turn, so Turkmenistan is next.
    (term,) = record_history([region["Kazakhstan"]], first_start=years_ago(1))
    next_start = term.end + datetime.timedelta(days=1)
    turn_decline(
        state=region["Tajikistan"], turn_start=next_start, declined_on=timezone.localdate(),
        note_ru="Принимает Всемирные игры кочевников.",
        note_en="Hosts the World Nomad Games.",
    )

    response = client.get("/ru/chairmanship/")

    projection = response.context["overview"]["projection"]
    assert [p.state.name_en for p in projection] == [
        "Turkmenistan", "Afghanistan", "Kazakhstan", "Tajikistan",
    ]
    assert (projection[0].start, projection[0].end) == (next_start, term_end_for(next_start))
    text = text_of(response)
    assert (
        "Кыргызстан: не государство-участник на дату начала (на рассмотрении; срок процедуры "
        "невозражения: 31 августа 2099)"
    ) in text
    assert "Таджикистан: отказ от очереди" in text
    assert "(Принимает Всемирные игры кочевников.)" in text


def test_overview_projects_the_rotation_with_skips_explained_in_english(client, region):
    (term,) = record_history([region["Kazakhstan"]], first_start=years_ago(1))
    next_start = term.end + datetime.timedelta(days=1)
    turn_decline(
        state=region["Tajikistan"], turn_start=next_start, declined_on=timezone.localdate(),
        note_ru="Принимает Всемирные игры кочевников.",
        note_en="Hosts the World Nomad Games.",
    )

    response = client.get("/en/chairmanship/")

    text = text_of(response)
    assert (
        "Kyrgyzstan: not a participant state on the start date (pending; deadline of its "
        "no-objection procedure: 31 August 2099)"
    ) in text
    assert "Tajikistan: declined the turn on" in text
    assert "(Hosts the World Nomad Games.)" in text


@pytest.mark.parametrize(
    ("lang", "explanation"),
    [
        ("ru", "Таджикистан: отказ от очереди 1 марта 2015 (Принимает Игры кочевников.)"),
        ("en", "Tajikistan: declined the turn on 1 March 2015 (Hosts the Nomad Games.)"),
    ],
)
def test_overview_history_explains_who_was_passed_over(client, region, lang, explanation):
    # Kazakhstan elected in 2013; in 2015 the Kyrgyz Republic was pending and
    # Tajikistan declined, so the turn went to Turkmenistan.
    turn_decline(
        state=region["Tajikistan"], turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1),
        note_ru="Принимает Игры кочевников.", note_en="Hosts the Nomad Games.",
    )
    record_history([region["Kazakhstan"], region["Turkmenistan"]], first_start=D(2013, 6, 5))

    response = client.get(f"/{lang}/chairmanship/")

    history = response.context["overview"]["history"]
    assert [[skip.state.name_en for skip in entry.skipped] for entry in history] == [
        [], ["Kyrgyzstan", "Tajikistan"],
    ]
    assert explanation in text_of(response, "history-title")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "На {} в процессе никто не председательствует: новый срок ещё не начался."),
        ("en", "No state chairs the process on {}: a new term has not yet begun."),
    ],
)
def test_overview_between_terms_says_there_is_no_current_chair(
    client, region, lang, message
):
    record_history([region["Kazakhstan"]], first_start=years_ago(3))

    response = client.get(f"/{lang}/chairmanship/")

    assert response.status_code == 200
    assert response.context["overview"]["current"] is None
    today = response.context["today"]
    assert today == ALMATY_DATE_THEN
    assert message.format(_date(today, lang)) in text_of(response)
    # The projection starts today: nobody chairs until a term is recorded.
    assert response.context["overview"]["projection"][0].start == today


@pytest.mark.parametrize(
    ("lang", "messages"),
    [
        ("ru", ["Ни один срок ещё не записан.",
                "Ротация начнётся, когда будет записан первый срок."]),
        ("en", ["No term has been recorded yet.",
                "The rotation starts once the first term is recorded."]),
    ],
)
def test_overview_without_terms_says_so(client, region, lang, messages):
    response = client.get(f"/{lang}/chairmanship/")

    assert response.status_code == 200
    text = text_of(response)
    assert [message in text for message in messages] == [True, True]


def test_overview_without_an_eligible_state_explains_instead_of_failing(client, region):
    # Kazakhstan chaired; everyone else who could take the next turn declined it.
    (term,) = record_history([region["Kazakhstan"]], first_start=years_ago(1))
    next_start = term.end + datetime.timedelta(days=1)
    for name in ("Afghanistan", "Kazakhstan", "Tajikistan", "Turkmenistan"):
        turn_decline(state=region[name], turn_start=next_start, declined_on=timezone.localdate())

    response = client.get("/en/chairmanship/")

    assert response.status_code == 200
    assert response.context["overview"]["projection"] == []
    assert f"No state can chair from {_date(next_start, 'en')}" in text_of(response)


@pytest.mark.parametrize("count", [1, 3])
def test_overview_queries_do_not_grow_with_the_history(
    client, region, django_assert_num_queries, count
):
    states = [region["Kazakhstan"], region["Tajikistan"], region["Turkmenistan"]][:count]
    terms = record_history(states, first_start=years_ago(2 * count - 1))
    turn_decline(
        state=region["Afghanistan"], turn_start=terms[-1].end + datetime.timedelta(days=1),
        declined_on=timezone.localdate(),
    )
    # The current Chair withdraws before its term ends: its row is flagged.
    membership_change_status(
        state=states[-1], status=MembershipStatus.WITHDRAWN,
        start=terms[-1].end - datetime.timedelta(days=30),
    )

    for year, term in enumerate(terms, start=2000):
        confirm(term, year=year)

    # Terms, the outcomes confirming them and their meetings; the rotation's
    # states, their membership periods and declined turns (shared by the
    # history, its flags and the projection); the declined turns with their
    # states for the table.
    with django_assert_num_queries(7):
        response = client.get("/ru/chairmanship/")

    assert len(response.context["overview"]["terms"]) == count
    assert [entry.flag is not None for entry in response.context["overview"]["history"]] == (
        [False] * (count - 1) + [True]
    )


def confirm(term, *, year: int, elected: bool = False):
    """A Ministerial Conference on the two days before ``term`` whose
    decision elected or confirmed it (the link lives in meetings)."""
    meeting = MeetingFactory(
        kind=MeetingKind.MINISTERIAL, slug=f"ministerial-conference-{year}",
        title_ru=f"Министерская конференция Алматинского процесса {year} г.",
        title_en=f"Almaty Process Ministerial Conference {year}",
        start=term.start - datetime.timedelta(days=2),
        end=term.start - datetime.timedelta(days=1),
    )
    return MeetingOutcomeFactory(
        meeting=meeting, confirms_chairmanship=term,
        text_ru="Конференция избрала Председателя." if elected else "Подтверждено.",
        text_en="The Conference elected the Chair." if elected else "Confirmed.",
    )


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        # The basis, then (on its own line) the meeting.
        ("ru", ("Избран на Министерской конференцииМинистерская конференция Алматинского "
                "процесса 2013 г."),
         "РотацияПодтверждён на совещании: Министерская конференция Алматинского процесса 2015 г."),
        ("en", "Elected at the Ministerial ConferenceAlmaty Process Ministerial Conference 2013",
         "RotationConfirmed at: Almaty Process Ministerial Conference 2015"),
    ],
)
def test_overview_links_each_term_to_the_meeting_that_elected_or_confirmed_it(
    client, region, lang, first, second
):
    elected, rotation = record_history(
        [region["Kazakhstan"], region["Tajikistan"]], first_start=D(2013, 6, 5),
    )
    confirm(elected, year=2013, elected=True)
    confirm(rotation, year=2015)

    response = client.get(f"/{lang}/chairmanship/")

    history = text_of(response, "history-title")
    assert first in history
    assert second in history
    html = response.content.decode()
    assert html.count(f'href="/{lang}/meetings/ministerial-conference-2013/"') == 1
    assert html.count(f'href="/{lang}/meetings/ministerial-conference-2015/"') == 1


def _date(value: datetime.date, lang: str) -> str:
    from django.utils import formats, translation

    with translation.override(lang):
        return formats.date_format(value, "DATE_FORMAT")
