import datetime
import re

import pytest
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create
from membership import services
from membership.enums import MembershipStatus, OrganisationKind
from tests.factories.membership import OrganisationFactory

from ..conftest import appoint

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

D = datetime.date


def text_of(response, section: str | None = None) -> str:
    html = response.content.decode()
    if section is not None:
        html = html.split(f'aria-labelledby="{section}">', 1)[1].split("</section>", 1)[0]
    return re.sub(r"\s+", " ", strip_tags(html.replace("<br>", " "))).strip()


def rows_of(response) -> list[str]:
    """The visible text of each row of the page's first table body."""
    body = response.content.decode().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        re.sub(r"\s+", " ", strip_tags(row.replace("<br>", " "))).strip()
        for row in body.split("</tr>")[:-1]
    ]


@pytest.fixture
def region(kazakhstan, pending_state, make_state):
    """Kazakhstan with a coordinator, Iran pending until 31 August 2013,
    Turkmenistan joined in 2014 without a coordinator yet."""
    appoint(kazakhstan)
    make_state("TKM", "Туркменистан", "Turkmenistan", since=D(2014, 3, 1))
    return kazakhstan


@pytest.mark.parametrize(
    ("lang", "heading", "rows"),
    [
        ("ru", "Государства-участники", [
            ("Иран Идёт процедура невозражения срок процедуры невозражения: 31 августа 2013 "
            "— не назначен"),
            "Казахстан Участник 5 июня 2013 Айгерим Тестова Министерство иностранных дел",
            "Туркменистан Участник 1 марта 2014 не назначен",
        ]),
        ("en", "Participant states", [
            "Iran Pending no-objection deadline: 31 August 2013 — not designated",
            "Kazakhstan Participant 5 June 2013 Aigerim Testova Ministry of Foreign Affairs",
            "Turkmenistan Participant 1 March 2014 not designated",
        ]),
    ],
)
def test_state_list_in_both_languages(client, region, lang, heading, rows):
    response = client.get(f"/{lang}/states/")

    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert rows_of(response) == rows


def test_state_list_hides_contacts_from_the_public(client, region):
    content = client.get("/ru/states/").content.decode()

    assert "coordinator.kaz@example.org" not in content
    assert "+7 717 200 00 05" not in content


def test_state_detail_shows_history_coordinators_and_chair_terms(client, kazakhstan):
    services.membership_change_status(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2024, 1, 1),
        note="Вышло по собственному решению.",
    )
    appoint(kazakhstan, name=("Серик Примеров", "Serik Primerov"), start=D(2013, 6, 5))
    services.coordinator_replace(
        state=kazakhstan, start=D(2019, 3, 1), full_name_ru="Айгерим Тестова",
        full_name_en="Aigerim Testova", position_ru="Главный советник",
        agency_ru="Министерство иностранных дел",
    )
    chairmanship_create(
        state=kazakhstan, start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED,
        representative_name_ru="Представитель Казахстана",
    )

    response = client.get("/ru/states/kaz/")

    assert response.status_code == 200
    assert text_of(response, "history-title") == (
        "История членства Статус С По Примечание "
        "Участник 5 июня 2013 31 декабря 2023 "
        "Вышло из процесса 1 января 2024 по настоящее время Вышло по собственному решению."
    )
    assert text_of(response, "coordinators-title") == (
        "Национальные координаторы Имя Должность и ведомство С По "
        "Айгерим Тестова действующий Главный советник, Министерство иностранных дел "
        "1 марта 2019 по настоящее время "
        "Серик Примеров Главный советник, Министерство иностранных дел "
        "5 июня 2013 28 февраля 2019"
    )
    assert "5 июня 2013 – 4 июня 2015 Представитель Казахстана" in text_of(
        response, "chair-title"
    )


def test_state_detail_in_english(client, kazakhstan):
    appoint(kazakhstan)

    response = client.get("/en/states/kaz/")

    assert "<h1>Kazakhstan</h1>" in response.content.decode()
    assert "Aigerim Testova current Senior Adviser, Ministry of Foreign Affairs" in text_of(
        response, "coordinators-title"
    )


def test_state_detail_unknown_code_is_404(client, kazakhstan):
    assert client.get("/ru/states/xyz/").status_code == 404
    assert client.get("/ru/states/kazakhstan/").status_code == 404


def test_state_detail_upper_case_code_redirects(client, kazakhstan):
    response = client.get("/ru/states/KAZ/")

    assert (response.status_code, response["Location"]) == (301, "/ru/states/kaz/")


@pytest.mark.parametrize(
    "path",
    ["/ru/states/%ff/", "/ru/states/%FF/", "/ru/states/%C3%BF/", "/ru/states/KAZAKH/",
     "/ru/states/K%C3%84Z/", "/en/states/%ff/coordinator/"],
)
def test_state_pages_with_an_invalid_code_are_404_not_a_redirect(
    admin_client, kazakhstan, path
):
    response = admin_client.get(path)

    assert response.status_code == 404


def test_coordinator_page_upper_case_code_redirects(admin_client, kazakhstan):
    response = admin_client.get("/ru/states/KAZ/coordinator/")

    assert (response.status_code, response["Location"]) == (301, "/ru/states/kaz/coordinator/")


def test_observer_list_grouped_by_kind(client):
    OrganisationFactory(kind=OrganisationKind.REGIONAL, name_ru="Европейский союз",
                        acronym_ru="ЕС", name_en="European Union", acronym_en="EU")
    OrganisationFactory(kind=OrganisationKind.INTERNATIONAL, name_ru="Международная "
                        "организация по миграции", acronym_ru="МОМ",
                        website="https://www.iom.int/")
    OrganisationFactory(kind=OrganisationKind.INTERNATIONAL, name_ru="Бюро", acronym_ru="Б")
    OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY, name_ru="Закрытая", is_active=False)

    response = client.get("/ru/observers/")

    sections = [
        text_of(response, f"kind-{n}") for n in (1, 2)
    ]
    assert sections == [
        "Международная организация Бюро (Б) Международная организация по миграции (МОМ)",
        "Региональная организация Европейский союз (ЕС)",
    ]
    assert 'href="https://www.iom.int/"' in response.content.decode()
    assert "Закрытая" not in response.content.decode()


def test_observer_list_presents_unhcr_and_iom_as_partners_of_the_process(client):
    OrganisationFactory(slug="unhcr", name_en="Office of the UN High Commissioner for Refugees",
                        acronym_en="UNHCR")
    OrganisationFactory(slug="iom", name_en="International Organization for Migration",
                        acronym_en="IOM")
    OrganisationFactory(slug="osce", kind=OrganisationKind.REGIONAL,
                        name_en="Organization for Security and Co-operation in Europe",
                        acronym_en="OSCE")

    response = client.get("/en/observers/")

    assert text_of(response, "partners-title") == (
        "Partners of the process UNHCR and IOM organised the 2011 Almaty conference from which "
        "the process grew. For its first two years their offices in Kazakhstan performed the "
        "functions of the Support Unit, and they help to find funding for the meetings of "
        "ministers and senior officials and their follow-up. They take part in all meetings. "
        "International Organization for Migration (IOM) "
        "Office of the UN High Commissioner for Refugees (UNHCR) "
        "Partners and related processes"
    )
    assert text_of(response, "kind-1") == (
        "Regional organisation Organization for Security and Co-operation in Europe (OSCE)"
    )
    assert '<a href="/en/partners/">Partners and related processes</a>' in (
        response.content.decode()
    )


def test_observer_list_shows_civil_society_apart_from_the_observers(client):
    OrganisationFactory(kind=OrganisationKind.INTERNATIONAL, name_en="ICMPD Example",
                        acronym_en="", acronym_ru="", acronym="")
    OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY, name_en="Legal Aid Network",
                        acronym_en="", acronym_ru="", acronym="")

    response = client.get("/en/observers/")

    assert text_of(response, "kind-1") == "International organisation ICMPD Example"
    assert text_of(response, "civil-society-title") == (
        "Civil society (not observers) Civil society representatives are not observers of the "
        "process. They may be invited to a meeting case by case, individually, with the consent "
        "of the participant states; their organisation nominates them with a nomination letter. "
        "Legal Aid Network"
    )
    assert "Legal Aid Network" not in text_of(response, "observers-title")


def test_observer_list_in_russian_names_the_partners_and_civil_society_apart(client):
    OrganisationFactory(slug="iom", name_ru="Международная организация по миграции",
                        acronym_ru="МОМ")
    OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY, name_ru="Сеть правовой помощи",
                        acronym_ru="", acronym="")

    response = client.get("/ru/observers/")

    assert text_of(response, "partners-title").startswith("Партнёры процесса УВКБ ООН и МОМ")
    assert text_of(response, "civil-society-title").startswith(
        "Гражданское общество (не наблюдатели) Представители гражданского общества не "
        "являются наблюдателями процесса."
    )


# --- Query counts -------------------------------------------------------------------------

STATES = [("KAZ", "Казахстан", "Kazakhstan"), ("KGZ", "Кыргызстан", "Kyrgyzstan"),
          ("TJK", "Таджикистан", "Tajikistan")]


@pytest.mark.parametrize("count", [1, 3])
def test_state_list_queries_do_not_grow(client, make_state, django_assert_num_queries, count):
    for iso3, name_ru, name_en in STATES[:count]:
        appoint(make_state(iso3, name_ru, name_en), email=f"{iso3}@example.org")

    # Count for the paginator, states, their periods, their coordinators in office today.
    with django_assert_num_queries(4):
        response = client.get("/ru/states/")

    assert len(response.context["states"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_state_list_queries_for_a_coordinator(
    client, make_state, kaz_coordinator_user, django_assert_num_queries, count
):
    for iso3, name_ru, name_en in STATES[1:count]:
        appoint(make_state(iso3, name_ru, name_en), email=f"{iso3}@example.org")
    client.force_login(kaz_coordinator_user)

    # Session, user, the user's coordinator term and focal point (roles), then the list.
    with django_assert_num_queries(8):
        response = client.get("/ru/states/")

    assert len(response.context["states"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_observer_list_queries_do_not_grow(client, django_assert_num_queries, count):
    OrganisationFactory.create_batch(count)

    with django_assert_num_queries(2):
        response = client.get("/ru/observers/")

    assert len(response.context["organisations"]) == count
