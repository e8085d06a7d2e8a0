"""The documents matching a query's clauses: on PostgreSQL through the GIN
indexes of the two vectors (the plan's shape chosen by the clauses: see
"Query plans" in the package docstring), on SQLite in ``search_plain``;
ranked or not (``documents_search``, ``documents_matching``)."""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import FloatField, Q, QuerySet, Value

from archive.models import Document

from .clauses import Clause, _plain_forms, parse_query
from .ranking import _pg_rank, _plain_rank, _ranked


def documents_search(queryset: QuerySet, query: str) -> QuerySet:
    """Documents of ``queryset`` matching every clause of ``query``,
    annotated with ``rank`` (higher is better). A blank query (or one made
    of stop words only) returns the queryset unchanged, with rank 0."""
    return _search(queryset, query, ranked=True)


def documents_matching(queryset: QuerySet, query: str) -> QuerySet:
    """The documents of ``documents_search`` without the rank (no joins of
    term weights, no rank subqueries): for counting them."""
    return _search(queryset, query, ranked=False)


def _search(queryset: QuerySet, query: str, *, ranked: bool) -> QuerySet:
    return _search_clauses(queryset, parse_query(query), ranked=ranked)


def _search_clauses(queryset: QuerySet, clauses: list[Clause], *, ranked: bool,
                    hash_joins: bool | None = None,
                    idf: dict[str, float] | None = None) -> QuerySet:
    """``hash_joins``: the statement will run with nested loops off (the
    ranked ones do: ``ranked_page_ids``, ``ranked_page_and_counts``), which
    allows a cheaper shape for three clauses or more. By default, when
    ``ranked``. ``idf``: the words' idf when the caller has it already."""
    if hash_joins is None:
        hash_joins = ranked
    if not clauses:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())) if ranked else queryset
    positive = [c for c in clauses if not c.negated]
    negative = [c for c in clauses if c.negated]
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, positive, negative, ranked=ranked,
                                  hash_joins=hash_joins, idf=idf)
    return _search_plain(queryset, positive, negative, ranked=ranked, idf=idf)


def _pg_query(clause: Clause, config: str) -> SearchQuery:
    if len(clause.lemmas) > 1:
        return SearchQuery(" ".join(clause.lemmas), config=config, search_type="phrase")
    query = SearchQuery(clause.lemmas[0], config=config, search_type="plain")
    if clause.prefix:
        query |= SearchQuery(f"{clause.prefix}:*", config="simple", search_type="raw")
    return query


def _matching_ids(clause: Clause) -> QuerySet:
    return Document.objects.order_by().filter(_pg_condition(clause)).values("pk")


def _pg_condition(clause: Clause) -> Q:
    return Q(search_ru=_pg_query(clause, "russian")) | Q(search_en=_pg_query(clause, "english"))


def _search_postgresql(queryset, positive: list[Clause], negative: list[Clause], *,
                       ranked: bool, hash_joins: bool,
                       idf: dict[str, float] | None) -> QuerySet:
    for clause in negative:
        # NOT IN over an index scan: NOT (vector @@ query) row by row would
        # read every candidate's vector.
        queryset = queryset.exclude(pk__in=_matching_ids(clause))
    if not positive:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())) if ranked else queryset
    # Measured (bench/RESULTS.md): one clause, or two plain words, in one
    # WHERE become a BitmapAnd of index scans, the fastest plan. With a third
    # clause, or a prefix or phrase (costlier index scans), the planner
    # checks some clauses row by row instead, reading and decompressing every
    # candidate's vectors: 3-5 times slower. Then each clause is its own
    # index scan and the ids are intersected.
    simple = [c for c in positive if len(c.lemmas) == 1 and not c.prefix]
    if len(positive) == 1 or (len(positive) == 2 and len(simple) == 2):
        queryset = queryset.filter(reduce(and_, (_pg_condition(c) for c in positive)))
    elif hash_joins and len(simple) >= 2:
        # Under enable_nestloop = off (the ranked statements): two plain
        # words in the WHERE (a BitmapAnd), the other clauses' ids
        # hash-joined: at 100,000 documents «защита прав беженцев» 60 ms
        # instead of 105 ms for intersecting all three. With nested loops
        # on, PostgreSQL would check those ids' vectors row by row.
        rest = [c for c in positive if c not in simple[:2]]  # none: a word repeated
        queryset = queryset.filter(_pg_condition(simple[0]), _pg_condition(simple[1]))
        if rest:
            first, *others = (_matching_ids(clause) for clause in rest)
            queryset = queryset.filter(pk__in=first.intersection(*others) if others else first)
    else:
        first, *others = (_matching_ids(clause) for clause in positive)
        queryset = queryset.filter(pk__in=first.intersection(*others))
    return _ranked(queryset, positive, _pg_rank(positive), idf) if ranked else queryset


def _search_plain(queryset, positive: list[Clause], negative: list[Clause], *,
                  ranked: bool, idf: dict[str, float] | None = None) -> QuerySet:
    def condition(clause: Clause) -> Q:
        return reduce(or_, (Q(search_plain__contains=form) for form in _plain_forms(clause)))

    for clause in negative:
        queryset = queryset.exclude(condition(clause))
    if not positive:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())) if ranked else queryset
    queryset = queryset.filter(reduce(and_, (condition(c) for c in positive)))
    if not ranked:
        return queryset
    return _ranked(queryset, positive, _plain_rank(positive), idf)
