"""Site-wide search finds meetings and news by any form of the words typed,
in Russian and English, whatever their case, on PostgreSQL and SQLite; title
matches come first, then the newest; the page costs the same number of
queries for 3 items as for 30."""

import datetime

import pytest
from django.utils.http import urlencode

from archive.search import document_index
from tests.factories.archive import DocumentFactory
from tests.factories.content import NewsItemFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db


def _titles(response, kind: str) -> list[str]:
    group = next(group for group in response.context["groups"] if group.kind == kind)
    return [item.title_en for item in group.items]


def _counts(response) -> dict:
    return {group.kind: group.count for group in response.context["groups"]}


def test_search_russian_plural_finds_news_in_the_genitive(client):
    NewsItemFactory(
        title_ru="Защита прав беженцев в регионе", title_en="Refugee protection in the region",
    )

    response = client.get("/ru/search/", {"q": "беженцы"})

    assert _titles(response, "news") == ["Refugee protection in the region"]


def test_search_russian_nominative_finds_meeting_in_the_genitive(client):
    MeetingFactory(
        title_ru="Итоги совещания старших должностных лиц", title_en="Outcome of the SOM",
    )

    response = client.get("/ru/search/", {"q": "совещание"})

    assert _titles(response, "meetings") == ["Outcome of the SOM"]


def test_search_russian_lower_case_finds_capitalised_and_upper_case_words(client):
    NewsItemFactory(title_ru="Беженцы и мигранты", title_en="Refugees and migrants")
    NewsItemFactory(title_ru="Доклад МОМ о миграции", title_en="IOM report on migration")

    assert _titles(client.get("/ru/search/", {"q": "беженцами"}), "news") == [
        "Refugees and migrants",
    ]
    assert _titles(client.get("/ru/search/", {"q": "мом"}), "news") == ["IOM report on migration"]


def test_search_russian_upper_case_query_finds_lower_case_text(client):
    MeetingFactory(
        title_ru="Семинар", title_en="Seminar",
        description_ru="Обсуждались вопросы трудовой миграции.",
    )

    response = client.get("/ru/search/", {"q": "МИГРАЦИЯ"})

    assert _titles(response, "meetings") == ["Seminar"]


def test_search_russian_word_without_yo_finds_text_with_yo(client):
    NewsItemFactory(title_ru="Права ребёнка в миграции", title_en="Children's rights")

    response = client.get("/ru/search/", {"q": "ребенок"})

    assert _titles(response, "news") == ["Children's rights"]


def test_search_english_plural_finds_singular_and_other_forms(client):
    NewsItemFactory(title_ru="Мигрант", title_en="A migrant's story")
    MeetingFactory(title_ru="Совещание", title_en="Meeting on the countries of origin")

    assert _titles(client.get("/en/search/", {"q": "Migrants"}), "news") == ["A migrant's story"]
    assert _titles(client.get("/en/search/", {"q": "country"}), "meetings") == [
        "Meeting on the countries of origin",
    ]


def test_search_every_word_must_be_found_in_some_form(client):
    NewsItemFactory(
        title_ru="Совещание по беженцам", title_en="Meeting on refugees",
        lead_ru="Участники обсудили положение беженцев в Центральной Азии.",
    )
    NewsItemFactory(title_ru="Совещание по визам", title_en="Meeting on visas", lead_ru="")

    both = client.get("/ru/search/", {"q": "совещания, беженцы"})
    one_missing = client.get("/ru/search/", {"q": "совещание азия визы"})

    assert _titles(both, "news") == ["Meeting on refugees"]
    assert _counts(one_missing)["news"] == 0


def test_search_ignores_stop_words_and_punctuation(client):
    NewsItemFactory(
        title_ru="Беженцы", title_en="Refugees", lead_ru="", lead_en="", body_ru="", body_en="",
    )

    by_russian = client.get("/ru/search/", {"q": "«беженцы» и ..."})
    by_english = client.get("/en/search/", {"q": "the refugees"})

    assert _titles(by_russian, "news") == ["Refugees"]
    assert _titles(by_english, "news") == ["Refugees"]


@pytest.mark.parametrize("query", ["!!! ...", "the", "и в"])
def test_search_without_any_word_to_look_for_finds_nothing(client, query):
    NewsItemFactory(title_en="The news", title_ru="Новости и события")
    MeetingFactory(title_en="The meeting", title_ru="Совещание в Алматы")
    document = DocumentFactory(title_en="The Almaty Declaration", title_ru="Декларация и план")
    document_index(document_id=document.pk)

    response = client.get("/en/search/", {"q": query})

    assert _counts(response) == {"documents": 0, "meetings": 0, "news": 0}


def test_search_russian_query_on_english_page_finds_russian_text(client):
    NewsItemFactory(title_ru="Беженцы в регионе", title_en="Refugees in the region")

    response = client.get("/en/search/", {"q": "беженцев"})

    assert _titles(response, "news") == ["Refugees in the region"]
    assert "Refugees in the region" in response.content.decode()


def test_search_title_matches_first_then_newest(client):
    NewsItemFactory(
        date=datetime.date(2025, 5, 1), title_ru="Новости", title_en="Old title match on refugees",
    )
    NewsItemFactory(
        date=datetime.date(2025, 9, 1), title_ru="Новости", title_en="Newest, lead only",
        lead_en="Support for refugees.",
    )
    NewsItemFactory(
        date=datetime.date(2025, 7, 1), title_ru="Новости", title_en="Refugee news, newer",
    )
    NewsItemFactory(
        date=datetime.date(2025, 1, 1), title_ru="Новости", title_en="Oldest, lead only",
        lead_en="Refugees.",
    )

    response = client.get("/en/search/", {"q": "refugees"})

    assert _titles(response, "news") == [
        "Refugee news, newer", "Old title match on refugees",
        "Newest, lead only", "Oldest, lead only",
    ]


def test_search_meetings_title_matches_first_then_latest(client):
    MeetingFactory(start=datetime.date(2024, 3, 1), title_ru="Совещание", title_en="Border SOM")
    MeetingFactory(
        start=datetime.date(2025, 3, 1), title_ru="Семинар", title_en="Seminar",
        description_en="Border management.",
    )
    MeetingFactory(start=datetime.date(2025, 1, 1), title_ru="Совещание", title_en="Border forum")

    response = client.get("/en/search/", {"q": "borders"})

    assert _titles(response, "meetings") == ["Border forum", "Border SOM", "Seminar"]


@pytest.mark.parametrize(("language", "message", "summary"), [
    ("en", "Nothing found. Check the spelling, or try other or fewer words",
     "0 results for “снегопад”"),
    ("ru", "Ничего не найдено. Проверьте написание или попробуйте другие слова",
     "0 результатов по запросу «снегопад»"),
])
def test_search_nothing_found_says_what_to_try_in_each_language(
    client, language, message, summary,
):
    NewsItemFactory()

    response = client.get(f"/{language}/search/", {"q": "снегопад"})

    html = response.content.decode()
    assert summary in html
    assert html.count(message) == 1
    assert 'id="results-news"' not in html


@pytest.mark.parametrize(("language", "message"), [
    ("en", "Nothing found."), ("ru", "Ничего не найдено."),
])
def test_search_one_kind_with_nothing_found_in_each_language(client, language, message):
    response = client.get(f"/{language}/search/", {"q": "снегопад", "kind": "meetings"})

    assert response.context["total"] == 0
    assert f"<p>{message}</p>" in response.content.decode()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_search_one_kind_lists_every_form_found(client, language):
    NewsItemFactory(title_ru="Беженцы", title_en="Refugees")
    NewsItemFactory(title_ru="О беженцах", title_en="On refugees")
    NewsItemFactory(title_ru="Трудовая миграция", title_en="Labour migration")

    response = client.get(f"/{language}/search/", {"q": "беженец", "kind": "news"})

    assert response.context["total"] == 2


@pytest.mark.parametrize("count", [3, 30])
def test_search_page_queries_do_not_grow_with_the_data(
    client, count, django_assert_max_num_queries,
):
    for n in range(count):
        MeetingFactory(
            title_ru=f"Совещание по беженцам № {n}", start=datetime.date(2020, 1, 1)
            + datetime.timedelta(days=n),
        )
        NewsItemFactory(title_ru=f"Беженцы: новость № {n}")

    # A count and a page of results per kind.
    with django_assert_max_num_queries(6):
        everything = client.get("/ru/search/", {"q": "беженцев совещания"})
    with django_assert_max_num_queries(2):
        one_kind = client.get("/ru/search/", {"q": "беженцев", "kind": "news"})

    assert _counts(everything) == {"documents": 0, "meetings": count, "news": 0}
    assert one_kind.context["total"] == count


def test_search_marks_titles_shown_in_the_other_language(client):
    MeetingFactory(title_ru="Семинар по беженцам", title_en="", city_en="")
    NewsItemFactory(title_ru="Беженцы в регионе", title_en="")
    document = DocumentFactory(title_ru="Доклад о беженцах", title_en="")
    document_index(document_id=document.pk)

    html = client.get("/en/search/", {"q": "беженцы"}).content.decode()

    assert '<span lang="ru">Семинар по беженцам</span>' in html
    assert '<span lang="ru">Доклад о беженцах</span>' in html
    assert '<span lang="ru">Алматы</span>' in html
    assert html.count("in Russian</span>") == 4


def test_search_one_kind_pages_through_every_result_keeping_the_words(client):
    for n in range(25):
        NewsItemFactory(date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
                        title_ru=f"Беженцы № {n}", title_en=f"Refugees no. {n}")

    first = client.get("/ru/search/", {"q": "беженцев", "kind": "news"})
    second = client.get("/ru/search/", {"q": "беженцев", "kind": "news", "page": 2})

    next_link = f'href="?kind=news&amp;page=2&amp;{urlencode({"q": "беженцев"})}"'
    assert next_link in first.content.decode()
    assert [item.title_en for item in second.context["results"]] == [
        f"Refugees no. {n}" for n in (4, 3, 2, 1, 0)
    ]


def test_search_marks_a_news_lead_shown_in_the_other_language(client):
    """The lead under a news title, when the English page shows the Russian
    one, carries lang="ru" and the "in Russian" marker, as titles do."""
    NewsItemFactory(title_ru="Беженцы в регионе", title_en="Refugees in the region",
                    lead_ru="Положение беженцев в Центральной Азии.", lead_en="")

    html = client.get("/en/search/", {"q": "refugees"}).content.decode()

    assert ('<p><span lang="ru">Положение беженцев в Центральной Азии.</span> '
            '<span class="badge badge--warn fallback-marker" lang="en">in Russian</span></p>'
            ) in html
