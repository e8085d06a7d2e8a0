"""The demo states no invented fact unmarked (issue 24, items 6 and 7): its
membership history, chair terms and declined turns carry the mark
"illustrative" wherever a page shows them, Turkmenistan (named by no
founding text as a participant) appears on none of them, and records that
are not invented carry no mark."""

import datetime
import re

import pytest
from django.utils.html import strip_tags

from almaty_portal.services import demo_data_mark
from chairmanship import demo as chairmanship_demo
from chairmanship.models import Chairmanship
from membership import demo as membership_demo
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.membership import ParticipantStateFactory

# The current term and status depend on today's date.
pytestmark = [pytest.mark.django_db, pytest.mark.dates]

MARK = {"en": "illustrative", "ru": "условные данные"}
MARK_HTML = '<span class="illustrative"'


def _rows(html: str, section: str) -> list[str]:
    """The visible text of each body row of the table in ``section``."""
    part = html.split(f'aria-labelledby="{section}">', 1)[1].split("</section>", 1)[0]
    body = part.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"\s+", " ", strip_tags(row)).strip() for row in body.split("</tr>")[:-1]]


@pytest.fixture
def demo():
    membership_demo.load()
    chairmanship_demo.load()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_demo_chairmanship_page_marks_every_term_and_declined_turn(demo, client, lang):
    html = client.get(f"/{lang}/chairmanship/").content.decode()

    terms = _rows(html, "history-title")
    declined = _rows(html, "declined-title")
    current = html.split('aria-labelledby="current-title">', 1)[1].split("</section>", 1)[0]
    assert len(terms) == Chairmanship.objects.count()
    assert [row for row in terms + declined if MARK[lang] not in row] == []
    assert MARK[lang] in strip_tags(current)
    assert [name for name in ("Turkmenistan", "Туркменистан") if name in html] == []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_demo_states_list_and_pages_mark_the_invented_history(demo, client, lang):
    listing = client.get(f"/{lang}/states/").content.decode()
    iran = client.get(f"/{lang}/states/irn/").content.decode()
    rows = [re.sub(r"\s+", " ", strip_tags(row)).strip() for row in
            listing.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("</tr>")[:-1]]

    assert len(rows) == 8
    assert [row for row in rows if MARK[lang] not in row] == []
    # The state's page: its status, the date it joined, each period of its
    # history (pending, then participant) and each term it chaired.
    assert [row for row in _rows(iran, "history-title") if MARK[lang] not in row] == []
    assert [row for row in _rows(iran, "chair-title") if MARK[lang] not in row] == []
    assert strip_tags(iran.split("</dl>", 1)[0]).count(MARK[lang]) == 2
    assert [name for name in ("Turkmenistan", "Туркменистан") if name in listing] == []
    assert client.get(f"/{lang}/states/tkm/").status_code == 404


def test_demo_home_page_marks_the_current_chair_term(demo, client):
    html = client.get("/en/").content.decode()

    card = html.split('aria-labelledby="current-chair-title">', 1)[1].split("</section>", 1)[0]
    assert "Term:" in card
    assert MARK["en"] in strip_tags(card)


def test_recorded_facts_carry_no_mark(client):
    state = ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_en="Kazakhstan",
                                    participant_since=datetime.date(2013, 6, 5))
    ChairmanshipFactory(state=state, start=datetime.date(2013, 6, 5), basis="elected")

    pages = [client.get(url).content.decode()
             for url in ("/en/", "/en/chairmanship/", "/en/states/", "/en/states/kaz/")]

    assert [MARK_HTML in page for page in pages] == [False] * 4


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("all data shown here is illustrative", "membership history, chair terms",
            "except the texts of its founding documents", "marked “illustrative”")),
    ("ru", ("все данные на этом сайте", "сроки председательства",
            "кроме текстов его учредительных документов", "пометкой «условные данные»")),
])
def test_demo_notice_covers_all_data_but_the_founding_texts(client, lang, words,
                                                            django_capture_on_commit_callbacks):
    # It said "people, contacts, documents and meetings" only (issue 24, item 7).
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_mark()

    notice = client.get(f"/{lang}/about/").content.decode().split('class="message demo-notice"')[1]
    text = re.sub(r"\s+", " ", strip_tags(notice.split("</p>", 1)[0]))
    assert [word for word in words if word not in text] == []
