"""Archive search: any grammatical form finds the others, in both languages,
on PostgreSQL and on the SQLite fallback; ranking; snippets.

Tests without a marker run on both databases (the lead runs the suite twice);
``postgresql`` tests prove what only the tsvector path does."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from archive.enums import FileLanguage
from archive.models import Document, DocumentTerm
from archive.search import (
    document_index,
    documents_reindex,
    documents_search,
    parse_query,
    snippet,
)
from tests.factories.archive import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def make(title_ru="", title_en="", summary_ru="", summary_en="", files=()):
    """A published document, indexed, with the given texts; ``files`` are
    (language, text) pairs stored as plain-text files."""
    document = DocumentFactory(title_ru=title_ru, title_en=title_en,
                               summary_ru=summary_ru, summary_en=summary_en)
    for language, text in files:
        DocumentFileFactory(document=document, language=language, content=text.encode())
    document_index(document_id=document.pk)
    document.refresh_from_db()
    return document


def found(query, queryset=None):
    queryset = Document.objects.all() if queryset is None else queryset
    return list(documents_search(queryset, query).order_by("-rank", "pk"))


# --- Word forms -----------------------------------------------------------------

RUSSIAN_FORMS = [
    ["беженец", "беженца", "беженцев", "беженцам", "беженцами", "беженцы"],
    ["мигрант", "мигрантов", "мигрантам"],
    ["трудовой", "трудовая", "трудовых"],
    ["Алматинский", "алматинского"],
    ["миграция", "миграции", "миграцией"],
    ["ребёнок", "ребенка", "ребёнку"],
]
FORM_PAIRS = [
    (indexed, searched)
    for forms in RUSSIAN_FORMS
    for indexed in forms
    for searched in forms
]


@pytest.mark.parametrize(("indexed", "searched"), FORM_PAIRS)
def test_search_any_russian_form_finds_every_other_form(indexed, searched):
    document = make(title_ru=f"Доклад: {indexed} в регионе")
    make(title_ru="Совсем другой документ о торговле")

    assert found(searched) == [document]


@pytest.mark.parametrize(("indexed", "searched"), [
    ("migrant", "migrants"), ("migrants", "migrant"),
    ("refugee", "refugees"), ("refugees", "refugee"),
])
def test_search_english_singular_and_plural_find_each_other(indexed, searched):
    document = make(title_en=f"Protection of {indexed} in the region")
    make(title_en="Trade facilitation")

    assert found(searched) == [document]


ENGLISH_FORMS = [
    ["smuggling", "smuggled", "smuggle", "smuggles"],
    ["smuggler", "smugglers"],
    ["trafficking", "trafficked", "traffickers"],
    ["protection", "protected", "protecting"],
    ["deportation", "deported", "deporting"],
    ["country", "countries"],
]
ENGLISH_FORM_PAIRS = [
    (indexed, searched)
    for forms in ENGLISH_FORMS
    for indexed in forms
    for searched in forms
]


@pytest.mark.parametrize(("indexed", "searched"), ENGLISH_FORM_PAIRS)
def test_search_any_english_form_finds_every_other_form(indexed, searched):
    # Snowball's English stemmer on both databases (PostgreSQL's "english"
    # configuration; archive.search.words on SQLite).
    document = make(title_en=f"Report: {indexed} in the region",
                    files=[(FileLanguage.ENGLISH, f"Cases of {indexed} were reported.")])
    make(title_en="Trade facilitation", files=[(FileLanguage.ENGLISH, "Customs and tariffs.")])

    assert found(searched) == [document]


def test_search_smuggling_finds_smuggled_in_russian_document_text():
    document = make(title_ru="Доклад",
                    files=[(FileLanguage.RUSSIAN, "Мигранты, smuggled через границу.")])

    assert found("smuggling") == [document]


def test_search_rank_finds_english_title_in_another_form():
    document = make(title_en="Smuggled migrants", summary_en="Overview.")

    results = documents_search(Document.objects.all(), "smuggling")

    assert [(d, round(d.rank, 2)) for d in results] == [(document, 1.0)]


def test_search_finds_word_in_file_text():
    document = make(title_ru="Доклад",
                    files=[(FileLanguage.RUSSIAN, "Права беженцев и мигрантов.")])

    assert found("беженцы мигрант") == [document]


def test_search_finds_word_in_english_file_text():
    document = make(title_en="Report", files=[(FileLanguage.ENGLISH, "Rights of refugees.")])

    assert found("refugee") == [document]


def test_search_requires_every_word():
    both = make(title_ru="Беженцы и мигранты")
    make(title_ru="Беженцы в регионе")

    assert found("беженец мигрант") == [both]


def test_search_words_may_match_in_different_languages():
    document = make(title_ru="Доклад о беженцах", summary_en="Labour migrants in Central Asia.")
    make(title_ru="Доклад о беженцах")

    assert found("беженцы migrants") == [document]


def test_search_finds_english_words_inside_russian_text():
    document = make(title_ru="Доклад МОМ", files=[
        (FileLanguage.RUSSIAN, "Проект IOM поддерживает labour migrants в Казахстане."),
    ])

    assert found("migrant IOM") == [document]


def test_search_ignores_case_and_yo():
    document = make(title_ru="ЁЛКИ и Ещё МИГРАНТЫ")

    assert found("елка мигранты") == [document]
    assert found("ЁЛКА") == [document]


def test_search_truncated_word_finds_longer_word():
    document = make(title_ru="Алматинский процесс")

    assert found("алматин") == [document]


def test_search_digits_find_year():
    document = make(title_ru="План действий на 2024 год")
    make(title_ru="План действий на 2023 год")

    assert found("2024") == [document]


def test_search_without_match_is_empty():
    make(title_ru="Беженцы", title_en="Refugees")

    assert found("торговля") == []


def test_search_blank_query_returns_queryset_with_zero_rank():
    first, second = make(title_ru="Один"), make(title_ru="Два")

    results = documents_search(Document.objects.order_by("pk"), "  ")

    assert [(d, d.rank) for d in results] == [(first, 0.0), (second, 0.0)]


def test_search_stop_words_alone_return_queryset_unchanged():
    document = make(title_ru="Беженцы")

    assert [d.rank for d in documents_search(Document.objects.all(), "и в the")] == [0.0]
    assert found("и в the") == [document]


def test_search_with_only_excluded_word_keeps_the_others():
    kept = make(title_ru="Беженцы в Казахстане")
    make(title_ru="Беженцы и мигранты")

    assert found("-мигранты") == [kept]


def test_search_keeps_queryset_filters():
    public = make(title_ru="Беженцы")
    hidden = make(title_ru="Беженцы")

    assert found("беженцы", Document.objects.exclude(pk=hidden.pk)) == [public]


def test_search_excludes_minus_word():
    kept = make(title_ru="Беженцы в Казахстане")
    make(title_ru="Беженцы и мигранты")

    assert found("беженцы -мигранты") == [kept]


def test_search_quoted_phrase_needs_words_together():
    together = make(title_ru="Трудовые мигранты из Таджикистана")
    make(title_ru="Трудовое законодательство; мигранты")

    assert found('"трудовой мигрант"') == [together]


def test_search_ranks_title_match_above_body_match():
    in_body = make(title_ru="Доклад о торговле", files=[
        (FileLanguage.RUSSIAN, "В докладе упомянуты беженцы. " + "Торговля растёт. " * 20),
    ])
    in_title = make(title_ru="Беженцы в регионе", files=[
        (FileLanguage.RUSSIAN, "Текст о положении дел. " * 20),
    ])

    assert found("беженцы") == [in_title, in_body]


def test_search_ranks_english_title_match_above_summary_match():
    in_summary = make(title_en="Annual report", summary_en="It mentions refugees.")
    in_title = make(title_en="Refugees in the region", summary_en="An overview.")

    assert found("refugee") == [in_title, in_summary]


def test_document_index_reflects_changed_title():
    document = make(title_ru="Беженцы")
    Document.objects.filter(pk=document.pk).update(title_ru="Мигранты")

    document_index(document_id=document.pk)

    assert found("беженцы") == []
    assert found("мигрант") == [document]


def test_document_index_of_missing_document_does_nothing():
    document_index(document_id=999_999)

    assert Document.objects.count() == 0


def test_document_index_fills_plain_text_with_folded_lemmas():
    document = make(title_ru="Беженцы", title_en="Refugees", summary_ru="ТРУДОВЫХ мигрантов")

    # English words are Snowball stems, as PostgreSQL's "english" configuration has them.
    assert document.search_plain == " беженец refuge \n трудовой мигрант \t  "


@pytest.mark.postgresql
def test_document_index_fills_both_vectors(postgresql_only):
    document = make(title_ru="Беженцы", title_en="Refugees")

    assert (document.search_ru, document.search_en) == ("'беженец':1A", "'refuge':1A")


def test_archive_reindex_indexes_every_document():
    documents = DocumentFactory.create_batch(3, title_ru="Беженцы")

    out = io.StringIO()

    call_command("archive_reindex", "--batch-size", "2", stdout=out)

    lines = out.getvalue().splitlines()
    assert found("беженец") == documents
    assert lines[:2] == ["Indexed 2/3 documents", "Indexed 3/3 documents"]
    assert lines[2].startswith("Reindexed 3 documents in ")


@pytest.mark.parametrize(("share", "pauses"), [(0.25, 2), (1.0, 0)])
def test_bulk_indexing_pauses_after_each_batch_for_its_share(settings, monkeypatch, share,
                                                            pauses):
    """At a share of 0.25 each batch is followed by a pause three times as
    long as the batch took (the database busy a quarter of the time); at 1,
    none. The documents are indexed either way."""
    settings.ARCHIVE_BULK_INDEX_SHARE = share
    documents = DocumentFactory.create_batch(3, title_ru="Беженцы")
    batches, slept = [], []
    monkeypatch.setattr("archive.search.indexing.time.sleep", slept.append)

    documents_reindex(batch_size=2, progress=lambda done, total: batches.append(done))

    assert found("беженец") == documents
    assert len(slept) == pauses == len(batches) * (share < 1)
    assert all(pause > 0 for pause in slept)


# --- Query parsing --------------------------------------------------------------

def test_parse_query_lemmatises_and_drops_stop_words():
    clauses = parse_query('Беженцы и "трудовых мигрантов" -торговли')

    assert [(c.lemmas, c.negated) for c in clauses] == [
        (("беженец",), False),
        (("трудовой", "мигрант"), False),
        (("торговля",), True),
    ]


# --- Snippets ------------------------------------------------------------------

def test_snippet_marks_every_form_of_the_word():
    document = make(title_ru="Доклад", summary_ru="Беженцы и беженцев, а также мигрантам.")

    assert snippet(document=document, query="беженец", language="ru") == (
        "<mark>Беженцы</mark> и <mark>беженцев</mark>, а также мигрантам."
    )


def test_snippet_marks_english_plural():
    document = make(title_en="Report", summary_en="Refugees & migrants <b>now</b>.")

    assert snippet(document=document, query="refugee", language="en") == (
        "<mark>Refugees</mark> &amp; migrants &lt;b&gt;now&lt;/b&gt;."
    )


def test_snippet_marks_other_english_forms():
    document = make(title_en="Report", summary_en="Smugglers smuggled migrants; smuggling grows.")

    # Words that begin with the stem are marked too, as in other languages' snippets.
    assert snippet(document=document, query="smuggling", language="en") == (
        "<mark>Smugglers</mark> <mark>smuggled</mark> migrants; <mark>smuggling</mark> grows."
    )


def test_snippet_escapes_title_with_script():
    document = make(title_ru="<script>alert(1)</script> Беженцы")

    assert snippet(document=document, query="беженцы", language="ru") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Беженцы</mark>"
    )


def test_snippet_picks_window_with_most_terms_from_long_text():
    text = ("Вступление. " * 50 + "Здесь мигранты. " + "Середина. " * 50
            + "Беженцы и мигранты вместе. " + "Конец. " * 50)
    document = make(title_ru="Доклад", files=[(FileLanguage.RUSSIAN, text)])

    result = snippet(document=document, query="беженцы мигранты", language="ru", length=60)

    assert "<mark>Беженцы</mark> и <mark>мигранты</mark> вместе." in result
    assert result.startswith("…")
    assert result.endswith("…")
    assert len(result.replace("<mark>", "").replace("</mark>", "")) <= 62


def test_snippet_without_match_is_opening_of_summary():
    document = make(title_ru="Доклад", summary_ru="Краткое содержание.")

    assert snippet(document=document, query="торговля", language="ru") == "Краткое содержание."


def test_snippet_of_document_without_text_is_empty():
    document = make(title_ru="", title_en="")

    assert snippet(document=document, query="беженцы", language="en") == ""


# --- Ranking ---------------------------------------------------------------------

def test_search_rank_is_title_then_summary_then_text():
    in_text = make(title_ru="Доклад", files=[(FileLanguage.RUSSIAN, "О беженцах.")])
    in_summary = make(title_ru="Обзор", summary_ru="Положение беженцев.")
    in_title = make(title_ru="Беженцы в регионе")

    results = list(documents_search(Document.objects.all(), "беженец").order_by("-rank", "pk"))

    assert results == [in_title, in_summary, in_text]
    assert [round(d.rank, 2) for d in results[:2]] == [1.0, 0.4]
    # The text adds its weight to 0.2, and stays below a summary's 0.4.
    assert 0.2 < results[2].rank < 0.4


def test_search_rank_adds_up_over_words():
    both_in_title = make(title_ru="Трудовые мигранты", summary_ru="Обзор.")
    one_in_title = make(title_ru="Мигранты", summary_ru="Трудовая миграция и трудовые права.")

    results = documents_search(Document.objects.all(), "трудовой мигрант").order_by("-rank")

    assert [(d, round(d.rank, 2)) for d in results] == [(both_in_title, 2.0), (one_in_title, 1.4)]


def test_search_rank_finds_title_written_with_yo():
    make(title_ru="Права ребёнка", summary_ru="Обзор.")

    assert [round(d.rank, 2) for d in documents_search(Document.objects.all(), "ребенок")] == [1.0]


def test_search_rank_finds_english_title_in_plural():
    document = make(title_en="Countries of origin", summary_en="Overview.")

    results = documents_search(Document.objects.all(), "country")

    assert [(d, round(d.rank, 2)) for d in results] == [(document, 1.0)]


def test_search_other_language_file_is_searched_with_russian():
    document = make(title_ru="Документ", files=[(FileLanguage.OTHER, "Мигранттар мен босқындар.")])

    assert found("мигранттар") == [document]


def test_search_query_with_syntax_characters_is_taken_as_words():
    document = make(title_ru="Беженцы и мигранты")

    assert found("беженцы & (мигранты) | !: * ' \\ <->") == [document]
    assert found("&|!:*()'") == [document]


def test_search_is_lazy_once_term_frequencies_are_known(django_assert_num_queries):
    make(title_ru="Беженцы")
    query = "беженцы -мигранты \"трудовой\""
    with django_assert_num_queries(1):  # the words' document frequencies, and N
        documents_search(Document.objects.all(), query)

    with django_assert_num_queries(0):
        results = documents_search(Document.objects.all(), query)
    with django_assert_num_queries(1):
        list(results)


def test_search_ranks_with_frequencies_of_the_current_index():
    """The words' document frequencies are cached until anything is
    indexed: a document indexed since counts in the very next search, whose
    ranks are those of a search with nothing cached."""
    about = make(title_ru="Доклад", files=[(FileLanguage.RUSSIAN, "засуха и беженцы " * 5)])
    before = rank_of(about, "засуха")

    make(title_ru="Ещё доклад", files=[(FileLanguage.RUSSIAN, "засуха " * 5)])
    after = rank_of(about, "засуха")
    cache.clear()

    assert after == rank_of(about, "засуха")
    assert after != before


def rank_of(document, query):
    return documents_search(Document.objects.filter(pk=document.pk), query).get().rank


def test_document_index_caps_distinct_words_of_huge_text(settings):
    words = " ".join(f"w{n}" for n in range(26_000))
    document = make(title_ru="Приложение", files=[(FileLanguage.RUSSIAN, words)])

    assert found("w10") == [document]
    assert found("w24999") == [document]
    assert found("w25500") == ([] if settings.DATABASES["default"]["ENGINE"].endswith(
        "postgresql") else [document])


@pytest.mark.postgresql
@pytest.mark.parametrize(("query", "index"), [
    ("беженцы", "archive_doc_search_ru_gin"),
    ("refugees", "archive_doc_search_en_gin"),
    ("беженцы", "archive_doc_title_words_gin"),
    ("беженцы", "archive_doc_summary_words_gin"),
])
def test_search_query_can_use_gin_index(postgresql_only, query, index):
    """The expressions of the search must stay those of migration 0002."""
    make(title_ru="Беженцы", title_en="Refugees")
    page = documents_search(Document.objects.all(), query).order_by("-rank")[:20]
    sql, params = page.query.sql_with_params()

    with connection.cursor() as cursor:
        # One row: only forbidding the other scans shows that the index fits
        # (what the planner picks at scale is the next test's concern).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"Bitmap Index Scan on {index}" in plan


def test_archive_reindex_takes_document_ids():
    first, second = DocumentFactory(title_ru="Беженцы"), DocumentFactory(title_ru="Беженцы")

    call_command("archive_reindex", str(second.pk), stdout=io.StringIO())

    assert found("беженцы") == [second]
    assert Document.objects.get(pk=first.pk).search_plain == ""


# --- More snippets ----------------------------------------------------------------

def test_snippet_falls_back_to_other_language_match():
    document = make(title_ru="Доклад", summary_ru="Краткое содержание.",
                    summary_en="Rights of refugees.")

    assert snippet(document=document, query="refugees", language="ru") == (
        "Rights of <mark>refugees</mark>."
    )


def test_snippet_marks_truncated_word_as_prefix():
    document = make(title_ru="Доклад", summary_ru="Алматинский процесс и Алматы.")

    assert snippet(document=document, query="алматин", language="ru") == (
        "<mark>Алматинский</mark> процесс и Алматы."
    )


def test_snippet_does_not_mark_excluded_word():
    document = make(title_ru="Доклад", summary_ru="Беженцы и мигранты.")

    assert snippet(document=document, query="беженцы -мигранты", language="ru") == (
        "<mark>Беженцы</mark> и мигранты."
    )


def test_document_index_twice_keeps_one_weight_per_term():
    document = make(title_ru="Доклад",
                    files=[(FileLanguage.RUSSIAN, "Беженцы, беженцы и мигранты.")])

    document_index(document_id=document.pk)
    documents_reindex(queryset=Document.objects.filter(pk=document.pk))

    terms = list(DocumentTerm.objects.filter(document=document).values_list("term", flat=True))
    assert sorted(terms) == ["беженец", "мигрант"]
    assert found("беженцы") == [document]
