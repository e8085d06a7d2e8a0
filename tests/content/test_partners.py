import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from content.enums import PartnerKind
from content.models import Partner
from content.selectors import partners_by_kind
from content.services import partner_save
from tests.content.conftest import text_of
from tests.factories.membership import OrganisationFactory

pytestmark = pytest.mark.django_db


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(html)).strip()

REFERENCE = [
    ("process_partners", ["unhcr", "iom"]),
    ("organisation", ["osce", "unrcca", "eu", "icmpd"]),
    ("process", ["prague-process", "budapest-process"]),
]


def test_reference_partners_come_with_the_database_in_order():
    groups = partners_by_kind()

    assert [(g.kind, [p.slug for p in g.partners]) for g in groups] == REFERENCE


def test_reference_partners_have_both_languages_and_a_website():
    prague = Partner.objects.get(slug="prague-process")

    assert (prague.name_ru, prague.name_en, prague.website) == (
        "Пражский процесс", "Prague Process", "https://www.pragueprocess.eu/",
    )
    assert Partner.objects.filter(name_en="").count() == 0
    assert Partner.objects.filter(website="").count() == 0


def test_partners_by_kind_leaves_out_hidden_partners():
    Partner.objects.filter(slug="osce").update(is_shown=False)

    groups = partners_by_kind()

    assert "osce" not in [p.slug for g in groups for p in g.partners]


@pytest.mark.parametrize(("active", "expected"), [(True, True), (False, False)])
def test_partner_is_an_observer_while_its_observer_record_is_active(active, expected):
    iom = Partner.objects.get(slug="iom")
    iom.observer = OrganisationFactory(slug="iom-observer", is_active=active)
    partner_save(partner=iom)

    assert Partner.objects.get(slug="iom").is_observer is expected


def test_partner_without_an_observer_record_is_not_an_observer():
    assert Partner.objects.get(slug="prague-process").is_observer is False


def test_partner_save_trims_names_and_validates_the_website():
    partner = Partner(kind=PartnerKind.PROCESS, slug="bali-process",
                      name_ru=" Балийский процесс ", name_en="Bali Process ", website="not a url")

    with pytest.raises(ValidationError) as error:
        partner_save(partner=partner)

    assert list(error.value.message_dict) == ["website"]
    assert partner.name_ru == "Балийский процесс"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["Партнёры процесса", "Международные и региональные организации",
                "Связанные региональные консультативные процессы"]),
        ("en", ["Partners of the process", "International and regional organisations",
                "Related regional consultative processes"]),
    ],
)
def test_partners_page_groups_organisations_and_processes(client, lang, expected):
    response = client.get(f"/{lang}/partners/")

    assert response.status_code == 200
    assert [g.kind for g in response.context["groups"]] == [
        "process_partners", "organisation", "process",
    ]
    page = text_of(response)
    assert all(heading in page for heading in expected)


def test_partners_page_links_websites_and_marks_observers(client):
    iom = Partner.objects.get(slug="iom")
    iom.observer = OrganisationFactory(slug="iom-observer", is_active=True)
    partner_save(partner=iom)

    response = client.get("/en/partners/")

    content = response.content.decode()
    assert '<a href="https://www.budapestprocess.org/" rel="external">' in content
    assert text_of(response).count("Observer in the Almaty Process") == 1
    assert 'id="iom"' in content


def test_partners_page_presents_unhcr_and_iom_first_as_partners_of_the_process(client):
    response = client.get("/en/partners/")

    section = response.content.decode().split(
        'aria-labelledby="group-process_partners">', 1)[1].split("</section>", 1)[0]
    text = text_of_html(section)
    assert text.startswith(
        "Partners of the process UNHCR and IOM organised the 2011 Almaty conference from which "
        "the process grew. For its first two years their offices in Kazakhstan performed the "
        "functions of the Support Unit, and they help to find funding for the meetings of "
        "ministers and senior officials and their follow-up. They take part in all meetings. "
        "Office of the United Nations High Commissioner for Refugees (UNHCR) "
        "Partner of the process: performed the Support Unit's functions in its first two years "
    )
    assert text.count(
        "Partner of the process: performed the Support Unit's functions in its first two years"
    ) == 2
    assert "International Organization for Migration (IOM)" in text
    assert "OSCE" not in text


def test_partners_page_marks_a_description_shown_in_the_other_language(client):
    Partner.objects.filter(slug="budapest-process").update(description_en="")

    response = client.get("/en/partners/")

    assert "ICMPD. in Russian" not in text_of(response)
    assert "секретариат находится в МЦРМП. in Russian" in text_of(response)


@pytest.mark.parametrize("extra", [0, 3])
def test_partners_page_query_count_does_not_grow_with_partners(
    client, django_assert_num_queries, extra
):
    for number in range(extra):
        partner_save(partner=Partner(
            kind=PartnerKind.PROCESS, slug=f"process-{number}", name_ru=f"Процесс {number}",
            name_en=f"Process {number}", observer=OrganisationFactory(),
        ))

    with django_assert_num_queries(1):
        response = client.get("/ru/partners/")

    assert sum(len(g.partners) for g in response.context["groups"]) == 8 + extra


def test_partner_admin_saves_through_the_service_with_history(client, superuser):
    response = client.post("/ru/admin/content/partner/add/", {
        "kind": "process", "name_ru": "Балийский процесс", "name_en": "Bali Process",
        "acronym_ru": "", "acronym_en": "", "slug": "bali-process",
        "description_ru": " Текст ", "description_en": "", "website": "www.baliprocess.net",
        "position": "3", "is_shown": "on", "observer": "",
    })

    assert response.status_code == 302
    bali = Partner.objects.get(slug="bali-process")
    assert (bali.description_ru, bali.website) == ("Текст", "https://www.baliprocess.net")
    assert list(bali.history.values_list("history_user", flat=True)) == [superuser.pk]


def test_partner_admin_changelist(client, superuser):
    response = client.get("/ru/admin/content/partner/")

    assert response.status_code == 200
    assert "Пражский процесс" in text_of(response)
