import datetime

import pytest

from content import demo
from content.models import ContactDetails, NewsItem, Partner, Project
from membership import demo as membership_demo
from tests.factories.archive import DocumentFactory

pytestmark = pytest.mark.django_db


def test_demo_news_include_the_bomca_seminar_as_the_seed_writes_it():
    demo.load()

    item = NewsItem.objects.get(slug="bomca-reintegration-seminar-2019")
    assert (item.date, item.title_ru, item.is_public) == (
        datetime.date(2019, 9, 17),
        "Лучшие способы реинтеграции мигрантов обсуждаются на семинаре программы БОМКА",
        True,
    )
    assert item.body_ru.startswith(
        "<p>17 сентября в г. Нур-Султан начался региональный семинар по стратегиям "
        "реинтеграции мигрантов"
    )
    assert item.title_en == (
        "Best ways to reintegrate migrants discussed at a BOMCA programme seminar"
    )


def test_demo_loaded_twice_changes_nothing():
    demo.load()
    first = list(NewsItem.objects.values())
    records = NewsItem.history.count()

    demo.load()

    assert list(NewsItem.objects.values()) == first
    assert NewsItem.history.count() == records


def test_demo_links_the_partners_that_are_observers_in_the_demo():
    membership_demo.load()

    demo.load()

    linked = sorted(Partner.objects.filter(observer__isnull=False).values_list("slug", flat=True))
    assert linked == ["eu", "icmpd", "iom", "osce", "unhcr", "unrcca"]


def test_demo_projects_follow_the_fact_sheet():
    membership_demo.load()

    demo.load()

    bomca = Project.objects.get(slug="bomca-10")
    assert (bomca.acronym_ru, bomca.start, bomca.end, bomca.contact_email) == (
        "БОМКА 10", datetime.date(2021, 4, 1), datetime.date(2025, 9, 30), "bomca@icmpd.org",
    )
    assert sorted(bomca.states.values_list("iso3", flat=True)) == ["KAZ", "KGZ", "TJK"]
    assert (bomca.other_countries_ru, bomca.other_countries_en) == (
        "Туркменистан, Узбекистан", "Turkmenistan, Uzbekistan",
    )
    assert sorted(Project.objects.values_list("slug", flat=True)) == [
        "bomca-10", "mobilaze-2", "pp-data", "protect",
    ]


def test_demo_projects_loaded_twice_add_no_history():
    membership_demo.load()
    demo.load()
    records = Project.history.count()

    demo.load()

    assert Project.history.count() == records


def test_demo_projects_list_only_documents_of_their_own_period():
    # The BOMCA seminar of 17 September 2019 is of the programme's 9th phase
    # (2015-2019), not of BOMCA 10 (2021-2025).
    membership_demo.load()
    DocumentFactory(slug="bomca-reintegration-seminar-2019", date=datetime.date(2019, 9, 17))

    demo.load()

    assert list(Project.objects.get(slug="bomca-10").documents.all()) == []
    assert [
        (project.slug, document.slug)
        for project in Project.objects.prefetch_related("documents")
        for document in project.documents.all()
        if not project.start <= document.date <= (project.end or document.date)
    ] == []


def test_demo_bomca_news_gives_the_9th_phase_its_years_and_amount():
    item = next(data for data in demo.NEWS if data["slug"] == "bomca-reintegration-seminar-2019")

    assert "более 6,6 миллионов евро на реализацию 9-ой фазы (2015-2019 гг)" in item["body_ru"]
    assert "more than 6.6 million euros went to its 9th phase (2015-2019)" in item["body_en"]
    assert "БОМКА 10" not in item["body_ru"] + item["lead_ru"] + item["title_ru"]
    assert "BOMCA 10" not in item["body_en"] + item["lead_en"] + item["title_en"]


def test_demo_gives_the_support_unit_a_fictitious_email_and_phone_where_none_is_set(client):
    """A pack's practical information and the contact page show the Support
    Unit's email and phone: the demo fills them with obviously invented
    ones, and never replaces what the secretariat entered."""
    demo.load()

    html = client.get("/en/contact/").content.decode()
    assert "support-unit@example.org" in html
    assert "+7 727 000 00 00" in html

    ContactDetails.objects.filter(pk=1).update(email="unit@almaty-process.example")
    demo.load()

    assert ContactDetails.objects.get(pk=1).email == "unit@almaty-process.example"
