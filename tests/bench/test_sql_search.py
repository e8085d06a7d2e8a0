"""bench/sql_search.py: the archive search's statements, recorded from the
archive list view itself and sent again on the raw driver connection, find
what the page finds (the benchmark's "same query in direct SQL")."""

import pytest

from archive.enums import DocumentType
from archive.search import document_index
from bench import sql_search
from tests.factories.archive import DocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


@pytest.fixture
def archive(postgresql_only):
    """Two reports about refugees, one study about climate: indexed."""
    documents = [
        DocumentFactory(title_ru="Беженцы в регионе", doc_type=DocumentType.REPORT),
        DocumentFactory(title_ru="Защита беженцев", doc_type=DocumentType.REPORT),
        DocumentFactory(title_ru="Изменение климата", summary_ru="О засухе.",
                        summary_en="On drought.", doc_type=DocumentType.STUDY),
    ]
    for document in documents:
        document_index(document_id=document.pk)
    return documents


def _replayed_values(statements) -> set:
    """Every value of every row the statements return when sent again on
    the raw connection (the page's documents are read by the search, so
    their slugs are among them)."""
    from django.db import connection

    connection.ensure_connection()
    found = set()
    with connection.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement.sql, statement.params)
            if cursor.description is not None:
                found |= {value for row in cursor.fetchall() for value in row
                          if isinstance(value, str | int | float)}
    return found


def test_page_statements_of_a_search_find_what_the_page_lists(archive):
    refugees_a, refugees_b, climate = archive

    statements = sql_search.page_statements("/ru/archive/?q=беженцы")
    search = [s for s in statements if s.search]
    values = _replayed_values(search)

    assert [s for s in search if s.fallback] == []
    assert {refugees_a.slug, refugees_b.slug} <= values
    assert climate.slug not in values


def test_page_statements_leave_the_form_choices_out_of_the_search(archive):
    statements = sql_search.page_statements("/ru/archive/?q=беженцы")

    outside = [s for s in statements if not s.search]

    assert any('"archive_theme"' in s.sql for s in outside)
    assert not any('"archive_theme"' in s.sql for s in statements if s.search)


def test_page_statements_of_a_filtered_list_without_words(archive):
    refugees_a, refugees_b, climate = archive

    statements = sql_search.page_statements("/ru/archive/?type=study")
    values = _replayed_values([s for s in statements if s.search])

    assert climate.slug in values
    assert {refugees_a.slug, refugees_b.slug} & values == set()


def test_measure_gives_percentiles_over_every_round(archive):
    paths = ["/ru/archive/?q=беженцы", "/en/archive/?q=drought"]

    figures = sql_search.measure(paths, rounds=2)

    assert figures["urls"] == 2
    assert figures["samples"] == 4
    assert 0 < figures["p50"] <= figures["p95"] <= figures["max"]
    assert figures["all_p50"] >= figures["p50"]
    assert figures["search_statements_found_by"] == "DocumentListView.paginate_queryset"
