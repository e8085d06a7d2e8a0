"""Common words paged by tiers (PostgreSQL; see the package docstring):
the counts per type from the match alone, and in the same statement the
page ranked among the documents with every word in their title (the first
tier) and, when that cannot decide the page, those with any word in their
title (the wider tier); otherwise the page is ranked in full after all."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

from django.db import connections
from django.db.models import F, QuerySet

from archive.models import DocumentTerm

from .clauses import Clause
from .indexing import K1
from .matching import _search_clauses
from .pages import NO_NESTED_LOOPS, ranked_page_ids
from .ranking import (
    BODY_SCORE,
    SUMMARY_FIELDS,
    SUMMARY_SCORE,
    TEXT_SCALE,
    TITLE_FIELDS,
    TITLE_SCORE,
    _ids_with_words_in,
    _terms_of,
)

# The tiers' order, the list's relevance order, limited to the wanted rows.
ORDER = "ORDER BY rank DESC, date DESC, page_id DESC LIMIT %s"


@dataclass(frozen=True)
class _Tiers:
    """What the tiered statement is built from and the page decided by:
    the query's positive clauses, the chosen types (sorted), the rows
    wanted (offset + limit), the text part's SQL (``text``, with
    ``text_params``), and the bounds no document outside the first tier
    (``outside_first``) or the wider one (``outside_wider``) can reach."""

    positive: list[Clause]
    chosen: list[str]
    offset: int
    wanted: int
    text: str
    text_params: list
    type_filter: str
    text_bound: float
    outside_first: float
    outside_wider: float


def _tiered_page_and_counts(
    queryset: QuerySet, clauses: list[Clause], *, types: set[str] | None, offset: int,
    limit: int, idf: dict[str, float],
) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """Counts per type from the match alone (no rank), and in the same
    round trip the page ranked among the *first tier* only: the matching
    documents whose title has every word of the query. Their head part of
    the rank is the highest there is (TITLE_SCORE per word); any other
    document misses at least one word in its title, so its rank is at most
    (n - 1) x TITLE_SCORE + SUMMARY_SCORE plus the largest text part its
    words could give (K1 + 1 weight times each word's idf scale). When the
    tier fills the page and the page's last rank is above that bound, no
    document outside the tier can enter the page: it is exact, and the
    ranked documents are a few hundred instead of tens of thousands.

    With two words or more, a first tier too narrow for the page (few
    titles have *every* word: «торговли людьми», «climate change») is
    followed, in the same statement and only then, by a *wider tier*: the
    matching documents with *any* word of the query in their title,
    ranked in full. Any other document has each word at best in its
    summary: its rank is at most n x SUMMARY_SCORE plus the largest text
    part, the wider tier's bound. At 100,000 documents that tier is
    300-1,700 documents, and it decided every common search the first
    tier could not (bench/RESULTS.md). Its head ranks come first (each
    title's test read once, ``_wider_tier_sql``); the text part, one index
    probe per word and document, is then added only where it could still
    matter: no document whose head rank plus the largest text part is
    below the page's last head rank can enter the page, since at least a
    page of documents rank at or above their head ranks. With 1,600
    documents in the tier, their probes were a third of a three-word
    search's time.

    Otherwise (both tiers narrow, a deep page) the page is ranked over every
    matching document (``ranked_page_ids``); the counts are kept."""
    plan = _plan(clauses, types=types, offset=offset, limit=limit, idf=idf)
    ctes, cte_params = _first_tier_ctes(queryset, clauses, plan)
    branches = ["SELECT 0, doc_type, COUNT(*), NULL, NULL FROM matched GROUP BY doc_type",
                "SELECT 1, NULL, page_id, rank, date FROM tier"]
    branch_params: list = []
    if len(plan.positive) > 1:
        cte, params, branch, more = _wider_tier(plan)
        ctes.append(cte)
        cte_params += params
        branches.append(branch)
        branch_params += more
    statement = f"{NO_NESTED_LOOPS}WITH {', '.join(ctes)} {' UNION ALL '.join(branches)}"
    counts, tiers = _run(statement, [*cte_params, *branch_params], database=queryset.db)
    page = _decided_page(plan, counts, tiers)
    if page is None:
        page = _full_page(queryset, clauses, plan, limit=limit, idf=idf)
    return page, counts


def _plan(clauses: list[Clause], *, types: set[str] | None, offset: int, limit: int,
          idf: dict[str, float]) -> _Tiers:
    """The tiers' pieces and bounds for these clauses, types and page."""
    positive = [c for c in clauses if not c.negated]
    terms = _terms_of(positive)
    chosen = sorted(types or ())
    text_bound = sum((K1 + 1) * idf[term] * TEXT_SCALE for term in terms)
    # The text part as in _text_rank, each weight read by its (term,
    # document) key for the tier's few rows: ((w0 x s0 + w1 x s1) + ...).
    weight = (f"COALESCE((SELECT weight FROM {DocumentTerm._meta.db_table} "  # noqa: S608
              "WHERE term = %s AND document_id = page_id), 0.0) * %s")
    return _Tiers(
        positive=positive, chosen=chosen, offset=offset, wanted=offset + limit,
        text=reduce(lambda a, b: f"({a} + {b})", [weight] * len(terms)) if terms else "0.0",
        text_params=[value for term in terms for value in (term, idf[term] * TEXT_SCALE)],
        type_filter=(f"AND doc_type IN ({', '.join(['%s'] * len(chosen))})" if chosen
                     else ""),
        text_bound=text_bound,
        outside_first=(len(positive) - 1) * TITLE_SCORE + SUMMARY_SCORE + text_bound,
        outside_wider=len(positive) * SUMMARY_SCORE + text_bound,
    )


def _first_tier_ctes(queryset: QuerySet, clauses: list[Clause],
                     plan: _Tiers) -> tuple[list[str], list]:
    """The match (ids, types and dates, unranked) and the first tier (its
    documents with every word in their title, ranked, the wanted rows)."""
    matched_sql, matched_params = (
        _search_clauses(queryset, clauses, ranked=False, hash_joins=True).order_by()
        .annotate(page_id=F("pk")).values_list("page_id", "doc_type", "date")
        .query.sql_with_params())
    title_sql, title_params = _raw_sql(_ids_with_words_in(
        TITLE_FIELDS, " & ".join(f"({c.raw})" for c in plan.positive)))
    # Every value is a parameter; the SQL pieces are the ORM's and ours.
    ctes = [
        f"matched AS MATERIALIZED ({matched_sql})",
        (f"tier AS MATERIALIZED (SELECT page_id, %s + {plan.text} AS rank, date "  # noqa: S608
         f"FROM matched WHERE page_id IN ({title_sql}) {plan.type_filter} {ORDER})"),
    ]
    params = [*matched_params, TITLE_SCORE * len(plan.positive), *plan.text_params,
              *title_params, *plan.chosen, plan.wanted]
    return ctes, params


def _wider_tier(plan: _Tiers) -> tuple[str, list, str, list]:
    """The wider tier's CTE and its branch of the statement, with their
    parameters."""
    flags, flag_params, any_title, head, head_params = _wider_tier_sql(plan.positive)
    # The gate has no column of the rows: PostgreSQL evaluates it once,
    # and reads none of the wider tier when the first one decides (a
    # CTE is run when a branch first reads it: only the last one does).
    # OFFSET 0 keeps the flags computed once: a subquery pulled up
    # would repeat each title's test in the condition and the rank.
    cte = (
        f"wider AS MATERIALIZED (SELECT page_id, date, {head} AS head FROM ("  # noqa: S608
        f"SELECT page_id, date, {flags} FROM matched "
        f"WHERE (SELECT COUNT(*) < %s OR MIN(rank) <= %s FROM tier) {plan.type_filter} "
        f"OFFSET 0) AS flagged WHERE {any_title})")
    cte_params = [*head_params, *flag_params, plan.wanted, plan.outside_first, *plan.chosen]
    # The page's last head rank, less the largest text part (and a hair
    # for the rounding of the sums): below it no document can enter
    # the page, and its text is not weighed.
    branch = (
        f"SELECT * FROM (SELECT 2, NULL, page_id, head + {plan.text} AS rank, "  # noqa: S608
        "date FROM wider "
        "WHERE head >= (SELECT MIN(head) FROM (SELECT head FROM wider "
        f"ORDER BY head DESC LIMIT %s) AS best) - %s {ORDER}) AS wider_page")
    branch_params = [*plan.text_params, plan.wanted, plan.text_bound + 1e-9, plan.wanted]
    return cte, cte_params, branch, branch_params


def _wider_tier_sql(positive: list[Clause]) -> tuple[str, list, str, str, list]:
    """The wider tier's pieces, over ``page_id``: its flags (whether each
    clause is in the title, a column ``in_title_N`` each, so that each
    title's test is read once), its condition (any flag), and its head rank
    (as ``_pg_rank``: per clause, in a title TITLE_SCORE, else in a summary
    SUMMARY_SCORE, else BODY_SCORE, summed in the same order so that the
    ranks are the full ranking's to the last bit), with the parameters of
    the flags and of the head rank."""
    flags, flag_params, scores, score_params = [], [], [], []
    for n, clause in enumerate(positive):
        in_title, in_title_params = _raw_sql(_ids_with_words_in(TITLE_FIELDS, clause.raw))
        in_summary, in_summary_params = _raw_sql(_ids_with_words_in(SUMMARY_FIELDS, clause.raw))
        flags.append(f"page_id IN ({in_title}) AS in_title_{n}")
        flag_params += in_title_params
        scores.append(f"CASE WHEN in_title_{n} THEN %s "
                      f"WHEN page_id IN ({in_summary}) THEN %s ELSE %s END")
        score_params += [TITLE_SCORE, *in_summary_params, SUMMARY_SCORE, BODY_SCORE]
    head = reduce(lambda a, b: f"({a} + {b})", scores)
    any_title = " OR ".join(f"in_title_{n}" for n in range(len(positive)))
    return ", ".join(flags), flag_params, any_title, head, score_params


def _raw_sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _run(statement: str, arguments: list, *,
         database: str) -> tuple[dict[str, int], dict[int, list[tuple[float, object, int]]]]:
    """The counts per type, and each tier's (rank, date, id) rows."""
    counts: dict[str, int] = {}
    tiers: dict[int, list[tuple[float, object, int]]] = {1: [], 2: []}
    with connections[database].cursor() as cursor:
        cursor.execute(statement, arguments)
        for kind, doc_type, value, rank, date in cursor.fetchall():
            if kind == 0:
                counts[doc_type] = int(value)
            else:
                tiers[kind].append((float(rank), date, int(value)))
    return counts, tiers


def _decided_page(plan: _Tiers, counts: dict[str, int],
                  tiers: dict[int, list[tuple[float, object, int]]]
                  ) -> list[tuple[int, float]] | None:
    """The page, if a tier decides it: the tier holds every shown document,
    or fills the page with its last rank above the tier's bound. None if
    neither does."""
    shown = sum(n for doc_type, n in counts.items()
                if not plan.chosen or doc_type in plan.chosen)
    # One word: no wider tier was sent, and its empty rows decide nothing
    # the first tier did not.
    for kind, outside in ((1, plan.outside_first), (2, plan.outside_wider)):
        rows = sorted(tiers[kind], reverse=True)  # rank, date, id: the list's order
        if len(rows) == shown or (len(rows) >= plan.wanted
                                  and rows[plan.wanted - 1][0] > outside):
            return [(pk, rank) for rank, _date, pk in rows[plan.offset:plan.wanted]]
    return None


def _full_page(queryset: QuerySet, clauses: list[Clause], plan: _Tiers, *, limit: int,
               idf: dict[str, float]) -> list[tuple[int, float]]:
    """The page ranked over every matching document, when no tier decides."""
    ranked = _search_clauses(queryset, clauses, ranked=True, idf=idf)
    if plan.chosen:
        ranked = ranked.filter(doc_type__in=plan.chosen)
    return ranked_page_ids(ranked.order_by("-rank", "-date", "-pk"), offset=plan.offset,
                           limit=limit)
