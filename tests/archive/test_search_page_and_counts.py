"""The archive list's page of results and its counts per type come from one
match of the search (``archive.search.ranked_page_and_counts``): the same
documents, ranks, order and counts as ranking and counting separately, on
PostgreSQL and on SQLite, for any page and any choice of types. Common
words on PostgreSQL are paged by tiers (``search_page_and_counts``): the
same page again, with fewer documents ranked."""

import datetime
import re

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from archive.enums import DocumentType, FileLanguage
from archive.models import Document
from archive.search import (
    document_index,
    documents_matching,
    documents_search,
    ranked_page_and_counts,
    ranked_page_ids,
    search_page_and_counts,
)
from tests.factories.archive import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

TYPES = [DocumentType.REPORT, DocumentType.STUDY, DocumentType.DECLARATION]


@pytest.fixture
def archive():
    """30 documents of three types: «беженцы» in some titles, some
    summaries and some texts (with different frequencies), on 10 dates (so
    rank and date ties both happen)."""
    for n in range(30):
        document = DocumentFactory(
            title_ru="Беженцы в регионе" if n % 5 == 0 else f"Доклад № {n}",
            summary_ru="О беженцах и мигрантах." if n % 3 == 0 else "О мигрантах.",
            doc_type=TYPES[n % 3],
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 10),
        )
        if n % 2:
            text = f"Текст {n}. " + "беженцы мигранты " * (n % 7 + 1)
            DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                                content=text.encode())
        document_index(document_id=document.pk)


def separately(query, types, offset, limit):
    ranked = documents_search(Document.objects.all(), query)
    if types:
        ranked = ranked.filter(doc_type__in=types)
    page = ranked_page_ids(ranked.order_by("-rank", "-date", "-pk"), offset=offset, limit=limit)
    counts = dict(documents_matching(Document.objects.all(), query).order_by()
                  .values_list("doc_type").annotate(n=Count("pk")))
    return [(pk, round(rank, 6)) for pk, rank in page], counts


@pytest.mark.parametrize(("query", "types", "offset"), [
    ("беженцы", None, 0),
    ("беженцы", None, 7),
    ("беженцы", {DocumentType.STUDY}, 0),
    ("беженцы", {DocumentType.STUDY, DocumentType.DECLARATION}, 3),
    ("мигранты беженцы", None, 0),
    ("мигранты -беженцы", None, 0),
    ("засуха", None, 0),
])
def test_page_and_counts_are_those_of_ranking_and_counting_apart(archive, query, types,
                                                                  offset):
    page, counts = ranked_page_and_counts(
        documents_search(Document.objects.all(), query), types=types, offset=offset, limit=8)

    assert ([(pk, round(rank, 6)) for pk, rank in page], counts) == separately(
        query, types, offset, 8)


def test_counts_cover_every_type_while_the_page_shows_the_chosen_one(archive):
    page, counts = ranked_page_and_counts(
        documents_search(Document.objects.all(), "беженцы"),
        types={DocumentType.DECLARATION}, offset=0, limit=20)

    assert set(counts) == set(TYPES)
    assert {Document.objects.get(pk=pk).doc_type for pk, _ in page} == {DocumentType.DECLARATION}
    assert len(page) == counts[DocumentType.DECLARATION]


# --- Common words, paged by tiers (PostgreSQL) -------------------------------

@pytest.fixture
def common_words(monkeypatch):
    """40 documents where every query word counts as common (the tier
    threshold lowered to one posting): «беженцы» and «права» in 14 titles
    (with «защита» in 5), in some summaries, in every text with different
    frequencies; 8 dates, 3 types."""
    monkeypatch.setattr("archive.search.list_page.TIERED_FROM_POSTINGS", 1)
    for n in range(40):
        if n % 3 == 0:
            title = "Защита прав беженцев" if n % 9 == 0 else "Права беженцев в регионе"
        else:
            title = f"Доклад № {n}"
        document = DocumentFactory(
            title_ru=title,
            summary_ru="О защите прав беженцев." if n % 4 == 0 else "О мигрантах.",
            doc_type=TYPES[n % 3],
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=n % 8),
        )
        text = (f"Текст {n}. " + "беженцы права мигранты " * (n % 5 + 1)
                + "защита " * (n % 3))
        DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                            content=text.encode())
        document_index(document_id=document.pk)


@pytest.mark.postgresql
@pytest.mark.parametrize(("query", "types", "offset", "limit"), [
    ("беженцы", None, 0, 8),             # the tier (14 titles) fills the page
    ("беженцы", None, 10, 8),            # deeper than the tier: ranked in full
    ("беженцы", {DocumentType.STUDY}, 0, 3),
    ("права беженцев", None, 0, 10),     # two words, both in 14 titles
    ("защита прав беженцев", None, 0, 3),  # three words (in 5 titles + text)
    ("защита прав беженцев", None, 0, 6),  # narrower than the page: the wider tier
    ("защита прав беженцев", None, 0, 10),  # both tiers narrower (5, 7): in full
    ("защита беженцев", {DocumentType.REPORT}, 0, 4),  # the wider tier, one type
    ("права беженцев", None, 10, 8),     # deeper than both tiers (14 titles): in full
    ("защита мигрантов", None, 0, 5),    # «мигранты» in no title: the wider tier
    ("беженцы -защита", None, 0, 5),
    ("беженцы беженцев беженцам", None, 0, 5),  # one word thrice
    ("мигранты", None, 0, 5),            # in no title: ranked in full
])
def test_a_page_of_common_words_is_the_page_of_the_full_ranking(common_words, query, types,
                                                                  offset, limit):
    page, counts = search_page_and_counts(Document.objects.all(), query, types=types,
                                          offset=offset, limit=limit)

    assert ([(pk, round(rank, 6)) for pk, rank in page], counts) == separately(
        query, types, offset, limit)


@pytest.mark.postgresql
def test_a_tier_that_decides_the_page_spares_the_full_ranking(common_words):
    """The first page of «беженцы» comes from the documents with the word in
    their title, counted in the same statement: one round trip. The page
    after the tier needs the full ranking: a second one."""
    search_page_and_counts(Document.objects.all(), "беженцы", types=None, offset=0, limit=8)

    with CaptureQueriesContext(connection) as first_page:
        search_page_and_counts(Document.objects.all(), "беженцы", types=None, offset=0,
                               limit=8)
    with CaptureQueriesContext(connection) as deep_page:
        search_page_and_counts(Document.objects.all(), "беженцы", types=None, offset=16,
                               limit=8)

    assert len(first_page.captured_queries) == 1
    assert len(deep_page.captured_queries) == 2


@pytest.mark.postgresql
def test_a_first_tier_too_narrow_for_the_page_is_widened_in_the_same_round_trip(common_words):
    """«защита прав беженцев» has all three words in 5 titles, too few for a
    page of 6; the matching documents with any of them in their title (7)
    decide it, still in one statement."""
    search_page_and_counts(Document.objects.all(), "защита прав беженцев", types=None,
                           offset=0, limit=6)

    with CaptureQueriesContext(connection) as sent:
        page, counts = search_page_and_counts(Document.objects.all(), "защита прав беженцев",
                                              types=None, offset=0, limit=6)

    assert len(sent.captured_queries) == 1
    assert ([(pk, round(rank, 6)) for pk, rank in page], counts) == separately(
        "защита прав беженцев", None, 0, 6)


@pytest.mark.postgresql
def test_the_wider_tier_weighs_the_text_only_of_documents_that_could_enter_the_page(
        monkeypatch):
    """«права беженцев»: both words in 3 titles (too few for a page of 5),
    «беженцы» alone in 30 more, 10 of which have «права» in their summary.
    Those 13 rank above the other 20 whatever their texts say, so only
    their texts are weighed (one probe a word), and the page is still the
    full ranking's."""
    monkeypatch.setattr("archive.search.list_page.TIERED_FROM_POSTINGS", 1)
    for n in range(40):
        title = ("Права беженцев" if n < 3 else "Беженцы в регионе" if n < 33
                 else f"Доклад № {n}")
        document = DocumentFactory(
            title_ru=title,
            summary_ru="О правах человека." if 3 <= n < 13 else "О мигрантах.",
            doc_type=TYPES[n % 3],
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n % 6),
        )
        text = f"Текст {n}. " + "беженцы права мигранты " * (n % 4 + 1)
        DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                            content=text.encode())
        document_index(document_id=document.pk)
    search_page_and_counts(Document.objects.all(), "права беженцев", types=None, offset=0,
                           limit=5)  # the words' frequencies cached
    with CaptureQueriesContext(connection) as sent:
        page, counts = search_page_and_counts(Document.objects.all(), "права беженцев",
                                              types=None, offset=0, limit=5)
    [statement] = [q["sql"] for q in sent.captured_queries]
    setting, statement = statement.split("; ", 1)
    with connection.cursor() as cursor:
        cursor.execute(setting)
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    probes = sum(int(loops) for loops in re.findall(
        r"on archive_documentterm\b.*loops=(\d+)", plan))

    assert ([(pk, round(rank, 6)) for pk, rank in page], counts) == separately(
        "права беженцев", None, 0, 5)
    assert probes == 2 * (3 + 13)  # the first tier's 3, the wider tier's 13 of 33
