"""The public pages /work-plans/ and /work-plans/<year>/, in both
languages: what a visitor sees of each plan, the draft that is not public,
the documents the archive's access rule lets them see, and query counts
that do not grow with the plan."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from archive.enums import AccessLevel
from tests.factories.actionplan import AreaFactory, ObjectiveFactory, PlanFactory
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import (
    FocalPointFactory,
    OrganisationFactory,
    StaffUserFactory,
    UserFactory,
)
from tests.factories.workplans import ActivityFactory, DraftWorkPlanFactory, WorkPlanFactory
from workplans.enums import ActivityStatus, Responsible

pytestmark = pytest.mark.django_db

D = datetime.date


def url(name, lang="ru", **kwargs):
    with translation.override(lang):
        return reverse(f"workplans:{name}", kwargs=kwargs)


@pytest.fixture
def plans(kazakhstan):
    agreed = WorkPlanFactory(year=2025, agreed_at__title_en="Senior Officials' Meeting 2024",
                             agreed_at__title_ru="Совещание старших должностных лиц 2024 г.")
    draft = DraftWorkPlanFactory(year=2026)
    ActivityFactory(plan=agreed, title_ru="Семинар по реинтеграции мигрантов",
                    title_en="Seminar on the reintegration of migrants",
                    responsible_state=kazakhstan, starts_on=D(2025, 9, 16),
                    ends_on=D(2025, 9, 17))
    ActivityFactory(plan=draft, title_ru="Черновое мероприятие", title_en="Draft activity",
                    responsible_state=kazakhstan)
    return agreed, draft


# --- The list of years ------------------------------------------------------------------

def test_index_lists_agreed_plans_and_hides_drafts_from_the_public(client, plans):
    html = client.get(url("index", "en")).content.decode()

    assert "Work plan for 2025" in html
    assert "Senior Officials&#x27; Meeting 2024" in html
    assert "Work plan for 2026" not in html


def test_index_shows_drafts_to_staff_marked_not_public(client, plans):
    client.force_login(StaffUserFactory())

    html = client.get(url("index", "en")).content.decode()

    assert "Work plan for 2026" in html
    assert "not public" in html


# --- A year's plan ----------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "title", "state", "period"), [
    ("ru", "Семинар по реинтеграции мигрантов", "Казахстан", "16–17 сентября 2025"),
    ("en", "Seminar on the reintegration of migrants", "Kazakhstan", "16–17 September 2025"),
])
def test_year_page_shows_each_activity_in_the_visitors_language(
        client, plans, lang, title, state, period):
    response = client.get(url("year", lang, year=2025))

    html = response.content.decode()
    assert response.status_code == 200
    assert title in html
    assert state in html
    assert period in html


def test_year_page_in_english_names_the_plan_and_its_meeting(client, plans):
    html = client.get(url("year", "en", year=2025)).content.decode()

    assert "<h1>Work plan for 2025" in html
    assert "<dt>Status</dt><dd>Agreed</dd>" in html
    assert "<dt>Agreed at</dt><dd><a" in html
    assert "Senior Officials&#x27; Meeting 2024</a></dd>" in html


def test_year_page_in_russian_names_the_plan(client, plans):
    """Needs the lead's merge of var/i18n-pending/W.po."""
    html = client.get(url("year", "ru", year=2025)).content.decode()

    assert "<h1>План работы на 2025 год" in html


def test_unknown_year_is_not_found(client, plans):
    assert client.get(url("year", year=1999)).status_code == 404


def test_draft_is_not_public(client, plans):
    assert client.get(url("year", year=2026)).status_code == 404


def test_draft_is_not_shown_to_an_observers_focal_point(client, plans):
    user = UserFactory()
    FocalPointFactory(organisation=OrganisationFactory(), user=user, email=user.email)
    client.force_login(user)

    assert client.get(url("year", year=2026)).status_code == 404


def test_draft_is_shown_to_a_participant_states_coordinator_with_its_notice(
        client, plans, kaz_coordinator):
    client.force_login(kaz_coordinator)

    response = client.get(url("year", "en", year=2026))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft activity" in html
    assert "This is a draft: until a Senior Officials' Meeting agrees it" in html


def test_draft_is_shown_to_staff(client, plans):
    client.force_login(StaffUserFactory())

    assert client.get(url("year", year=2026)).status_code == 200


def test_activities_group_by_thematic_area_then_by_status(client):
    plan = WorkPlanFactory(year=2025)
    border = ThemeFactory(slug="border", name_en="Border management", position=1)
    labour = ThemeFactory(slug="labour", name_en="Labour migration", position=2)
    ActivityFactory(plan=plan, title_en="Labour fair", theme=labour,
                    status=ActivityStatus.DONE)
    ActivityFactory(plan=plan, title_en="Border training", theme=border,
                    status=ActivityStatus.POSTPONED)
    ActivityFactory(plan=plan, title_en="Study visit", theme=None,
                    status=ActivityStatus.DONE)

    by_theme = client.get(url("year", "en", year=2025)).content.decode()
    by_status = client.get(url("year", "en", year=2025) + "?by=status").content.decode()

    assert (by_theme.index("Border management</h2>") < by_theme.index("Border training")
            < by_theme.index("Labour migration</h2>") < by_theme.index("Labour fair")
            < by_theme.index("No thematic area</h2>") < by_theme.index("Study visit"))
    assert (by_status.index("Done</h2>") < by_status.index("Labour fair")
            < by_status.index("Study visit") < by_status.index("Postponed</h2>")
            < by_status.index("Border training"))


def test_activity_links_the_objectives_it_serves_to_the_action_plan(client):
    action_plan = PlanFactory(version=1)
    area = AreaFactory(plan=action_plan, number=2)
    objective = ObjectiveFactory(area=area, order=3, text_en="Improve procedures")
    ActivityFactory(plan=WorkPlanFactory(year=2025), objectives=[objective])

    html = client.get(url("year", "en", year=2025)).content.decode()

    with translation.override("en"):
        link = reverse("actionplan:plan_version", kwargs={"version": 1}) + "#area-2"
    assert f'<a href="{link}">II.3</a> Improve procedures' in html


def test_activity_shows_who_is_responsible(client):
    plan = WorkPlanFactory(year=2025)
    ActivityFactory(plan=plan, responsible=Responsible.SUPPORT_UNIT, responsible_state=None)
    ActivityFactory(plan=plan, responsible=Responsible.CHAIR, responsible_state=None)

    html = client.get(url("year", "en", year=2025)).content.decode()

    assert "The Support Unit" in html
    assert "The Chair" in html


def test_outcome_links_show_only_documents_the_visitor_may_see(client, plans, kaz_coordinator):
    activity = plans[0].activities.get()
    meeting = MeetingFactory(start=D(2025, 9, 16), title_en="Regional seminar, Astana")
    public = DocumentFactory(access=AccessLevel.PUBLIC, title_en="Seminar report")
    restricted = DocumentFactory(access=AccessLevel.PARTICIPANTS, title_en="Seminar minutes")
    activity.meetings.set([meeting])
    activity.documents.set([public, restricted])

    anonymous = client.get(url("year", "en", year=2025)).content.decode()
    client.force_login(kaz_coordinator)
    coordinator = client.get(url("year", "en", year=2025)).content.decode()

    assert meeting.get_absolute_url() in anonymous
    assert "Seminar report" in anonymous
    assert "Seminar minutes" not in anonymous
    assert "Seminar minutes" in coordinator


def test_a_description_missing_in_english_is_shown_in_russian_and_marked(client):
    ActivityFactory(plan=WorkPlanFactory(year=2025), description_ru="Описание по-русски",
                    description_en="")

    html = client.get(url("year", "en", year=2025)).content.decode()

    assert '<div lang="ru"><p>Описание по-русски</p></div>' in html
    assert "in Russian" in html


def test_an_illustrative_plan_and_activity_are_marked(client):
    plan = WorkPlanFactory(year=2025, illustrative=True)
    ActivityFactory(plan=plan, illustrative=True)

    html = client.get(url("year", "en", year=2025)).content.decode()

    assert html.count('class="illustrative"') == 2


# --- Query counts -----------------------------------------------------------------------

def _queries(client, path: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response.status_code, len(captured.captured_queries)


def _grow_plan(plan, first: int, count: int) -> None:
    area = AreaFactory()
    for n in range(first, first + count):
        meeting = MeetingFactory(start=D(plan.year, 3, 1))
        ActivityFactory(
            plan=plan, theme=ThemeFactory(slug=f"theme-q{n}"),
            objectives=[ObjectiveFactory(area=area)], meetings=[meeting],
            documents=[DocumentFactory()],
        )


@pytest.mark.parametrize("by", ["theme", "status"])
def test_year_page_queries_do_not_grow_with_the_plan(client, by):
    plan = WorkPlanFactory(year=2025)
    path = url("year", year=2025) + f"?by={by}"
    _grow_plan(plan, 0, 1)
    small = _queries(client, path)
    _grow_plan(plan, 1, 4)
    large = _queries(client, path)

    assert (small[0], large) == (200, small)


def test_index_queries_do_not_grow_with_the_years(client):
    for year in (2020, 2021):
        ActivityFactory(plan=WorkPlanFactory(year=year))
    small = _queries(client, url("index"))
    for year in range(2022, 2027):
        ActivityFactory(plan=WorkPlanFactory(year=year))
    large = _queries(client, url("index"))

    assert (small[0], large) == (200, small)
