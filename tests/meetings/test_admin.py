import datetime
import html
import re

import pytest
from django.utils.html import strip_tags

from meetings.enums import MeetingDocumentRole, MeetingKind, OutcomeKind
from meetings.models import Meeting
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
CHANGELIST = "/{lang}/admin/meetings/meeting/"
ADD = "/{lang}/admin/meetings/meeting/add/"
CADENCE = "/{lang}/admin/meetings/meeting/cadence/"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


def inline(prefix: str, rows: list[dict], *, initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def meeting_form(**overrides) -> dict:
    data = {
        "kind": MeetingKind.MINISTERIAL, "title_ru": "Министерская конференция 2015 г.",
        "title_en": "Ministerial Conference 2015", "description_ru": "", "description_en": "",
        "slug": "", "status": "held", "start": "2015-06-03", "end": "2015-06-04",
        "time_zone": "Asia/Bishkek", "host_state": "", "city_ru": "Бишкек", "city_en": "Bishkek",
        "venue_ru": "", "venue_en": "", "chair_override": "", "chair_override_reason_ru": "",
        "chair_override_reason_en": "", "registration_opens_0": "", "registration_opens_1": "",
        "registration_closes_0": "", "registration_closes_1": "", "max_delegation_size": "5",
        "max_observer_delegation_size": "2",
        "working_languages": ["ru", "en"], "interpretation": "simultaneous",
        "interpretation_note_ru": "", "interpretation_note_en": "",
        **inline("agenda_items", []), **inline("outcomes", []), **inline("document_links", []),
    }
    data.update(overrides)
    return data


def test_changelist_lists_meetings_and_links_the_cadence_panel(client, editor):
    MeetingFactory(title_ru="Совещание старших должностных лиц 2024 г.")

    response = client.get(CHANGELIST.format(lang="ru"))

    assert response.status_code == 200
    assert "Совещание старших должностных лиц 2024 г." in text_of(response)
    assert 'href="/ru/admin/meetings/meeting/cadence/"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_changelist_queries_do_not_grow(client, editor, django_assert_num_queries, count):
    for _ in range(count):
        MeetingFactory()

    with django_assert_num_queries(11):
        response = client.get(CHANGELIST.format(lang="en"))

    assert response.status_code == 200


def test_add_records_the_meeting_with_agenda_outcome_and_documents(client, editor, terms):
    _, kyrgyz_term = terms
    document = DocumentFactory(title_en="Conclusions of the 2015 Conference")
    data = meeting_form(
        **inline("agenda_items", [{
            "position": "1", "day": "2015-06-03", "start_time": "09:30", "end_time": "10:00",
            "title_ru": "Открытие", "title_en": "Opening", "description_ru": "",
            "description_en": "", "speakers_ru": "", "speakers_en": "",
        }]),
        **inline("outcomes", [{
            "position": "1", "kind": OutcomeKind.DECISION, "adopted_on": "2015-06-04",
            "text_ru": "Подтверждено председательство.", "text_en": "Chairmanship confirmed.",
            "confirms_chairmanship": str(kyrgyz_term.pk), "access": "public",
        }]),
        **inline("document_links", [{
            "position": "1", "document": str(document.pk), "role": MeetingDocumentRole.OUTCOME,
        }]),
    )

    response = client.post(ADD.format(lang="en"), data)

    assert response.status_code == 302, text_of(response)
    meeting = Meeting.objects.get()
    assert (meeting.slug, meeting.created_by) == ("ministerial-conference-2015", editor)
    assert [item.title_en for item in meeting.agenda_items.all()] == ["Opening"]
    assert [o.confirms_chairmanship for o in meeting.outcomes.all()] == [kyrgyz_term]
    assert [link.document for link in meeting.document_links.all()] == [document]


def test_add_refuses_an_amendment_at_a_senior_officials_meeting_in_russian(client, editor):
    data = meeting_form(kind=MeetingKind.SENIOR_OFFICIALS, **inline("outcomes", [{
        "position": "1", "kind": OutcomeKind.AMENDMENT, "adopted_on": "2015-06-04",
        "text_ru": "Поправка.", "text_en": "", "confirms_chairmanship": "", "access": "public",
    }]))

    response = client.post(ADD.format(lang="ru"), data)

    assert response.status_code == 200
    assert "Операционный механизм может быть изменён только на Министерской конференции." in (
        text_of(response)
    )
    assert Meeting.objects.count() == 0


def test_service_error_after_the_forms_comes_back_with_the_users_input(client, editor, terms):
    """Two outcomes confirming the same term pass their forms one by one;
    the service refuses the second: nothing is saved, the form comes back."""
    _, kyrgyz_term = terms
    outcome = {
        "position": "1", "kind": OutcomeKind.DECISION, "adopted_on": "2015-06-04",
        "text_ru": "Подтверждено.", "text_en": "", "confirms_chairmanship": str(kyrgyz_term.pk),
        "access": "public",
    }
    data = meeting_form(title_en="Typed by the user", **inline("outcomes", [outcome, outcome]))

    response = client.post(ADD.format(lang="en"), data)

    assert response.status_code == 200
    assert "Another outcome already confirms this chairmanship term." in text_of(response)
    assert 'value="Typed by the user"' in response.content.decode()
    assert Meeting.objects.count() == 0


def test_change_goes_through_the_service_and_keeps_history(client, editor):
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2015, 6, 3),
                             end=D(2015, 6, 4), slug="mc-2015")
    MeetingOutcomeFactory(meeting=meeting, adopted_on=D(2015, 6, 4))
    outcome = meeting.outcomes.get()
    data = meeting_form(slug="mc-2015", status="cancelled", **inline("outcomes", [{
        "id": str(outcome.pk), "meeting": str(meeting.pk), "position": "1",
        "kind": outcome.kind, "adopted_on": "2015-06-04", "text_ru": outcome.text_ru,
        "text_en": outcome.text_en, "confirms_chairmanship": "", "access": "public",
    }], initial=1))

    response = client.post(f"/en/admin/meetings/meeting/{meeting.pk}/change/", data)
    history = client.get(f"/en/admin/meetings/meeting/{meeting.pk}/history/")

    assert response.status_code == 302, text_of(response)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.updated_by) == ("cancelled", editor)
    assert [record.status for record in meeting.history.all()] == ["cancelled", "held"]
    assert history.status_code == 200


def test_cadence_panel_lists_the_gaps(client, editor):
    MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2023, 10, 1), end=D(2023, 10, 1))

    response = client.get(CADENCE.format(lang="en"))

    assert response.status_code == 200
    assert "No Senior Officials' Meeting in 2024." in text_of(response)


@pytest.mark.parametrize(("lang", "heading", "line"), [
    ("en", "National consultations not held (recommended, not obliged)",
     "Tajikistan: national consultations not held in 2024."),
    ("ru", ("Национальные консультативные совещания не проводились "
            "(рекомендуются, но не обязательны)"),
     "Таджикистан: в 2024 г. национальные консультативные совещания не проводились."),
])
def test_cadence_panel_shows_consultations_not_held_apart_from_the_gaps(
    client, editor, lang, heading, line,
):
    ParticipantStateFactory(name_ru="Таджикистан", name_en="Tajikistan",
                            participant_since=D(2013, 1, 1))
    MeetingFactory(kind=MeetingKind.SENIOR_OFFICIALS, start=D(2024, 10, 1), end=D(2024, 10, 1))

    text = text_of(client.get(CADENCE.format(lang=lang)))

    assert f"{heading} {line}" in text
    assert "Missing" not in text


def test_cadence_panel_is_for_staff_only(client):
    client.force_login(UserFactory())

    response = client.get(CADENCE.format(lang="en"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_add_and_change_pages_render_with_tabs_and_inlines(client, editor, lang):
    meeting = MeetingFactory()

    add = client.get(ADD.format(lang=lang))
    change = client.get(f"/{lang}/admin/meetings/meeting/{meeting.pk}/change/")

    assert (add.status_code, change.status_code) == (200, 200)
    page = change.content.decode()
    assert [prefix in page for prefix in (
        'name="agenda_items-TOTAL_FORMS"', 'name="outcomes-TOTAL_FORMS"',
        'name="document_links-TOTAL_FORMS"', 'name="title_en"',
    )] == [True] * 4


def test_registration_moments_are_typed_and_shown_in_the_meetings_time_zone(client, editor):
    data = meeting_form(
        kind=MeetingKind.SENIOR_OFFICIALS, status="registration_open", time_zone="Europe/Istanbul",
        start="2026-10-15", end="2026-10-16",
        registration_opens_0="2026-09-01", registration_opens_1="09:00",
        registration_closes_0="2026-10-14", registration_closes_1="23:30",
    )

    response = client.post(ADD.format(lang="en"), data)

    assert response.status_code == 302, text_of(response)
    meeting = Meeting.objects.get()
    utc = datetime.UTC
    assert (meeting.registration_opens, meeting.registration_closes) == (
        datetime.datetime(2026, 9, 1, 6, 0, tzinfo=utc),
        datetime.datetime(2026, 10, 14, 20, 30, tzinfo=utc),
    )
    change = client.get(f"/en/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert 'name="registration_closes_1" value="23:30:00"' in change


def test_outcome_inline_picks_the_confirmed_term_with_autocomplete(client, editor, terms):
    meeting = MeetingFactory(kind=MeetingKind.MINISTERIAL, start=D(2015, 6, 3), end=D(2015, 6, 4))

    page = client.get(f"/en/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    found = client.get("/en/admin/autocomplete/", {
        "app_label": "meetings", "model_name": "meetingoutcome",
        "field_name": "confirms_chairmanship", "term": "Kyrgyz",
    })

    select = re.search(r'<select[^>]*name="outcomes-__prefix__-confirms_chairmanship"[^>]*>', page)
    assert select is not None
    assert "admin-autocomplete" in select.group(0)
    assert [result["id"] for result in found.json()["results"]] == [str(terms[1].pk)]
