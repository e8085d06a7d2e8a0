"""The rank of a matching document (see "Ranking" in the package
docstring): where the query's clauses are (title, summary or only the
text: ``_pg_rank`` on PostgreSQL, ``_plain_rank`` on SQLite) plus how much
of its text is about its words (the stored BM25 weights times the words'
idf: ``_text_rank``)."""

from __future__ import annotations

from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Case, F, FilteredRelation, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Greatest, StrIndex, Substr
from django.db.models.lookups import LessThan

from archive.models import Document

from .clauses import Clause, _plain_forms
from .idf import _idf
from .words import plain_text

# Rank: per query clause, whether it is in a title, a summary, or only in the
# files' text (see "Ranking" in the package docstring). SQLite reads it from
# the first HEAD_CHARS characters of search_plain.
TITLE_SCORE, SUMMARY_SCORE, BODY_SCORE = 1.0, 0.4, 0.2
TITLE_FIELDS, SUMMARY_FIELDS = ("title_ru", "title_en"), ("summary_ru", "summary_en")
HEAD_CHARS = 2000
# The text's part of the rank: the stored BM25 weight (0 to K1 + 1 = 2.2) of
# each query word times its idf scaled to 0..1, times TEXT_SCALE: under
# 0.2 a word, so a word in a title (1.0) or a summary (0.4) still ranks
# above the text alone (0.2 to 0.4), while among the many documents whose
# text mentions it the one whose text is about it comes first.
TEXT_SCALE = 0.09
# At most this many query words get a text weight (one join each).
MAX_RANKED_TERMS = 8


def _ids_with_words_in(fields: tuple[str, str], raw: str) -> QuerySet:
    """Ids of the documents whose fields contain the clause as written
    (GIN expression indexes of migration 0002: the expression must stay
    exactly this one for PostgreSQL to use them)."""
    return (
        Document.objects.order_by()
        .annotate(words=SearchVector(*fields, config="simple"))
        .filter(words=SearchQuery(raw, config="simple", search_type="raw"))
        .values("pk")
    )


def _pg_rank(positive: list[Clause]):
    """Title 1.0, summary 0.4, otherwise 0.2 per clause. Each test is an
    uncorrelated ``id IN (subquery)``, which PostgreSQL answers once from
    an index and then probes as a hash for every matching row: the rank
    never reads the large vectors (that is what made ts_rank slow)."""

    def score(clause: Clause):
        if not clause.raw:
            return Value(BODY_SCORE)
        return Case(
            When(pk__in=_ids_with_words_in(TITLE_FIELDS, clause.raw), then=Value(TITLE_SCORE)),
            When(pk__in=_ids_with_words_in(SUMMARY_FIELDS, clause.raw),
                 then=Value(SUMMARY_SCORE)),
            default=Value(BODY_SCORE), output_field=FloatField(),
        )

    return reduce(lambda a, b: a + b, map(score, positive))


def _plain_rank(positive: list[Clause]):
    """The same score as archive_head_rank() on PostgreSQL, as an
    expression over the head of SQLite's ``search_plain`` (`` title \\n
    summary \\t body``): per clause, the best of its forms' places."""
    head = Substr(F("search_plain"), 1, HEAD_CHARS)
    title_end = StrIndex(head, Value("\n"))
    summary_end = StrIndex(head, Value("\t"))

    def score(form: str):
        position = StrIndex(head, Value(form))
        return Case(
            When(LessThan(position, 1), then=Value(BODY_SCORE)),
            When(LessThan(position, title_end), then=Value(TITLE_SCORE)),
            When(LessThan(position, summary_end), then=Value(SUMMARY_SCORE)),
            default=Value(BODY_SCORE), output_field=FloatField(),
        )

    def clause_score(clause: Clause):
        scores = [score(form) for form in _plain_forms(clause)]
        return scores[0] if len(scores) == 1 else Greatest(*scores)

    return reduce(lambda a, b: a + b, map(clause_score, positive))


def _terms_of(positive: list[Clause]) -> list[str]:
    """The DocumentTerm terms of the query's words (plain_text of each
    lemma: what indexing stored), without repeats."""
    terms = dict.fromkeys(plain_text((lemma,)) for c in positive for lemma in c.lemmas)
    return list(terms)[:MAX_RANKED_TERMS]


def _text_rank(queryset: QuerySet, positive: list[Clause], *,
               idf: dict[str, float] | None = None) -> tuple[QuerySet, object]:
    """Join each query word's stored weight (a LEFT JOIN of DocumentTerm on
    (document, term): unique, so no GROUP BY; PostgreSQL hash-joins the
    word's postings, read by an index-only scan) and sum weight x idf, the
    idf a constant of the query (``_idf``, unless given)."""
    terms = _terms_of(positive)
    if idf is None:
        idf = _idf(terms, queryset.db)
    parts = []
    for n, term in enumerate(terms):
        alias = f"search_term_{n}"
        queryset = queryset.annotate(**{alias: FilteredRelation(
            "terms", condition=Q(terms__term=term))})
        parts.append(Coalesce(F(f"{alias}__weight"), Value(0.0))
                     * Value(idf[term] * TEXT_SCALE, output_field=FloatField()))
    if not parts:
        return queryset, Value(0.0)
    return queryset, reduce(lambda a, b: a + b, parts)


def _ranked(queryset: QuerySet, positive: list[Clause], head_rank,
            idf: dict[str, float] | None) -> QuerySet:
    """``queryset`` annotated with ``rank``: ``head_rank`` (``_pg_rank`` or
    ``_plain_rank``) plus the text's part."""
    queryset, text_rank = _text_rank(queryset, positive, idf=idf)
    return queryset.annotate(rank=head_rank + text_rank)
