"""The archive search page, pinned: for a fixed small archive and a dozen
searches (Russian and English pages, phrases, exclusions, unknown words,
filters, sorting, the second page, a signed-in secretariat member) and the
list without a search, the
page's <title> and <main> must stay byte for byte what they were when the
page was made fast (issue 11): the results, their order, snippets and
marks, the counts per type and the filter form. Runs of white space count
as one space (as in the browser), so templates may be laid out anew.

The expected pages are the files in ``render_pins/``. After a deliberate
change of what the page shows, rewrite them with
``ARCHIVE_PIN_UPDATE=1 pytest tests/archive/views/test_search_page_render.py``
and read the diff before committing it."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest

from archive.enums import AccessLevel, DocumentType, FileLanguage
from archive.models import Document
from tests.archive.views.conftest import indexed
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

PINS = Path(__file__).parent / "render_pins"

FILLER_RU = (
    "Совещание старших должностных лиц рассмотрело ход выполнения плана действий, "
    "обсудило вопросы сотрудничества государств региона и подготовку следующей "
    "конференции министров. "
)
FILLER_EN = (
    "The senior officials' meeting reviewed the implementation of the action plan, "
    "discussed cooperation among the states of the region and the preparation of the "
    "next ministerial conference. "
)


def _text(*parts: str) -> bytes:
    return "".join(parts).encode()


@pytest.fixture
def pinned_archive():
    """Twenty-four documents: six written for the searches below, and
    eighteen short notes that give «беженцы» a second page."""
    kaz = ParticipantStateFactory(iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan")
    ParticipantStateFactory(iso3="KGZ", name_ru="Кыргызстан", name_en="Kyrgyzstan")
    protection = ThemeFactory(slug="protection", name_ru="Защита беженцев",
                              name_en="Refugee protection", position=1)
    ThemeFactory(slug="labour", name_ru="Трудовая миграция", name_en="Labour migration",
                 position=2)

    framework = DocumentFactory(
        slug="framework", title_ru="Рамочная программа регионального сотрудничества",
        title_en="Regional Cooperation Framework", doc_type=DocumentType.ACTION_PLAN,
        summary_ru="Программа сотрудничества по защите беженцев и трудовых мигрантов.",
        summary_en="A programme of cooperation on refugee protection and migrant workers.",
        date=datetime.date(2021, 3, 4), reference="AP/2021/1", themes=[protection],
        states=[kaz],
    )
    DocumentFileFactory(document=framework, language=FileLanguage.RUSSIAN, content=_text(
        FILLER_RU * 3,
        "Права трудовых мигрантов и членов их семей защищаются в каждом государстве. ",
        FILLER_RU * 2,
        "Беженцы и лица, ищущие убежища, получают доступ к процедурам; защита беженцев "
        "остаётся общей ответственностью. Мигрантов не высылают без решения суда. ",
        FILLER_RU * 4,
    ))
    DocumentFileFactory(document=framework, language=FileLanguage.ENGLISH, content=_text(
        FILLER_EN * 2,
        "Migrant workers and members of their families are protected; refugees have "
        "access to asylum procedures. ",
        FILLER_EN * 3,
    ))
    mechanism = DocumentFactory(
        slug="mechanism", title_ru="Операционный механизм Алматинского процесса",
        title_en="Operational Mechanism of the Almaty Process",
        doc_type=DocumentType.DECLARATION, summary_ru="Правила работы процесса.",
        summary_en="The rules of the process.", date=datetime.date(2019, 11, 20),
    )
    DocumentFileFactory(document=mechanism, language=FileLanguage.OTHER, content=_text(
        FILLER_RU * 5,
        "Служба поддержки готовит доклады о трудовой миграции и о беженцах. ",
        FILLER_RU,
    ))
    untranslated = DocumentFactory(
        slug="untranslated", title_ru="", summary_ru="",
        title_en="Smuggling of migrants: a regional review",
        summary_en="Smuggled migrants and the routes they take.",
        doc_type=DocumentType.REPORT, date=datetime.date(2023, 6, 1),
    )
    DocumentFileFactory(document=untranslated, language=FileLanguage.ENGLISH, content=_text(
        FILLER_EN * 4,
        "Smuggling networks move migrants across borders; smugglers charge high fees. ",
        FILLER_EN * 2,
    ))
    DocumentFactory(
        slug="no-file", title_ru="Записка о пограничном контроле",
        title_en="Note on border control", summary_ru="Пограничный контроль и беженцы.",
        summary_en="Border control and refugees.", doc_type=DocumentType.OTHER,
        date=datetime.date(2024, 2, 29),
    )
    restricted = DocumentFactory(
        slug="restricted", title_ru="Доклад Службы поддержки о беженцах",
        title_en="Support Unit report on refugees", access=AccessLevel.SECRETARIAT,
        doc_type=DocumentType.REPORT, date=datetime.date(2025, 1, 10),
        summary_ru="Внутренний доклад.", summary_en="An internal report.",
    )
    DocumentFileFactory(document=restricted, language=FileLanguage.RUSSIAN, content=_text(
        "Беженцев в регионе стало больше; " * 20, FILLER_RU,
    ))
    almaty = DocumentFactory(
        slug="almaty-conference", title_ru="Алматинская конференция министров",
        title_en="Almaty ministerial conference", doc_type=DocumentType.DECLARATION,
        summary_ru="Итоги конференции в Алматы.", summary_en="Outcomes of the conference.",
        date=datetime.date(2022, 9, 15), states=[kaz],
    )
    DocumentFileFactory(document=almaty, language=FileLanguage.RUSSIAN, content=_text(
        FILLER_RU * 2, "Алматинская декларация о защите беженцев <и> мигрантов & их прав. ",
        FILLER_RU,
    ))
    for n in range(18):
        note = DocumentFactory(
            slug=f"note-{n:02d}", title_ru=f"Информационная записка № {n}",
            title_en=f"Information note no. {n}", doc_type=DocumentType.OTHER,
            summary_ru="", summary_en="", date=datetime.date(2020, 1, 1 + n),
        )
        DocumentFileFactory(document=note, language=FileLanguage.RUSSIAN,
                            content=_text(f"Записка {n}. ", FILLER_RU * (n % 3),
                                          "Беженцы прибывают. ", FILLER_RU))
    for document in Document.objects.all():
        indexed(document)


SEARCHES = [
    ("refugees-ru", "/ru/archive/", {"q": "беженцы"}, None),
    ("refugees-ru-page-2", "/ru/archive/", {"q": "беженцы", "page": "2"}, None),
    ("two-words-ru", "/ru/archive/", {"q": "трудовых мигрантов"}, None),
    ("migrants-en", "/en/archive/", {"q": "migrants"}, None),
    ("smuggling-en", "/en/archive/", {"q": "smuggling"}, None),
    ("phrase-ru", "/ru/archive/", {"q": '"защита беженцев"'}, None),
    ("excluded-ru", "/ru/archive/", {"q": "беженцы -записка"}, None),
    ("unknown-prefix-ru", "/ru/archive/", {"q": "алматин"}, None),
    ("filtered-newest-ru", "/ru/archive/",
     {"q": "мигрантов", "type": ["action_plan", "report"], "sort": "newest",
      "theme": "protection"}, None),
    ("state-year-ru", "/ru/archive/", {"q": "беженцы", "state": "kaz", "year": "2021"}, None),
    ("nothing-ru", "/ru/archive/", {"q": "землетрясение"}, None),
    ("invalid-ru", "/ru/archive/", {"q": "беженцы", "year": "двадцать"}, None),
    ("invalid-choices-ru", "/ru/archive/",
     {"q": "беженцы", "theme": "no-such-theme", "date_from": "2024-13-45", "type": "memo",
      "language": "xx", "sort": "best"}, None),
    ("dates-language-ru", "/ru/archive/",
     {"q": "беженцы", "date_from": "2020-01-05", "date_to": "2024-12-31",
      "language": "ru-only", "state": "KAZ", "type": "declaration"}, None),
    ("staff-ru", "/ru/archive/", {"q": "беженцы"}, "staff"),
    ("stop-word-ru", "/ru/archive/", {"q": "и"}, None),
    ("only-excluded-ru", "/ru/archive/", {"q": "-беженцы"}, None),
    # The list without a search: summaries instead of snippets.
    ("browse-ru", "/ru/archive/", {}, None),
    ("browse-en-page-2", "/en/archive/", {"page": "2"}, None),
    ("browse-oldest-en", "/en/archive/", {"sort": "oldest", "type": ["report", "declaration"]},
     "staff"),
]

PIECES = re.compile(r"<title>.*?</title>|<main\b.*?</main>", re.S)


def _pinned_part(html: str) -> str:
    return "\n".join(PIECES.findall(html)) + "\n"


def _collapsed(html: str) -> str:
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize(("name", "url", "params", "who"), SEARCHES,
                         ids=[s[0] for s in SEARCHES])
def test_search_page_renders_as_pinned(client, pinned_archive, name, url, params, who):
    if who == "staff":
        client.force_login(StaffUserFactory())

    response = client.get(url, params)

    assert response.status_code == 200
    shown = _pinned_part(response.content.decode())
    pin = PINS / f"{name}.html"
    if os.environ.get("ARCHIVE_PIN_UPDATE"):
        PINS.mkdir(exist_ok=True)
        pin.write_text(shown, encoding="utf-8")
    assert _collapsed(shown) == _collapsed(pin.read_text(encoding="utf-8"))


# Not "page": that name is Playwright's fixture, and parametrizing it pulls
# the browser's session-scoped parameters into these tests, which then makes
# pytest regroup the whole suite around them (the browser tests' database
# flushes ran before the content app's tests).
@pytest.mark.parametrize(("page_number", "shown_as"), [
    ("99", "refugees-ru-page-2"),  # past the end: the last page
    ("0", "refugees-ru-page-2"),  # as Django's get_page: the last page
    ("abc", "refugees-ru"),  # not a number: the first page
    ("1", "refugees-ru"),
])
def test_search_page_out_of_range_shows_the_nearest_page(client, pinned_archive, page_number,
                                                         shown_as):
    response = client.get("/ru/archive/", {"q": "беженцы", "page": page_number})

    assert response.status_code == 200
    assert _collapsed(_pinned_part(response.content.decode())) == _collapsed(
        (PINS / f"{shown_as}.html").read_text(encoding="utf-8")
    )
