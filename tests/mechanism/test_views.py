"""The public pages of the Operational Mechanism: the text in force (today
or on a date), the versions, the comparison of two; in both languages, with
bad input answered by a clear error (400), never a server error."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel
from mechanism.models import MechanismParagraph
from tests.factories.archive import DocumentFactory
from tests.factories.mechanism import (
    MechanismParagraphFactory,
    MechanismVersionFactory,
    original_with_amendment,
)
from tests.factories.membership import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

D = datetime.date
# Noon in Almaty, 1 March 2026.
NOW = datetime.datetime(2026, 3, 1, 7, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def versions():
    return original_with_amendment()


def text_of(response) -> str:
    return response.content.decode()


def test_text_page_shows_the_amended_text_in_force_today_in_english(client, versions):
    response = client.get("/en/operational-mechanism/")
    html = text_of(response)

    assert response.status_code == 200
    assert "The text in force today: version 2" in html
    assert "The term of office will be 3 years." in html
    assert "The term of office will be 2 years." not in html
    assert "Observers may take part in all meetings." in html
    assert '<h2 id="p1">1. General</h2>' in html
    assert "To encourage cooperation." not in html


def test_text_page_in_russian_shows_the_russian_text(client, versions):
    html = text_of(client.get("/ru/operational-mechanism/"))

    assert "Срок полномочий будет составлять 3 года." in html
    assert '<h2 id="p1">1. Общие сведения</h2>' in html
    assert 'lang="en"' not in html.split('class="mechanism-text"')[1]


def test_text_page_links_the_amending_conference(client, versions):
    _original, amended = versions

    html = text_of(client.get("/en/operational-mechanism/"))

    assert f'href="{amended.outcome.meeting.get_absolute_url()}"' in html.replace("/ru/", "/en/")
    assert "Amendment of the Operational Mechanism" in html


def test_text_as_in_force_on_a_date_before_the_amendment_is_the_original(client, versions):
    response = client.get("/en/operational-mechanism/?on=2014-01-01")
    html = text_of(response)

    assert response.status_code == 200
    assert "As in force on 1 January 2014: version 1" in html
    assert "The term of office will be 2 years." in html
    assert "To encourage cooperation." in html
    assert "This text is not the one in force today." in html
    assert "from 4 June 2013 to 3 June 2015" in html


def test_text_on_the_day_an_amendment_comes_into_force_is_the_amended_one(client, versions):
    html = text_of(client.get("/en/operational-mechanism/?on=2015-06-04"))

    assert "As in force on 4 June 2015: version 2" in html


@pytest.mark.parametrize("value", ["2014-13-01", "yesterday", "01.02.2014", "2014-02-30"])
def test_a_bad_date_is_a_clear_error_not_a_server_error(client, versions, value):
    response = client.get(f"/en/operational-mechanism/?on={value}")
    html = text_of(response)

    assert response.status_code == 400
    assert "Enter the date as year-month-day, for example 2013-06-05." in html
    assert "The date could not be read, so no text is shown." in html
    assert f'value="{value}"' in html
    assert "The term of office" not in html


def test_a_bad_date_in_russian(client, versions):
    response = client.get("/ru/operational-mechanism/?on=вчера")

    assert response.status_code == 400
    # Needs the lead's catalogue merge.
    assert "Укажите дату в виде год-месяц-день, например 2013-06-05." in text_of(response)


def test_a_date_before_the_first_text_says_so(client, versions):
    response = client.get("/en/operational-mechanism/?on=2012-01-01")
    html = text_of(response)

    assert response.status_code == 200
    assert ("The Operational Mechanism was not yet in force on 1 January 2012: its first text "
            "came into force on 4 June 2013.") in html
    assert 'href="/en/operational-mechanism/?on=2013-06-04"' in html


def test_an_empty_date_shows_the_text_in_force_today(client, versions):
    html = text_of(client.get("/en/operational-mechanism/?on="))

    assert "The text in force today: version 2" in html


def test_without_any_version_the_page_says_so(client):
    response = client.get("/en/operational-mechanism/")

    assert response.status_code == 200
    assert "No text of the Operational Mechanism has been recorded yet." in text_of(response)


def test_a_paragraph_without_english_is_shown_in_russian_and_marked(client):
    version = MechanismVersionFactory()
    MechanismParagraphFactory(version=version, text_ru="Только по-русски.", text_en="")

    html = text_of(client.get("/en/operational-mechanism/"))

    assert ('<span lang="ru">Только по-русски.</span> <span class="badge badge--warn '
            'fallback-marker" lang="en">in Russian</span>') in html


def test_the_archive_document_is_linked_for_those_who_may_see_it(client):
    public = DocumentFactory(access=AccessLevel.PUBLIC, title_en="Operational Mechanism 2013")
    MechanismParagraphFactory(version=MechanismVersionFactory(document=public))

    html = text_of(client.get("/en/operational-mechanism/"))

    assert "Operational Mechanism 2013</a>" in html


def test_a_secretariat_document_is_not_linked_for_the_public(client):
    hidden = DocumentFactory(access=AccessLevel.SECRETARIAT, title_en="Internal copy")
    MechanismParagraphFactory(version=MechanismVersionFactory(document=hidden))

    public_page = text_of(client.get("/en/operational-mechanism/"))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    staff_page = text_of(client.get("/en/operational-mechanism/"))

    assert ("Internal copy" in public_page, "Internal copy" in staff_page) == (False, True)


# --- Versions ------------------------------------------------------------------------

def test_versions_page_lists_each_version_with_its_period_and_a_comparison(client, versions):
    html = text_of(client.get("/en/operational-mechanism/versions/"))

    assert "2 versions" in html
    assert "from 4 June 2013 to 3 June 2015" in html
    assert "from 4 June 2015" in html
    assert "in force today" in html
    assert ('href="/en/operational-mechanism/compare/?from=2013-06-04&amp;to=2015-06-04">'
            "Compare with version 1</a>") in html


def test_versions_page_in_russian(client, versions):
    response = client.get("/ru/operational-mechanism/versions/")

    assert response.status_code == 200
    assert "4 июня 2013" in text_of(response)


# --- Comparison ----------------------------------------------------------------------

def test_comparison_marks_additions_deletions_and_changes_in_words_and_markup(client, versions):
    response = client.get("/en/operational-mechanism/compare/?from=2013-06-04&to=2015-06-04")
    html = text_of(response)

    assert response.status_code == 200
    assert "Version 1 compared with version 2" in html
    assert "1 paragraph added" in html
    assert "1 paragraph deleted" in html
    assert "1 paragraph changed" in html
    assert ('<strong class="diff-marker">Deleted:</strong> <del>2) To encourage cooperation.'
            "</del>") in html
    assert ('<strong class="diff-marker">Changed. Before:</strong> <del>The term of office will '
            "be 2 years.</del>") in html
    assert ('<strong class="diff-marker">After:</strong> <ins>The term of office will be 3 '
            "years.</ins>") in html
    assert ('<strong class="diff-marker">Added:</strong> <ins>Observers may take part in all '
            "meetings.</ins>") in html
    assert '<p class="diff-same"><strong>General</strong>' not in html
    assert '<p class="diff-same">1. <strong>General</strong>' in html


def test_comparison_in_russian_compares_the_russian_text(client, versions):
    html = text_of(client.get("/ru/operational-mechanism/compare/?from=2013-06-04&to=2015-06-04"))

    assert "<del>Срок полномочий будет составлять 2 года.</del>" in html
    assert "<ins>Срок полномочий будет составлять 3 года.</ins>" in html


def test_comparison_asked_in_reverse_order_still_reads_from_the_earlier(client, versions):
    html = text_of(client.get("/en/operational-mechanism/compare/?from=2015-06-04&to=2013-06-04"))

    assert "Version 1 compared with version 2" in html
    assert "<del>The term of office will be 2 years.</del>" in html


def test_comparison_by_default_is_the_last_amendment(client, versions):
    html = text_of(client.get("/en/operational-mechanism/compare/"))

    assert "Version 1 compared with version 2" in html


@pytest.mark.parametrize(("language", "message"), [
    ("en", "Choose two different versions: a version compared with itself shows no change."),
    # Needs the lead's catalogue merge.
    ("ru", ("Выберите две разные редакции: редакция, сравниваемая сама с собой, не показывает "
           "изменений.")),
])
def test_comparing_a_version_with_itself_is_refused(client, versions, language, message):
    response = client.get(
        f"/{language}/operational-mechanism/compare/?from=2015-06-04&to=2015-06-04")
    html = text_of(response)

    assert response.status_code == 400
    assert message in html
    assert "diff-marker" not in html
    assert '<option value="2015-06-04" selected>' in html


def test_comparing_an_unknown_version_is_refused(client, versions):
    response = client.get("/en/operational-mechanism/compare/?from=1999-01-01&to=2015-06-04")

    assert response.status_code == 400
    assert "Select a valid choice." in text_of(response)


def test_comparison_with_a_single_version_says_there_is_nothing_to_compare(client):
    MechanismParagraphFactory(version=MechanismVersionFactory())

    response = client.get("/en/operational-mechanism/compare/")

    assert response.status_code == 200
    assert ("Only one version of the text has been recorded: there is nothing to compare yet."
            in text_of(response))


# --- Queries -------------------------------------------------------------------------

def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _grow(versions, count: int) -> None:
    for version in versions:
        last = version.paragraphs.order_by("-position").first().position
        MechanismParagraph.objects.bulk_create([
            MechanismParagraph(version=version, position=last + n, text_ru=f"Абзац {n}",
                               text_en=f"Paragraph {n}", text=f"Абзац {n}")
            for n in range(1, count + 1)
        ])


@pytest.mark.parametrize("url", [
    "/en/operational-mechanism/", "/en/operational-mechanism/?on=2014-01-01",
    "/en/operational-mechanism/versions/",
    "/en/operational-mechanism/compare/?from=2013-06-04&to=2015-06-04",
])
def test_queries_do_not_grow_with_the_text(client, versions, url):
    document = DocumentFactory(access=AccessLevel.PUBLIC)
    for version in versions:
        version.document = document
        version.save()
    small = _queries(client, url)
    _grow(versions, 60)

    assert _queries(client, url) == small


def test_sitemap_lists_the_text_and_its_versions_in_both_languages(client, versions):
    xml = client.get("/sitemap-mechanism.xml").content.decode()

    assert [f"http://testserver/{lang}/operational-mechanism/{page}" in xml
            for lang in ("ru", "en") for page in ("", "versions/")] == [True] * 4


def test_sitemap_is_empty_without_a_text(client):
    assert "operational-mechanism" not in client.get("/sitemap-mechanism.xml").content.decode()


def test_an_outcome_the_visitor_may_not_see_is_not_described(client, versions):
    _original, amended = versions
    outcome = amended.outcome
    outcome.access = AccessLevel.SECRETARIAT
    outcome.save()

    html = text_of(client.get("/en/operational-mechanism/"))
    versions_page = text_of(client.get("/en/operational-mechanism/versions/"))

    assert "Amendment of the Operational Mechanism" not in html + versions_page
    assert outcome.meeting.title_en in html


def test_comparison_with_a_single_version_offers_no_form(client):
    MechanismParagraphFactory(version=MechanismVersionFactory())

    html = text_of(client.get("/en/operational-mechanism/compare/"))

    assert '<select name="from"' not in html
