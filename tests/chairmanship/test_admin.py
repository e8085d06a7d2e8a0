import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship, TurnDeclination
from chairmanship.services import chairmanship_create, turn_decline
from meetings.enums import MeetingKind
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
LAUNCH = D(2013, 6, 5)
CHANGELIST = "/{lang}/admin/chairmanship/chairmanship/"
ADD = "/{lang}/admin/chairmanship/chairmanship/add/"
CREATE_NEXT = "/{lang}/admin/chairmanship/chairmanship/create-next/"
DECLINE_ADD = "/{lang}/admin/chairmanship/turndeclination/add/"


@pytest.fixture
def editor(client):
    """A secretariat editor (staff, in the editors' group), logged in."""
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def states(make_state):
    names = {
        "Kazakhstan": "Казахстан", "Kyrgyzstan": "Кыргызстан", "Tajikistan": "Таджикистан",
    }
    result = {}
    for name_en, name_ru in names.items():
        state = make_state(name_en)
        state.name_ru = name_ru
        state.save()
        result[name_en] = state
    return result


@pytest.fixture
def first_term(states):
    return chairmanship_create(
        state=states["Kazakhstan"], start=LAUNCH, basis=ChairmanshipBasis.ELECTED
    )


def text_of(response) -> str:
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()))


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def add_form_data(**overrides) -> dict:
    data = {
        "state": "", "start": "", "end": "", "basis": ChairmanshipBasis.ROTATION,
        "representative_name_ru": "", "representative_name_en": "",
        "representative_title_ru": "", "representative_title_en": "",
        "decision_note_ru": "", "decision_note_en": "",
        "notes_ru": "", "notes_en": "",
    }
    return {**data, **overrides}


# --- The changelist and its proposal ------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "heading", "proposal", "button"),
    [
        ("ru", "Следующий срок по ротации",
         ("По ротации председательствовать с 5 июня 2015 по 4 июня 2017 "
         "предлагается: Кыргызстан."),
         "Создать следующий срок по предложению"),
        ("en", "Next term by rotation",
         "The rotation proposes Kyrgyzstan to chair from 5 June 2015 to 4 June 2017.",
         "Create the next term from the proposal"),
    ],
)
def test_changelist_shows_the_proposal_to_staff(
    client, editor, first_term, lang, heading, proposal, button
):
    response = client.get(CHANGELIST.format(lang=lang))

    assert response.status_code == 200
    text = text_of(response)
    assert heading in text
    assert proposal in text
    assert button in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "explanation"),
    [
        ("ru", "Кыргызстан: отказ от очереди 1 марта 2015 (Принимает Игры кочевников.)"),
        ("en", "Kyrgyzstan: declined the turn on 1 March 2015 (Hosts the Nomad Games.)"),
    ],
)
def test_changelist_explains_a_declined_state(
    client, editor, states, first_term, lang, explanation
):
    turn_decline(
        state=states["Kyrgyzstan"], turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1),
        note_ru="Принимает Игры кочевников.", note_en="Hosts the Nomad Games.",
    )

    response = client.get(CHANGELIST.format(lang=lang))

    assert response.context["proposal"].state == states["Tajikistan"]
    assert explanation in text_of(response)


def test_changelist_without_terms_explains_the_first_term(client, editor, states):
    response = client.get(CHANGELIST.format(lang="en"))

    assert response.status_code == 200
    assert (
        "No chairmanship term is recorded yet. The first Chair was elected at the 2013 "
        "Ministerial Conference: record that term with the basis “elected”."
    ) in text_of(response)


def test_changelist_is_refused_to_a_user_who_is_not_staff(client, first_term, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="someone@example.org"))

    response = client.get(CHANGELIST.format(lang="en"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


# --- One-click creation from the proposal ---------------------------------------------

def test_create_next_records_the_proposed_term(client, editor, states, first_term):
    response = client.post(
        CREATE_NEXT.format(lang="ru"),
        {"state": states["Kyrgyzstan"].pk, "start": "2015-06-05"},
    )

    term = Chairmanship.objects.get(state=states["Kyrgyzstan"])
    assert (term.start, term.end, term.basis, term.created_by) == (
        D(2015, 6, 5), D(2017, 6, 4), ChairmanshipBasis.ROTATION, editor,
    )
    assert response.status_code == 302
    assert response["Location"] == f"/ru/admin/chairmanship/chairmanship/{term.pk}/change/"
    assert messages_of(response) == [
        ("Записан срок с 5 июня 2015 по 4 июня 2017: председательствует Кыргызстан. "
        "Теперь укажите представителя.")
    ]


def test_create_next_from_a_stale_proposal_records_nothing(client, editor, states, first_term):
    # The page showed Kyrgyzstan; meanwhile Kyrgyzstan declined the turn.
    turn_decline(state=states["Kyrgyzstan"], turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1))

    response = client.post(
        CREATE_NEXT.format(lang="ru"),
        {"state": states["Kyrgyzstan"].pk, "start": "2015-06-05"},
    )

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST.format(lang="ru")
    assert messages_of(response) == [
        ("Предложение изменилось после того, как страница была показана. Проверьте новое "
        "предложение и попробуйте снова.")
    ]
    assert Chairmanship.objects.count() == 1


def test_create_next_in_english_reports_a_stale_proposal_in_english(
    client, editor, states, first_term
):
    chairmanship_create(state=states["Kyrgyzstan"], start=D(2015, 6, 5), basis="rotation")

    response = client.post(
        CREATE_NEXT.format(lang="en"),
        {"state": states["Kyrgyzstan"].pk, "start": "2015-06-05"},
    )

    assert messages_of(response) == [
        "The proposal changed since the page was shown. Check the new proposal and try again."
    ]
    assert Chairmanship.objects.count() == 2


def test_create_next_by_get_is_refused(client, editor, first_term):
    response = client.get(CREATE_NEXT.format(lang="en"))

    assert response.status_code == 405
    assert Chairmanship.objects.count() == 1


def test_create_next_needs_the_add_permission(client, states, first_term):
    viewer = StaffUserFactory()
    viewer.user_permissions.add(
        *Group.objects.get(name=SECRETARIAT_EDITORS).permissions.filter(
            codename="view_chairmanship"
        )
    )
    client.force_login(viewer)

    response = client.post(
        CREATE_NEXT.format(lang="en"),
        {"state": states["Kyrgyzstan"].pk, "start": "2015-06-05"},
    )

    assert response.status_code == 403
    assert Chairmanship.objects.count() == 1


# --- The add form ----------------------------------------------------------------------

def test_add_form_shows_russian_and_english_tabs(client, editor, first_term):
    response = client.get(ADD.format(lang="ru"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="representative_name_ru"' in html
    assert 'name="representative_name_en"' in html


def test_add_form_records_a_term_with_the_end_computed(client, editor, states, first_term):
    response = client.post(ADD.format(lang="ru"), add_form_data(
        state=states["Kyrgyzstan"].pk, start="05.06.2015",
        representative_name_ru="Бакыт Осмонов", representative_name_en="Bakyt Osmonov",
    ))

    assert response.status_code == 302
    term = Chairmanship.objects.get(state=states["Kyrgyzstan"])
    assert (term.end, term.representative_name_en, term.created_by) == (
        D(2017, 6, 4), "Bakyt Osmonov", editor,
    )


@pytest.mark.parametrize(
    ("lang", "start", "end", "message"),
    [
        ("ru", "04.06.2015", "03.06.2017",
         ("Сроки председательства не могут пересекаться: с 5 июня 2013 по 4 июня 2015 "
         "председательствует Казахстан.")),
        ("en", "2015-06-04", "2017-06-03",
         ("Chairmanship terms cannot overlap: from 5 June 2013 to 4 June 2015 "
         "the Chair is Kazakhstan.")),
    ],
)
def test_add_form_refuses_an_overlapping_term(
    client, editor, states, first_term, lang, start, end, message
):
    response = client.post(ADD.format(lang=lang), add_form_data(
        state=states["Kyrgyzstan"].pk, start=start, end=end, basis=ChairmanshipBasis.DECISION,
        decision_note_en="Early handover agreed by the participant states.",
    ))

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [message]
    assert Chairmanship.objects.count() == 1


@pytest.mark.parametrize(
    ("lang", "start", "end", "message"),
    [
        ("ru", "05.06.2015", "04.06.2015", "Дата окончания не может быть раньше даты начала."),
        ("en", "2015-06-05", "2015-06-04", "The end date cannot be before the start date."),
    ],
)
def test_add_form_refuses_an_end_before_the_start(
    client, editor, states, first_term, lang, start, end, message
):
    response = client.post(ADD.format(lang=lang), add_form_data(
        state=states["Kyrgyzstan"].pk, start=start, end=end,
    ))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors == {"end": [message]}
    assert Chairmanship.objects.count() == 1


def test_add_form_refuses_a_state_out_of_turn_and_says_how_to_depart(
    client, editor, states, first_term
):
    response = client.post(ADD.format(lang="en"), add_form_data(
        state=states["Tajikistan"].pk, start="2015-06-05",
    ))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"state": [
        ("By rotation the term from 5 June 2015 falls to Kyrgyzstan, not Tajikistan. "
        "To depart from the rotation, choose the basis “recorded decision” and record the "
        "decision in a note.")
    ]}
    assert Chairmanship.objects.count() == 1


def test_change_form_corrects_the_representative(client, editor, first_term):
    url = f"/en/admin/chairmanship/chairmanship/{first_term.pk}/change/"

    response = client.post(url, add_form_data(
        state=first_term.state.pk, start="2013-06-05", end="2015-06-04",
        basis=ChairmanshipBasis.ELECTED, representative_name_en="Aigerim Saparova",
    ))

    assert response.status_code == 302
    first_term.refresh_from_db()
    assert first_term.representative_name_en == "Aigerim Saparova"


# --- Declining a turn from the admin ---------------------------------------------------

def test_decline_form_labels_the_date_as_the_declined_turns_start(client, editor):
    html = client.get(DECLINE_ADD.format(lang="en")).content.decode()

    assert '<label class="required" for="id_turn_start">Start of the declined turn:</label>' in html


def test_decline_link_prefills_the_proposed_turn(client, editor, states, first_term):
    response = client.get(CHANGELIST.format(lang="en"))

    decline_url = response.context["decline_url"]
    form = client.get(decline_url).context["adminform"].form
    assert (form.initial["state"], form.initial["turn_start"]) == (
        str(states["Kyrgyzstan"].pk), "2015-06-05",
    )


def test_declining_from_the_admin_passes_the_turn_to_the_next_state(
    client, editor, states, first_term
):
    decline_url = client.get(CHANGELIST.format(lang="ru")).context["decline_url"]

    response = client.post(decline_url, {
        "state": states["Kyrgyzstan"].pk, "turn_start": "05.06.2015",
        "declined_on": "01.03.2015", "note_ru": "Принимает Игры кочевников.",
        "note_en": "Hosts the Nomad Games.",
    })

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST.format(lang="ru")
    assert messages_of(response) == [
        ("Записано: Кыргызстан отказывается от очереди с 5 июня 2015, и она переходит "
        "к следующему государству.")
    ]
    declination = TurnDeclination.objects.get()
    assert (declination.state, declination.turn_start, declination.note_en) == (
        states["Kyrgyzstan"], D(2015, 6, 5), "Hosts the Nomad Games.",
    )
    changelist = client.get(CHANGELIST.format(lang="ru"))
    assert changelist.context["proposal"].state == states["Tajikistan"]
    assert (
        "Кыргызстан: отказ от очереди 1 марта 2015 (Принимает Игры кочевников.)"
        in text_of(changelist)
    )


def test_declining_a_held_turn_from_the_admin_is_refused(client, editor, states, first_term):
    response = client.post(DECLINE_ADD.format(lang="en"), {
        "state": states["Kazakhstan"].pk, "turn_start": "2013-06-05",
        "declined_on": "2013-01-01", "note_ru": "", "note_en": "",
    })

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"turn_start": [
        "Kazakhstan holds the term starting on 5 June 2013, so it cannot have declined it."
    ]}
    assert TurnDeclination.objects.count() == 0


def test_declination_changelist_searches_by_state(client, editor, states):
    turn_decline(state=states["Kyrgyzstan"], turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1))
    turn_decline(state=states["Tajikistan"], turn_start=D(2017, 6, 5), declined_on=D(2017, 3, 1))

    response = client.get("/en/admin/chairmanship/turndeclination/", {"q": "Tajik"})

    assert [d.state for d in response.context["cl"].result_list] == [states["Tajikistan"]]


@pytest.mark.dates
@pytest.mark.parametrize(
    ("period", "expected"), [("past", ["Kazakhstan"]), ("current", ["Kyrgyzstan"]),
                             ("upcoming", ["Tajikistan"])],
)
def test_changelist_filters_terms_by_period(
    client, editor, states, late_evening_utc, period, expected
):
    today = timezone.localdate()
    past = D(today.year - 3, today.month, 1)
    chairmanship_create(state=states["Kazakhstan"], start=past, basis=ChairmanshipBasis.ELECTED)
    for name, years in (("Kyrgyzstan", 2), ("Tajikistan", 4)):
        chairmanship_create(
            state=states[name], start=D(past.year + years, past.month, 1),
            basis=ChairmanshipBasis.ROTATION,
        )

    response = client.get(CHANGELIST.format(lang="en"), {"period": period})

    assert [term.state.name_en for term in response.context["cl"].result_list] == expected


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "Отступление от ротации требует записать решение в примечании."),
        ("en", "A departure from the rotation needs the decision recorded in a note."),
    ],
)
def test_add_form_refuses_a_departure_without_the_decision(
    client, editor, states, first_term, lang, message
):
    response = client.post(ADD.format(lang=lang), add_form_data(
        state=states["Tajikistan"].pk, start="2015-06-05" if lang == "en" else "05.06.2015",
        end="2017-06-04" if lang == "en" else "04.06.2017", basis=ChairmanshipBasis.DECISION,
    ))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"decision_note_ru": [message]}
    assert Chairmanship.objects.count() == 1


def test_add_form_records_a_departure_with_the_decision(client, editor, states, first_term):
    response = client.post(ADD.format(lang="en"), add_form_data(
        state=states["Tajikistan"].pk, start="2015-06-05", end="2017-06-04",
        basis=ChairmanshipBasis.DECISION,
        decision_note_en="The participant states asked Tajikistan to chair.",
    ))

    assert response.status_code == 302
    assert Chairmanship.objects.get(start=D(2015, 6, 5)).state == states["Tajikistan"]


def test_state_autocomplete_finds_states_for_editors(client, editor, states):
    response = client.get("/en/admin/autocomplete/", {
        "app_label": "chairmanship", "model_name": "chairmanship", "field_name": "state",
        "term": "Kyrg",
    })

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [
        str(states["Kyrgyzstan"].pk)
    ]


def test_add_form_starts_from_the_proposal(client, editor, states, first_term):
    response = client.get(ADD.format(lang="en"))

    form = response.context["adminform"].form
    assert (form["state"].value(), form["start"].value(), form["basis"].value()) == (
        states["Kyrgyzstan"].pk, D(2015, 6, 5), ChairmanshipBasis.ROTATION,
    )


def test_add_form_without_terms_starts_empty(client, editor, states):
    response = client.get(ADD.format(lang="en"))

    assert response.status_code == 200
    assert "state" not in response.context["adminform"].form.initial


# --- One call of the service per save, and the user's input kept on an error ------------

def declination_reads(queries) -> int:
    """How many times a save read the declined turns: once per rotation check."""
    return sum(
        1 for query in queries.captured_queries
        if 'FROM "chairmanship_turndeclination"' in query["sql"]
    )


def test_add_form_checks_the_rotation_once_per_save(client, editor, states, first_term):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(ADD.format(lang="en"), add_form_data(
            state=states["Kyrgyzstan"].pk, start="2015-06-05",
        ))

    assert response.status_code == 302
    assert declination_reads(queries) == 1
    assert Chairmanship.objects.filter(state=states["Kyrgyzstan"]).count() == 1


def test_add_form_refused_by_the_service_keeps_what_the_user_typed(
    client, editor, states, first_term
):
    response = client.post(ADD.format(lang="ru"), add_form_data(
        state=states["Tajikistan"].pk, start="05.06.2015",
        representative_name_ru="Мадина Рахимова", representative_name_en="Madina Rakhimova",
        notes_en="Agreed at the 2015 SOM.",
    ))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors == {"state": [
        ("По ротации срок с 5 июня 2015 приходится на государство Кыргызстан, а не "
        "Таджикистан. Чтобы отступить от ротации, выберите основание «зафиксированное "
        "решение» и запишите решение в примечании.")
    ]}
    html = response.content.decode()
    assert 'value="Мадина Рахимова"' in html
    assert 'value="Madina Rakhimova"' in html
    assert "Agreed at the 2015 SOM.</textarea>" in html
    assert (form["state"].value(), form["start"].value()) == (
        str(states["Tajikistan"].pk), "05.06.2015",
    )
    assert Chairmanship.objects.count() == 1


def test_change_form_refused_by_the_service_keeps_what_the_user_typed(
    client, editor, states, first_term
):
    term = chairmanship_create(
        state=states["Kyrgyzstan"], start=D(2015, 6, 5), basis=ChairmanshipBasis.ROTATION,
    )
    url = f"/en/admin/chairmanship/chairmanship/{term.pk}/change/"

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, add_form_data(
            state=states["Kyrgyzstan"].pk, start="2015-06-01", end="2017-05-31",
            representative_name_en="Bakyt Osmonov",
        ))

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        ("Chairmanship terms cannot overlap: from 5 June 2013 to 4 June 2015 the Chair is "
        "Kazakhstan.")
    ]
    assert 'value="Bakyt Osmonov"' in response.content.decode()
    assert declination_reads(queries) <= 1
    term.refresh_from_db()
    assert (term.start, term.representative_name_en) == (D(2015, 6, 5), "")


def test_add_form_of_a_decision_asks_for_its_end(client, editor, states, first_term):
    response = client.post(ADD.format(lang="en"), add_form_data(
        state=states["Tajikistan"].pk, start="2015-06-05", basis=ChairmanshipBasis.DECISION,
        decision_note_en="The participant states asked Tajikistan to chair for one year.",
    ))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"end": [
        "A term by recorded decision ends on the date the decision gives: enter it."
    ]}
    assert Chairmanship.objects.count() == 1


def test_add_form_records_a_decision_of_one_year(client, editor, states, first_term):
    response = client.post(ADD.format(lang="en"), add_form_data(
        state=states["Tajikistan"].pk, start="2015-06-05", end="2016-06-04",
        basis=ChairmanshipBasis.DECISION,
        decision_note_en="The participant states asked Tajikistan to chair for one year.",
    ))

    assert response.status_code == 302
    term = Chairmanship.objects.get(state=states["Tajikistan"])
    assert (term.start, term.end, term.created_by) == (D(2015, 6, 5), D(2016, 6, 4), editor)


def test_declination_form_refused_by_the_service_keeps_the_note(
    client, editor, states, first_term
):
    response = client.post(DECLINE_ADD.format(lang="en"), {
        "state": states["Kazakhstan"].pk, "turn_start": "2013-06-05",
        "declined_on": "2013-01-01", "note_ru": "", "note_en": "Hosts the summit.",
    })

    assert response.status_code == 200
    assert "Hosts the summit.</textarea>" in response.content.decode()


# --- The meeting that elected or confirmed the term (linked from meetings) --------

@pytest.mark.parametrize(
    ("lang", "label", "shown"),
    [
        ("ru", "где избран или утверждён",
         "Министерская конференция 2013 г. (5 июня 2013)"),
        ("en", "elected or confirmed at", "Ministerial Conference 2013 (5 June 2013)"),
    ],
)
def test_change_page_shows_the_confirming_meeting_read_only(
    client, editor, first_term, lang, label, shown
):
    meeting = MeetingFactory(
        kind=MeetingKind.MINISTERIAL, title_ru="Министерская конференция 2013 г.",
        title_en="Ministerial Conference 2013", start=D(2013, 6, 4), end=D(2013, 6, 5),
    )
    MeetingOutcomeFactory(meeting=meeting, confirms_chairmanship=first_term)

    response = client.get(f"/{lang}/admin/chairmanship/chairmanship/{first_term.pk}/change/")

    page = response.content.decode()
    assert f"{label}: {shown}".lower() in text_of(response).lower().replace(" :", ":")
    assert f'href="/{lang}/admin/meetings/meeting/{meeting.pk}/change/"' in page
    assert 'name="decided_at_ru"' not in page
    assert "confirming_outcomes" not in page  # shown, not an editable field


def test_change_page_without_a_confirming_meeting_shows_a_dash(client, editor, first_term):
    response = client.get(f"/en/admin/chairmanship/chairmanship/{first_term.pk}/change/")

    assert "elected or confirmed at: —" in text_of(response).lower().replace(" :", ":")
