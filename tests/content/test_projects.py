import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from content.enums import ProjectStatus
from content.models import Project
from content.services import project_save
from tests.content.conftest import text_of
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.content import ProjectFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

D = datetime.date
# 23:30 UTC on 31 May 2026 is already 1 June in Almaty.
NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def names(response) -> list[str]:
    return [project.name for project in response.context["projects"]]


# --- Status from dates ----------------------------------------------------------

@pytest.mark.dates
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 6, 2), None, ProjectStatus.PLANNED),
        (D(2026, 6, 1), None, ProjectStatus.ONGOING),  # starts today in Almaty
        (D(2021, 4, 1), D(2026, 6, 1), ProjectStatus.ONGOING),  # ends today in Almaty
        (D(2021, 4, 1), D(2026, 5, 31), ProjectStatus.COMPLETED),  # ended yesterday there
    ],
)
def test_project_status_follows_its_dates_and_the_almaty_date(frozen, start, end, expected):
    project = ProjectFactory(start=start, end=end)

    assert project.status == expected
    assert list(Project.objects.with_status(expected)) == [project]


def test_project_save_makes_a_slug_from_the_acronym():
    project = project_save(project=Project(name_ru="Программа", acronym_en="BOMCA 10",
                                           start=D(2021, 4, 1)))

    assert project.slug == "bomca-10"


def test_project_save_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError) as error:
        project_save(project=Project(name_en="Project", start=D(2024, 1, 1), end=D(2023, 1, 1)))

    assert error.value.messages == ["Проект не может закончиться раньше, чем начался."]


def test_project_save_refuses_a_project_without_a_name():
    with pytest.raises(ValidationError) as error:
        project_save(project=Project(start=D(2024, 1, 1)))

    assert list(error.value.message_dict) == ["name_ru"]


def test_project_save_sets_the_relations_given():
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ")
    theme = ThemeFactory(slug="border-management")

    project = project_save(project=Project(name_en="BOMCA", start=D(2021, 4, 1)),
                           states=[kazakhstan], themes=[theme])

    assert (list(project.states.all()), list(project.themes.all())) == ([kazakhstan], [theme])


# --- The catalogue ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "expected"), [("ru", ["Программа Б", "Программа А"]),
                           ("en", ["Programme B", "Programme A"])],
)
def test_projects_list_shows_latest_start_first_in_each_language(client, lang, expected):
    ProjectFactory(name_ru="Программа А", name_en="Programme A", start=D(2018, 1, 1))
    ProjectFactory(name_ru="Программа Б", name_en="Programme B", start=D(2021, 4, 1))
    ProjectFactory(name_ru="Скрытая", is_shown=False)

    response = client.get(f"/{lang}/projects/")

    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.dates
def test_projects_list_filters_by_country_theme_and_status_with_readable_values(
    client, frozen
):
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ")
    theme = ThemeFactory(slug="border-management")
    wanted = ProjectFactory(name_en="Wanted", start=D(2021, 4, 1), end=D(2026, 9, 30),
                            states=[kazakhstan], themes=[theme])
    ProjectFactory(name_en="Ended", start=D(2018, 1, 1), end=D(2023, 12, 31),
                   states=[kazakhstan], themes=[theme])
    ProjectFactory(name_en="Elsewhere", start=D(2021, 4, 1), themes=[theme])
    ProjectFactory(name_en="Other theme", start=D(2021, 4, 1), states=[kazakhstan])

    response = client.get("/en/projects/?country=kaz&theme=border-management&status=ongoing")

    assert names(response) == [wanted.name]


@pytest.mark.dates
def test_projects_list_completed_filter(client, frozen):
    ProjectFactory(name_en="Ongoing", start=D(2021, 4, 1), end=None)
    ProjectFactory(name_en="Ended", start=D(2018, 1, 1), end=D(2023, 12, 31))

    response = client.get("/en/projects/", {"status": "completed"})

    assert names(response) == ["Ended"]
    assert "Completed" in text_of(response)


def test_projects_list_searches_names_acronyms_and_goals(client):
    ProjectFactory(name_en="Border Management Programme", acronym_en="BOMCA 10")
    ProjectFactory(name_en="Other")

    response = client.get("/en/projects/", {"q": "bomca"})

    assert names(response) == ["Border Management Programme"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_projects_list_invalid_filters_give_translated_errors_not_500(client, lang):
    ProjectFactory()

    response = client.get(f"/{lang}/projects/", {"country": "xyz", "status": "someday"})

    assert response.status_code == 200
    assert names(response) == []
    expected = ("Some filters have values that cannot be used" if lang == "en"
                else "Некоторые фильтры")
    assert expected in text_of(response)


@pytest.mark.parametrize("count", [1, 3])
def test_projects_list_query_count_does_not_grow_with_projects(
    client, django_assert_num_queries, count
):
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ")
    for _ in range(count):
        ProjectFactory(states=[kazakhstan])

    # The chosen country, the count, the page, the page's states, and the
    # filter form's country and theme choices.
    with django_assert_num_queries(6):
        response = client.get("/ru/projects/", {"country": "kaz"})

    assert len(response.context["projects"]) == count


def test_projects_list_is_paginated_by_twenty(client):
    for _ in range(21):
        ProjectFactory()

    response = client.get("/ru/projects/", {"page": "2"})

    assert len(response.context["projects"]) == 1


# --- A project's page -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ["Программа содействия", "Цель", "Донор", "Европейский союз", "Казахстан",
             "Узбекистан", "Управление границами"]),
     ("en", ["Border Management Programme", "Goal", "Donor", "European Union", "Kazakhstan",
             "Uzbekistan", "Border management"])],
)
def test_project_page_shows_its_facts_in_each_language(client, lang, expected):
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_ru="Казахстан",
                                         name_en="Kazakhstan")
    theme = ThemeFactory(slug="border-mgmt", name_ru="Управление границами",
                         name_en="Border management")
    project = ProjectFactory(
        name_ru="Программа содействия управлению границами",
        name_en="Border Management Programme", donor_ru="Европейский союз",
        donor_en="European Union", other_countries_ru="Узбекистан",
        other_countries_en="Uzbekistan", states=[kazakhstan], themes=[theme],
    )

    response = client.get(f"/{lang}/projects/{project.slug}/")

    assert response.status_code == 200
    page = text_of(response)
    assert [text for text in expected if text not in page] == []


def test_project_page_lists_only_documents_the_visitor_may_see(client):
    public = DocumentFactory(title_ru="Открытый отчёт")
    restricted = DocumentFactory(title_ru="Закрытый отчёт", access="participants")
    project = ProjectFactory(documents=[public, restricted])

    response = client.get(f"/ru/projects/{project.slug}/")

    assert [d.title for d in response.context["documents"]] == ["Открытый отчёт"]


def test_project_page_marks_a_goal_shown_in_the_other_language(client):
    project = ProjectFactory(goal_en="", goal_ru="Цель проекта.")

    response = client.get(f"/en/projects/{project.slug}/")

    assert "Цель проекта. in Russian" in text_of(response)


def test_hidden_project_page_is_404(client):
    project = ProjectFactory(is_shown=False)

    assert client.get(f"/ru/projects/{project.slug}/").status_code == 404


def test_project_page_query_count(client, django_assert_num_queries):
    project = ProjectFactory(states=[ParticipantStateFactory()], themes=[ThemeFactory()],
                             documents=[DocumentFactory()])

    # The project, its states, themes and partners, its visible documents.
    with django_assert_num_queries(5):
        client.get(f"/ru/projects/{project.slug}/")


def test_sitemap_lists_shown_projects_in_both_languages(client):
    ProjectFactory(slug="bomca-10")
    ProjectFactory(slug="hidden", is_shown=False)

    content = client.get("/sitemap-projects.xml").content.decode()

    assert "http://testserver/ru/projects/bomca-10/" in content
    assert "http://testserver/en/projects/bomca-10/" in content
    assert "/projects/hidden/" not in content


# --- Admin ------------------------------------------------------------------------------

def test_project_admin_adds_a_project_with_its_relations_and_history(client, superuser):
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ")

    response = client.post("/ru/admin/content/project/add/", {
        "name_ru": "Программа", "name_en": "Programme", "acronym_ru": "", "acronym_en": "ABC",
        "slug": "", "goal_ru": "", "goal_en": "", "is_shown": "on",
        "start": "2021-04-01", "end": "2025-09-30",
        "implementing_partners_ru": "", "implementing_partners_en": "",
        "thematic_partners_ru": "", "thematic_partners_en": "", "donor_ru": "", "donor_en": "",
        "states": [kazakhstan.pk], "other_countries_ru": "", "other_countries_en": "",
        "website": "", "contact_email": "", "contact_ru": "", "contact_en": "",
    })

    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.slug, list(project.states.all())) == ("abc", [kazakhstan])
    assert {record.history_user for record in project.history.all()} == {superuser}


@pytest.mark.dates
def test_project_admin_changelist_filters_by_status(client, superuser, frozen):
    ProjectFactory(name_ru="Идёт", start=D(2021, 4, 1), end=None)
    ProjectFactory(name_ru="Завершён", start=D(2018, 1, 1), end=D(2023, 12, 31))

    response = client.get("/ru/admin/content/project/", {"status": "ongoing"})

    assert [p.name for p in response.context["cl"].result_list] == ["Идёт"]


@pytest.mark.parametrize(
    ("lang", "expected"), [("ru", "июнь 2023 – май 2026"), ("en", "June 2023 – May 2026")],
)
def test_project_dates_read_as_months_in_each_language(client, lang, expected):
    project = ProjectFactory(start=D(2023, 6, 1), end=D(2026, 5, 31))

    response = client.get(f"/{lang}/projects/{project.slug}/")

    assert expected in text_of(response)
