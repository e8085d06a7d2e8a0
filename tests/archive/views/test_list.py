import datetime
import html
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel, DocumentType, FileLanguage
from tests.archive.views.conftest import DATED_ROLES, ROLES, VISIBLE, indexed
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

URL = "/ru/archive/"


def titles(response) -> list[str]:
    return [document.title for document in response.context["listing"]["documents"]]


def type_counts(response) -> dict[str, int]:
    return {
        item["value"]: item["count"]
        for item in response.context["listing"]["type_counts"] if item["count"]
    }


# --- Access level on every surface of the list ---------------------------------

@pytest.mark.parametrize("role", ROLES)
def test_list_shows_published_documents_of_the_visible_access_levels(
    client_as, archive_by_access, role
):
    response = client_as(role).get(URL)

    assert response.status_code == 200
    assert set(titles(response)) == {archive_by_access[name].title for name in VISIBLE[role]}


@pytest.mark.parametrize("role", ROLES)
def test_search_results_respect_the_access_level(client_as, archive_by_access, role):
    response = client_as(role).get(URL, {"q": "миграция"})

    assert response.status_code == 200
    assert set(titles(response)) == {archive_by_access[name].title for name in VISIBLE[role]}


def test_one_search_by_every_role_in_turn_shows_each_its_own_documents(
    user_for_role, archive_by_access
):
    """The statement of a search is built once and kept for the same
    filters and access levels (archive.search.list_page._ranked_rows_sql):
    whoever searched first, each visitor sees what they may see."""
    roles = [role for role in VISIBLE if role not in DATED_ROLES]
    for role in [*roles, *reversed(roles)]:
        client = Client()
        if (user := user_for_role(role)) is not None:
            client.force_login(user)

        response = client.get(URL, {"q": "миграция"})

        assert set(titles(response)) == {archive_by_access[name].title
                                         for name in VISIBLE[role]}, role
    year = archive_by_access["public"].date.year
    filtered = Client().get(URL, {"q": "миграция", "year": year + 1})
    assert titles(filtered) == []


def test_one_search_in_one_theme_then_another_shows_each_theme_its_documents(client):
    """The kept statement of a search is keyed by the filters' values
    (archive.filters.DocumentFilter._filtered_key), a theme and a state
    among them: the same words in another theme, or in no theme, are
    searched again there."""
    asylum, labour = ThemeFactory(slug="asylum"), ThemeFactory(slug="labour-migration")
    kazakhstan = ParticipantStateFactory(iso3="KAZ")
    in_asylum = indexed(DocumentFactory(title_ru="Миграция и убежище", themes=[asylum]))
    in_labour = indexed(DocumentFactory(title_ru="Миграция и труд", themes=[labour],
                                        states=[kazakhstan]))

    for page in ({}, {"page": 1}):  # the second round not from the page cache
        def found(page=page, **filters):
            return set(titles(client.get(URL, {"q": "миграция", **filters, **page})))

        assert found(theme="asylum") == {in_asylum.title}
        assert found(theme="labour-migration") == {in_labour.title}
        assert found(state="kaz") == {in_labour.title}
        assert found() == {in_asylum.title, in_labour.title}


@pytest.mark.parametrize("role", ROLES)
def test_search_snippets_quote_only_documents_the_visitor_may_see(
    client_as, archive_by_access, role
):
    for name, document in archive_by_access.items():
        DocumentFileFactory(document=document,
                            content=f"Пограничный контроль: записка «{name}».".encode())
        indexed(document)

    html = client_as(role).get(URL, {"q": "пограничный контроль"}).content.decode()

    assert {name for name in archive_by_access if f"«{name}»" in html} == VISIBLE[role]
    assert "<mark>Пограничный</mark> <mark>контроль</mark>" in html


@pytest.mark.parametrize("role", ROLES)
def test_counts_per_type_count_only_visible_documents(client_as, archive_by_access, role):
    DocumentFactory(doc_type=DocumentType.AGENDA, access=AccessLevel.SECRETARIAT)

    response = client_as(role).get(URL)

    expected = {DocumentType.REPORT: len(VISIBLE[role])}
    if role == "staff":
        expected[DocumentType.AGENDA] = 1
    assert type_counts(response) == expected


@pytest.mark.parametrize("role", ROLES)
def test_counts_per_type_follow_the_search(client_as, archive_by_access, role):
    indexed(DocumentFactory(title_ru="Повестка дня совещания", title_en="Meeting agenda",
                            doc_type=DocumentType.AGENDA))

    response = client_as(role).get(URL, {"q": "миграция"})

    assert type_counts(response) == {DocumentType.REPORT: len(VISIBLE[role])}


@pytest.mark.parametrize(
    ("role", "heading"), [("anonymous", "1 document"), ("staff", "4 documents")],
)
def test_withdrawn_and_draft_documents_are_not_listed(client_as, archive_by_access, role,
                                                      heading):
    """What the visitor reads: the published documents they may see, by
    title, under a heading that counts exactly those; the draft and the
    withdrawn document appear nowhere (not even to the secretariat)."""
    response = client_as(role).get("/en/archive/")

    page = response.content.decode()
    listed = [html.unescape(title) for title in re.findall(
        r'<h3 class="document-item__title"><a href="[^"]*">(.*?)</a></h3>', page)]
    assert sorted(listed) == sorted(archive_by_access[name].title_en for name in VISIBLE[role])
    assert re.search(r'<h2 id="results-title">\s*(.*?)\s*</h2>', page).group(1) == heading
    for name in ("draft", "withdrawn"):
        assert archive_by_access[name].title_en not in page
        assert archive_by_access[name].title_ru not in page


# --- Filters ------------------------------------------------------------------

def test_type_and_year_filter_together(client):
    wanted = DocumentFactory(doc_type=DocumentType.REPORT, date=datetime.date(2024, 3, 1))
    DocumentFactory(doc_type=DocumentType.REPORT, date=datetime.date(2023, 3, 1))
    DocumentFactory(doc_type=DocumentType.AGENDA, date=datetime.date(2024, 3, 1))

    response = client.get(URL, {"type": "report", "year": "2024"})

    assert titles(response) == [wanted.title]


def test_several_types_are_combined_with_or(client):
    report = DocumentFactory(doc_type=DocumentType.REPORT, date=datetime.date(2024, 3, 1))
    agenda = DocumentFactory(doc_type=DocumentType.AGENDA, date=datetime.date(2024, 2, 1))
    DocumentFactory(doc_type=DocumentType.DECLARATION)

    response = client.get(URL, {"type": ["report", "agenda"]})

    assert titles(response) == [report.title, agenda.title]


def test_counts_per_type_ignore_the_type_filter_but_follow_the_others(client):
    DocumentFactory(doc_type=DocumentType.REPORT, date=datetime.date(2024, 3, 1))
    DocumentFactory(doc_type=DocumentType.AGENDA, date=datetime.date(2024, 3, 1))
    DocumentFactory(doc_type=DocumentType.AGENDA, date=datetime.date(2023, 3, 1))

    response = client.get(URL, {"type": "report", "year": "2024"})

    assert type_counts(response) == {DocumentType.REPORT: 1, DocumentType.AGENDA: 1}


def test_counts_per_type_are_shown_beside_each_type(client):
    DocumentFactory.create_batch(2, doc_type=DocumentType.REPORT)

    response = client.get(URL)

    html = response.content.decode()
    assert 'Доклад <span class="count">(2)</span>' in html
    assert 'Повестка дня <span class="count">(0)</span>' in html


def test_theme_and_state_filter_together(client):
    theme = ThemeFactory(slug="labour-migration")
    other_theme = ThemeFactory(slug="asylum")
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_en="Kazakhstan")
    kyrgyzstan = ParticipantStateFactory(iso3="KGZ", iso2="KG", name_en="Kyrgyzstan")
    wanted = DocumentFactory(themes=[theme, other_theme], states=[kazakhstan, kyrgyzstan])
    DocumentFactory(themes=[theme], states=[kyrgyzstan])
    DocumentFactory(themes=[other_theme], states=[kazakhstan])

    response = client.get(URL, {"theme": "labour-migration", "state": "kaz"})

    assert titles(response) == [wanted.title]


def test_theme_choices_are_the_thematic_areas_in_order(client):
    response = client.get("/en/archive/")

    choices = [label for value, label in response.context["listing"]["form"].fields["theme"].choices
               if value]
    assert choices[:3] == [
        "Emergency preparedness and response to mass influx", "Refugee protection",
        "Border management",
    ]
    assert len(choices) == 11


def test_state_choices_use_the_lower_case_code_of_the_state_pages(client):
    ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_ru="Казахстан", name_en="Kazakhstan")

    response = client.get(URL, {"state": "kaz"})

    assert '<option value="kaz" selected>Казахстан</option>' in response.content.decode()


@pytest.fixture
def documents_by_language():
    """Documents with a Russian file, an English file, both, and none."""
    made = {}
    for name, languages in {
        "ru": [FileLanguage.RUSSIAN],
        "en": [FileLanguage.ENGLISH],
        "both": [FileLanguage.RUSSIAN, FileLanguage.ENGLISH],
        "none": [],
    }.items():
        document = DocumentFactory(title_ru=f"Документ {name}")
        for language in languages:
            DocumentFileFactory(document=document, language=language)
        made[name] = document.title
    return made


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("ru", {"ru", "both"}),
        ("en", {"en", "both"}),
        ("both", {"both"}),
        ("ru-only", {"ru"}),
        ("en-only", {"en"}),
    ],
)
def test_language_version_filter(client, documents_by_language, choice, expected):
    response = client.get(URL, {"language": choice})

    assert set(titles(response)) == {documents_by_language[name] for name in expected}


def test_date_range_includes_both_ends(client):
    first = DocumentFactory(date=datetime.date(2024, 1, 1))
    last = DocumentFactory(date=datetime.date(2024, 6, 30))
    DocumentFactory(date=datetime.date(2023, 12, 31))
    DocumentFactory(date=datetime.date(2024, 7, 1))

    response = client.get(URL, {"date_from": "2024-01-01", "date_to": "2024-06-30"})

    assert titles(response) == [last.title, first.title]


def test_search_with_a_type_filter(client):
    indexed(DocumentFactory(title_ru="Доклад о беженцах", doc_type=DocumentType.REPORT))
    agenda = indexed(
        DocumentFactory(title_ru="Повестка дня: беженцы", doc_type=DocumentType.AGENDA)
    )
    indexed(DocumentFactory(title_ru="Повестка дня: торговля людьми",
                            summary_ru="Противодействие торговле людьми.",
                            doc_type=DocumentType.AGENDA))

    response = client.get(URL, {"q": "беженцы", "type": "agenda"})

    assert titles(response) == [agenda.title]


def test_search_with_every_filter_together(client):
    theme = ThemeFactory(slug="asylum")
    kazakhstan = ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_en="Kazakhstan")
    fields = {"doc_type": DocumentType.AGENDA, "date": datetime.date(2019, 4, 2),
              "themes": [theme], "states": [kazakhstan], "summary_ru": "Обзор.",
              "summary_en": "Overview."}

    def make(title, english=True, **changed):
        document = DocumentFactory(title_ru=title, title=title, **{**fields, **changed})
        if english:
            DocumentFileFactory(document=document, language=FileLanguage.ENGLISH,
                                content=f"Agenda {document.pk}.".encode())
        return indexed(document)

    wanted = make("Повестка дня: беженцы")
    make("Повестка дня: мигранты")
    make("Беженцы", doc_type=DocumentType.REPORT)
    make("Беженцы", date=datetime.date(2020, 1, 1))
    make("Беженцы", themes=[])
    make("Беженцы", states=[])
    make("Беженцы", english=False)

    response = client.get(URL, {"q": "беженцы", "type": "agenda", "theme": "asylum",
                                "state": "kaz", "year": "2019", "language": "en"})

    assert titles(response) == [wanted.title]
    assert response.context["listing"]["total"] == 1
    assert type_counts(response) == {DocumentType.AGENDA: 1, DocumentType.REPORT: 1}


def test_sort_oldest_first(client):
    old = DocumentFactory(date=datetime.date(2015, 1, 1))
    new = DocumentFactory(date=datetime.date(2024, 1, 1))

    response = client.get(URL, {"sort": "oldest"})

    assert titles(response) == [old.title, new.title]


def test_list_is_newest_first_without_a_search(client):
    old = DocumentFactory(date=datetime.date(2015, 1, 1))
    new = DocumentFactory(date=datetime.date(2024, 1, 1))

    response = client.get(URL)

    assert titles(response) == [new.title, old.title]
    assert response.context["listing"]["sort_order"] == "newest"


def test_search_is_sorted_by_relevance_by_default(client):
    indexed(DocumentFactory(title_ru="Доклад о беженцах"))

    response = client.get(URL, {"q": "беженцы"})

    assert response.context["listing"]["sort_order"] == "relevance"
    assert '<option value="relevance" selected>Релевантность</option>' in (
        response.content.decode()
    )


def test_search_results_show_a_highlighted_snippet(client):
    indexed(DocumentFactory(title_ru="Доклад о беженцах",
                            summary_ru="Положение беженцев в Центральной Азии."))

    response = client.get(URL, {"q": "беженцы"})

    html = response.content.decode()
    assert '<p class="document-item__snippet"><span lang="ru">' in html
    assert "<mark>" in html


def test_russian_snippet_on_an_english_page_carries_its_language_and_the_marker(client):
    """A Russian excerpt on an English results page is read by screen readers
    in Russian and marked "in Russian", as a fallen-back title is (issue 24)."""
    indexed(DocumentFactory(title_ru="Доклад о беженцах", title_en="Report on refugees",
                            summary_ru="Положение беженцев в Центральной Азии.",
                            summary_en=""))

    response = client.get(URL.replace("/ru/", "/en/"), {"q": "беженцы"})

    html = response.content.decode()
    snippet = html.split('<p class="document-item__snippet">', 1)[1].split("</p>", 1)[0]
    assert snippet.startswith('<span lang="ru">')
    assert 'fallback-marker" lang="en">in Russian</span>' in snippet


# The files' text column read whole, not through a SUBSTR/SUBSTRING of its head.
FULL_TEXT_READ = re.compile(
    r'(?<!SUBSTR\()(?<!SUBSTRING\()"archive_documentfile"\."extracted_text"'
)


def test_search_results_read_only_the_head_of_each_files_text(client):
    # 180,000 characters of text: snippets look at the first 60,000 only.
    text = "Положение беженцев в регионе. " + "текст " * 30_000
    document = DocumentFactory(title_ru="Записка о положении", summary_ru="", summary_en="")
    DocumentFileFactory(document=document, content=text.encode())
    indexed(document)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "беженцы"})

    assert [q["sql"] for q in queries if FULL_TEXT_READ.search(q["sql"])] == []
    assert ('<p class="document-item__snippet"><span lang="ru">Положение <mark>беженцев</mark>'
            ' в регионе.') in (
        response.content.decode()
    )


FILE_TEXT_HEADS = re.compile(r'SUBSTR(ING)?\(("archive_documentfile"\.)?"?extracted_text"?')


def _file_text_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if FILE_TEXT_HEADS.search(q["sql"])]


def test_search_results_read_the_other_languages_texts_only_when_they_need_them(client):
    document = DocumentFactory(title_ru="Записка", title_en="Note", summary_ru="",
                               summary_en="")
    DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                        content="Положение беженцев в регионе.".encode())
    DocumentFileFactory(document=document, language=FileLanguage.ENGLISH,
                        content=b"Refugees crossing the border were counted.")
    indexed(document)

    # (Each request resets the connection's query log: read it at once.)
    with CaptureQueriesContext(connection) as queries:
        russian_words = client.get(URL, {"q": "беженцы"}).content.decode()
    russian_reads = len(_file_text_reads(queries))
    with CaptureQueriesContext(connection) as queries:
        english_words = client.get(URL, {"q": "refugees"}).content.decode()
    english_reads = len(_file_text_reads(queries))

    assert russian_reads == 1
    assert "Положение <mark>беженцев</mark> в регионе." in russian_words
    assert english_reads == 2
    assert "<mark>Refugees</mark> crossing the border were counted." in english_words


# --- Invalid values: a translated error on the page, never a 500 --------------

@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"year": "двадцать"}, "year", "Введите целое число."),
        ({"date_from": "2024-13-45"}, "date_from", "Введите правильную дату."),
        ({"type": "memo"}, "type",
         "Выберите корректный вариант. memo нет среди допустимых значений."),
        ({"theme": "no-such-theme"}, "theme",
         "Выберите корректный вариант. Вашего варианта нет среди допустимых значений."),
        ({"state": "zzz"}, "state",
         "Выберите корректный вариант. Вашего варианта нет среди допустимых значений."),
        ({"language": "fr"}, "language",
         "Выберите корректный вариант. fr нет среди допустимых значений."),
        ({"sort": "title"}, "sort",
         "Выберите корректный вариант. title нет среди допустимых значений."),
        ({"date_from": "2024-06-01", "date_to": "2024-01-01"}, "date_to",
         "Дата окончания раньше даты начала."),
    ],
)
def test_invalid_filter_value_shows_a_translated_error(client, params, field, message):
    DocumentFactory()

    response = client.get(URL, params)

    assert response.status_code == 200
    assert response.context["listing"]["form"].errors[field] == [message]
    html = response.content.decode()
    assert message in html
    assert "Некоторые фильтры содержат недопустимые значения" in html
    assert list(response.context["listing"]["documents"]) == []


def test_out_of_range_page_shows_the_last_page(client):
    DocumentFactory.create_batch(21)

    response = client.get(URL, {"page": "99"})

    assert response.status_code == 200
    assert response.context["listing"]["page_obj"].number == 2


# --- Pagination keeps the filters ---------------------------------------------

def test_pagination_keeps_the_filters_in_the_url(client):
    DocumentFactory.create_batch(25, doc_type=DocumentType.REPORT, date=datetime.date(2024, 5, 1))
    DocumentFactory(doc_type=DocumentType.AGENDA, date=datetime.date(2024, 5, 1))

    first = client.get(URL, {"type": "report", "year": "2024"})

    assert 'href="?page=2&amp;type=report&amp;year=2024"' in first.content.decode()
    second = client.get(URL, {"page": "2", "type": "report", "year": "2024"})
    assert len(second.context["listing"]["documents"]) == 5
    assert {d.doc_type for d in second.context["listing"]["documents"]} == {DocumentType.REPORT}
    assert 'href="?page=1&amp;type=report&amp;year=2024"' in second.content.decode()


# --- Page chrome ----------------------------------------------------------------

def test_list_labels_every_filter_control(client):
    response = client.get(URL)

    html = response.content.decode()
    for control in ("id_q", "id_year", "id_date_from", "id_date_to", "id_theme", "id_state",
                    "id_language", "id_sort", "id_type_0"):
        assert f'for="{control}"' in html


def test_list_in_english(client):
    DocumentFactory(title_en="Report on labour migration")

    response = client.get("/en/archive/")

    html = response.content.decode()
    assert "<h1>Document archive</h1>" in html
    assert "Report on labour migration" in html
    assert '<label for="id_theme">Theme:</label>' in html


def test_list_links_to_its_feeds(client):
    response = client.get(URL)

    html = response.content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/ru/archive/feed/atom/"' in html


# --- Queries --------------------------------------------------------------------

@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow_with_documents(
    client, django_assert_num_queries, count
):
    theme = ThemeFactory()
    state = ParticipantStateFactory()
    for _ in range(count):
        document = DocumentFactory(themes=[theme], states=[state])
        DocumentFileFactory(document=document)

    # Counts per type (their sum is the paginator's count), the page, theme
    # choices, state choices.
    with django_assert_num_queries(4):
        response = client.get(URL)

    assert len(response.context["listing"]["documents"]) == min(count, 20)
    assert response.context["listing"]["paginator"].count == count


@pytest.mark.parametrize("count", [3, 30])
def test_search_query_count_does_not_grow_with_documents(
    client, django_assert_num_queries, count
):
    for _ in range(count):
        indexed(DocumentFactory(title_ru="Доклад о беженцах", summary_ru="Мигранты и беженцы."))

    # The same four, the page's ranking sorting ids and ranks only (on
    # PostgreSQL in one round trip with its planner setting) and then its
    # documents by id, and the page's files for the snippets.
    with django_assert_num_queries(6):
        response = client.get(URL, {"q": "беженцы"})

    assert len(response.context["listing"]["documents"]) == min(count, 20)
    assert response.context["listing"]["paginator"].count == count
