"""The archive list's page of results and its counts per type come from one
match of the search (``archive.search.ranked_page_and_counts``): the same
documents, ranks, order and counts as ranking and counting separately, on
PostgreSQL and on SQLite, for any page and any choice of types."""

import datetime

import pytest
from django.db.models import Count

from archive.enums import DocumentType, FileLanguage
from archive.models import Document
from archive.search import (
    document_index,
    documents_matching,
    documents_search,
    ranked_page_and_counts,
    ranked_page_ids,
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
