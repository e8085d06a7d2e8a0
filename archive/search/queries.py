"""Queries: parsing the search box, matching on PostgreSQL (GIN indexes) or
SQLite (search_plain), and the rank."""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.core.cache import cache
from django.db import connections
from django.db.models import (
    Case,
    F,
    FilteredRelation,
    FloatField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, StrIndex, Substr
from django.db.models.lookups import LessThan

from archive.models import Document, DocumentTerm

from .indexing import K1
from .version import index_version
from .words import (
    CYRILLIC_RE,
    SAFE_RAW_RE,
    WORD_RE,
    fold,
    is_known,
    is_stop_word,
    lemma_of,
    plain_text,
    raw_stems,
)

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
# A search whose every word has at least this many postings (documents
# whose text has it among its most frequent terms) is paged by tiers
# (``search_page_and_counts``): such a word matches thousands of documents,
# and ranking every one of them is most of the search's time.
TIERED_FROM_POSTINGS = 2000
# How long a term's document frequency stays cached (a new index version,
# after any indexing, starts afresh anyway).
IDF_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class Clause:
    """One condition of a query: a word, or a quoted phrase (several
    lemmas), possibly excluded with a leading minus. ``prefix`` is the
    folded surface form of an unknown Cyrillic word, also matched as a
    prefix."""

    lemmas: tuple[str, ...]
    negated: bool = False
    prefix: str = ""
    # A tsquery (configuration 'simple') of word prefixes that every form of
    # the clause's words starts with: how the rank finds the clause in the
    # titles and summaries as written, which are not lemmatised.
    raw: str = ""
    # The same prefixes, folded: a word of a text that starts with none of
    # them cannot match (saves lemmatising every word of a snippet's text).
    stems: tuple[str, ...] = ()


QUERY_RE = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def parse_query(query: str) -> list[Clause]:
    """Words (all must match), "quoted phrases" and -excluded words or
    phrases, as in web search engines. Stop words alone make no clause."""
    clauses: list[Clause] = []
    for match in QUERY_RE.finditer(query or ""):
        if match.group(2) is not None:
            negated, words = bool(match.group(1)), WORD_RE.findall(match.group(2))
            found = tuple(lemma_of(fold(w)) for w in words)
            if found and not all(is_stop_word(w) for w in found):
                content = [w.casefold() for w, lemma in zip(words, found, strict=True)
                           if not is_stop_word(lemma)]
                raw = " & ".join(f"({part})" for w in content if (part := _raw_query(w)))
                stems = tuple(fold(stem) for w in content for stem in raw_stems(w))
                clauses.append(Clause(found, negated=negated, raw=raw, stems=stems))
            continue
        negated = bool(match.group(3))
        for word in WORD_RE.findall(match.group(4)):
            folded = fold(word)
            lemma = lemma_of(folded)
            prefix = ""
            if CYRILLIC_RE.search(folded) and SAFE_RAW_RE.fullmatch(folded) and not is_known(
                folded
            ):
                prefix = folded
            if is_stop_word(lemma) and not prefix:
                continue
            unknown = bool(prefix)
            stems = tuple(fold(st) for st in raw_stems(word.casefold(), unknown=unknown))
            clauses.append(Clause((lemma,), negated=negated, prefix=prefix, stems=stems,
                                  raw=_raw_query(word.casefold(), unknown=unknown)))
    return clauses


def _raw_query(word: str, *, unknown: bool = False) -> str:
    return " | ".join(f"'{stem}':*" for stem in raw_stems(word, unknown=unknown)
                      if WORD_RE.fullmatch(stem))


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


def _plain_forms(clause: Clause) -> list[str]:
    forms = [" " + plain_text(clause.lemmas)]
    if clause.prefix:
        forms.append(" " + clause.prefix)
    return forms


def documents_search(queryset: QuerySet, query: str) -> QuerySet:
    """Documents of ``queryset`` matching every clause of ``query``,
    annotated with ``rank`` (higher is better). A blank query (or one made
    of stop words only) returns the queryset unchanged, with rank 0."""
    return _search(queryset, query, ranked=True)


def documents_matching(queryset: QuerySet, query: str) -> QuerySet:
    """The documents of ``documents_search`` without the rank (no joins of
    term weights, no rank subqueries): for counting them."""
    return _search(queryset, query, ranked=False)


def ranked_page_ids(queryset: QuerySet, *, offset: int, limit: int) -> list[tuple[int, float]]:
    """(id, rank) of one page of ``queryset`` (a ``documents_search``
    result, ordered): the ranking sorts ids and ranks only, and the caller
    loads the page's documents by id. On PostgreSQL the statement runs
    with nested loops off (SET LOCAL in the same round trip: it lasts to
    the end of the implicit transaction of this one statement, or of the
    caller's transaction), so the query words' weights are hash-joined (see
    "The page of results" in the package docstring)."""
    page = queryset.annotate(page_id=F("pk")).values_list("page_id", "rank")[
        offset:offset + limit
    ]
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return list(page)
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off; " + sql, params)
        # The ORM may order the columns differently from values_list().
        names = [column.name for column in cursor.description]
        pk, rank = names.index("page_id"), names.index("rank")
        return [(row[pk], float(row[rank])) for row in cursor.fetchall()]


def ranked_page_and_counts(
    queryset: QuerySet, *, types: set[str] | None, offset: int, limit: int,
) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """One page by relevance and the counts per type, from one match of the
    search: ``queryset`` is a ``documents_search`` result with every filter
    *but the type* (the counts show what another type would give);
    ``types`` are the chosen types (None or empty: all). Returns the page's
    (id, rank) pairs in order and {type: count}.

    The match is the costly part of a search (each matching document's row
    is read: 4,400 rows for a rare word at 100,000 documents, 59,000 for a
    common one), and the counts and the page used to match it once each.
    Here it is matched once, into a materialised CTE of (id, rank, date,
    type), which the counts group and the page sorts (order: rank, date,
    id, descending, as the list's relevance order). On PostgreSQL with
    nested loops off, as ``ranked_page_ids``."""
    sql, params = _ranked_rows(queryset).query.sql_with_params()
    return _page_and_counts(sql, params, database=queryset.db, types=types, offset=offset,
                            limit=limit)


def _ranked_rows(ranked: QuerySet) -> QuerySet:
    """The (page_id, rank, date, doc_type) rows ``_page_and_counts`` reads."""
    return ranked.order_by().annotate(page_id=F("pk")).values_list(
        "page_id", "rank", "date", "doc_type")


def _page_and_counts(sql: str, params, *, database: str, types: set[str] | None, offset: int,
                     limit: int) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """``ranked_page_and_counts`` for the SQL of its ``_ranked_rows``."""
    connection = connections[database]
    postgresql = connection.vendor == "postgresql"
    chosen = sorted(types or ())
    type_filter = f"WHERE doc_type IN ({', '.join(['%s'] * len(chosen))})" if chosen else ""
    # The ORM's own SQL, its values kept apart as parameters like ours.
    prefix = "SET LOCAL enable_nestloop = off; " if postgresql else ""
    materialized = "MATERIALIZED " if postgresql else ""
    statement = (
        f"{prefix}WITH matched AS {materialized}({sql}) "  # noqa: S608
        "SELECT 0, doc_type, COUNT(*), NULL FROM matched GROUP BY doc_type "
        "UNION ALL SELECT * FROM ("
        f"SELECT 1, doc_type, page_id, rank FROM matched {type_filter} "
        "ORDER BY rank DESC, date DESC, page_id DESC LIMIT %s OFFSET %s) AS page"
    )
    arguments = [*params, *chosen, limit, offset]
    counts: dict[str, int] = {}
    page: list[tuple[int, float]] = []
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        for kind, doc_type, value, rank in cursor.fetchall():
            if kind == 0:
                counts[doc_type] = int(value)
            else:
                page.append((int(value), float(rank)))
    return page, counts


# Built searches: {(database, base SQL, base parameters, query, idf): (SQL,
# parameters)} of the ranked rows, the STATEMENTS_KEPT most recently used.
STATEMENTS_KEPT = 256
_statements: OrderedDict[tuple, tuple[str, tuple]] = OrderedDict()
_statements_lock = threading.Lock()


def _ranked_rows_sql(queryset: QuerySet, query: str, clauses: list[Clause],
                     idf: dict[str, float], base_key: tuple | None = None) -> tuple[str, tuple]:
    """The SQL and parameters of ``_ranked_rows`` of the search of
    ``query`` (its ``clauses``) in ``queryset``, with the words' ``idf``.

    Building the search's expression (its rank subqueries, the words' term
    weights joined) and compiling it costs about 3 ms of Python, more than
    a rare word's match; the same search in the same filters and access
    levels (visitors repeat searches, and page through them) reuses it. The
    key is ``queryset``'s own SQL and parameters (every filter and access
    rule it holds), the query and the idf (which changes with the index
    version): compiling the plain queryset for the key costs a fifth of
    the search's, so a caller that knows what identifies that SQL passes
    it as ``base_key`` instead (the archive list: its access levels and its
    filters' values, ``DocumentFilter._filtered_key``)."""
    if base_key is None:
        base_sql, base_params = queryset.query.sql_with_params()
        base = ("sql", base_sql, tuple(base_params))
    else:
        base = ("key", base_key)
    key = (queryset.db, base, query, tuple(sorted(idf.items())))
    try:
        with _statements_lock:
            found = _statements.get(key)
            if found is not None:
                _statements.move_to_end(key)
                return found
    except TypeError:  # a parameter that cannot be a key: built every time
        key = None
    ranked = _search_clauses(queryset, clauses, ranked=True, idf=idf)
    sql, params = _ranked_rows(ranked).query.sql_with_params()
    built = (sql, tuple(params))
    if key is not None:
        with _statements_lock:
            _statements[key] = built
            while len(_statements) > STATEMENTS_KEPT:
                _statements.popitem(last=False)
    return built


def search_page_and_counts(
    queryset: QuerySet, query: str, *, types: set[str] | None, offset: int, limit: int,
    base_key: tuple | None = None,
) -> tuple[list[tuple[int, float]], dict[str, int]]:
    """The archive list's search by relevance: ``queryset`` has every
    filter but the type and the search, ``query`` is the search box's text.
    Returns what ``ranked_page_and_counts`` returns (the page's (id, rank)
    pairs in order, and {type: count}), and the same values. ``base_key``:
    what identifies ``queryset``'s SQL, when the caller knows it
    (``_ranked_rows_sql``).

    Words with few postings: ``ranked_page_and_counts``, one statement,
    built once for the same search, filters and access levels
    (``_ranked_rows_sql``).
    Words that each match thousands of documents (every term with at least
    ``TIERED_FROM_POSTINGS`` postings), on PostgreSQL: by tiers
    (``_tiered_page_and_counts``), since ranking every matching document
    costs far more than counting them; when the first tier cannot decide
    the page, it is ranked in full after all."""
    clauses = parse_query(query)
    positive = [c for c in clauses if not c.negated]
    if (connections[queryset.db].vendor == "postgresql" and positive
            and all(c.raw for c in positive)):
        terms = _terms_of(positive)
        frequencies, total = _document_frequencies(terms, queryset.db)
        idf = _idf_of(frequencies, total)
        if terms and min(frequencies.values()) >= TIERED_FROM_POSTINGS:
            return _tiered_page_and_counts(queryset, clauses, types=types, offset=offset,
                                           limit=limit, idf=idf)
        sql, params = _ranked_rows_sql(queryset, query, clauses, idf, base_key)
        return _page_and_counts(sql, params, database=queryset.db, types=types,
                                offset=offset, limit=limit)
    ranked = _search_clauses(queryset, clauses, ranked=True)
    return ranked_page_and_counts(ranked, types=types, offset=offset, limit=limit)


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
    positive = [c for c in clauses if not c.negated]
    terms = _terms_of(positive)
    chosen = sorted(types or ())
    wanted = offset + limit
    text_bound = sum((K1 + 1) * idf[term] * TEXT_SCALE for term in terms)
    outside_first = (len(positive) - 1) * TITLE_SCORE + SUMMARY_SCORE + text_bound
    outside_wider = len(positive) * SUMMARY_SCORE + text_bound
    matched_sql, matched_params = (
        _search_clauses(queryset, clauses, ranked=False, hash_joins=True).order_by()
        .annotate(page_id=F("pk")).values_list("page_id", "doc_type", "date")
        .query.sql_with_params())
    title_sql, title_params = _raw_sql(_ids_with_words_in(
        TITLE_FIELDS, " & ".join(f"({c.raw})" for c in positive)))
    # The text part as in _text_rank, each weight read by its (term,
    # document) key for the tier's few rows: ((w0 x s0 + w1 x s1) + ...).
    weight = (f"COALESCE((SELECT weight FROM {DocumentTerm._meta.db_table} "  # noqa: S608
              "WHERE term = %s AND document_id = page_id), 0.0) * %s")
    text = reduce(lambda a, b: f"({a} + {b})", [weight] * len(terms)) if terms else "0.0"
    text_params = [value for term in terms for value in (term, idf[term] * TEXT_SCALE)]
    type_filter = f"AND doc_type IN ({', '.join(['%s'] * len(chosen))})" if chosen else ""
    order = "ORDER BY rank DESC, date DESC, page_id DESC LIMIT %s"
    # Every value is a parameter; the SQL pieces are the ORM's and ours.
    ctes = [
        f"matched AS MATERIALIZED ({matched_sql})",
        (f"tier AS MATERIALIZED (SELECT page_id, %s + {text} AS rank, date "  # noqa: S608
         f"FROM matched WHERE page_id IN ({title_sql}) {type_filter} {order})"),
    ]
    cte_params = [*matched_params, TITLE_SCORE * len(positive), *text_params, *title_params,
                  *chosen, wanted]
    branches = ["SELECT 0, doc_type, COUNT(*), NULL, NULL FROM matched GROUP BY doc_type",
                "SELECT 1, NULL, page_id, rank, date FROM tier"]
    branch_params: list = []
    if len(positive) > 1:
        flags, flag_params, any_title, head, head_params = _wider_tier_sql(positive)
        # The gate has no column of the rows: PostgreSQL evaluates it once,
        # and reads none of the wider tier when the first one decides (a
        # CTE is run when a branch first reads it: only the last one does).
        # OFFSET 0 keeps the flags computed once: a subquery pulled up
        # would repeat each title's test in the condition and the rank.
        ctes.append(
            f"wider AS MATERIALIZED (SELECT page_id, date, {head} AS head FROM ("  # noqa: S608
            f"SELECT page_id, date, {flags} FROM matched "
            f"WHERE (SELECT COUNT(*) < %s OR MIN(rank) <= %s FROM tier) {type_filter} "
            f"OFFSET 0) AS flagged WHERE {any_title})")
        cte_params += [*head_params, *flag_params, wanted, outside_first, *chosen]
        # The page's last head rank, less the largest text part (and a hair
        # for the rounding of the sums): below it no document can enter
        # the page, and its text is not weighed.
        branches.append(
            f"SELECT * FROM (SELECT 2, NULL, page_id, head + {text} AS rank, "  # noqa: S608
            "date FROM wider "
            "WHERE head >= (SELECT MIN(head) FROM (SELECT head FROM wider "
            f"ORDER BY head DESC LIMIT %s) AS best) - %s {order}) AS wider_page")
        branch_params += [*text_params, wanted, text_bound + 1e-9, wanted]
    statement = ("SET LOCAL enable_nestloop = off; "
                 f"WITH {', '.join(ctes)} {' UNION ALL '.join(branches)}")
    arguments = [*cte_params, *branch_params]
    counts: dict[str, int] = {}
    tiers: dict[int, list[tuple[float, object, int]]] = {1: [], 2: []}
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(statement, arguments)
        for kind, doc_type, value, rank, date in cursor.fetchall():
            if kind == 0:
                counts[doc_type] = int(value)
            else:
                tiers[kind].append((float(rank), date, int(value)))
    shown = sum(n for doc_type, n in counts.items() if not chosen or doc_type in chosen)
    # One word: no wider tier was sent, and its empty rows decide nothing
    # the first tier did not.
    for kind, outside in ((1, outside_first), (2, outside_wider)):
        rows = sorted(tiers[kind], reverse=True)  # rank, date, id: the list's order
        if len(rows) == shown or (len(rows) >= wanted and rows[wanted - 1][0] > outside):
            return [(pk, rank) for rank, _date, pk in rows[offset:wanted]], counts
    ranked = _search_clauses(queryset, clauses, ranked=True, idf=idf)
    if chosen:
        ranked = ranked.filter(doc_type__in=chosen)
    page = ranked_page_ids(ranked.order_by("-rank", "-date", "-pk"), offset=offset, limit=limit)
    return page, counts


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


def _terms_of(positive: list[Clause]) -> list[str]:
    """The DocumentTerm terms of the query's words (plain_text of each
    lemma: what indexing stored), without repeats."""
    terms = dict.fromkeys(plain_text((lemma,)) for c in positive for lemma in c.lemmas)
    return list(terms)[:MAX_RANKED_TERMS]


def _idf(terms: list[str], database: str) -> dict[str, float]:
    """Each term's idf, ln(1 + N / (1 + df)) / ln(1 + N), with df the
    term's postings and N the highest document id. Counting a common word's
    postings reads ~100,000 index entries (8-19 ms at 100,000 documents), so
    df and N are cached per index version (bumped whenever documents are
    indexed: ``archive.search.index_version``) and computed in one query for
    the terms not cached yet; the rank then gets the idf as a constant."""
    return _idf_of(*_document_frequencies(terms, database))


def _idf_of(frequencies: dict[str, int], total: int) -> dict[str, float]:
    n = float(total) + 1.0
    return {term: math.log(1.0 + n / (1.0 + df)) / math.log(1.0 + n)
            for term, df in frequencies.items()}


def _document_frequencies(terms: list[str], database: str) -> tuple[dict[str, int], int]:
    """Each term's postings (df) and the highest document id (N), cached
    per index version (see ``_idf``)."""
    version = index_version()
    keys = {term: f"archive:df:{version}:{term}" for term in terms}
    known = cache.get_many([*keys.values(), f"archive:n:{version}"])
    total = known.get(f"archive:n:{version}")
    missing = [term for term in terms if keys[term] not in known]
    if missing or total is None:
        found, total = _postings_and_top(missing, database)
        fresh = {keys[term]: found.get(term, 0) for term in missing}
        cache.set_many({**fresh, f"archive:n:{version}": total}, IDF_CACHE_SECONDS)
        known.update(fresh)
    return {term: known[keys[term]] for term in terms}, total


def _postings_and_top(terms: list[str], database: str) -> tuple[dict[str, int], int]:
    """Each term's number of postings (an index-only count per term) and
    the highest document id, in one round trip."""
    top = "SELECT NULL, MAX(id) FROM archive_document"
    if terms:
        placeholders = ", ".join(["%s"] * len(terms))  # values are parameters
        top = ("SELECT term, COUNT(*) FROM archive_documentterm"  # noqa: S608
               f" WHERE term IN ({placeholders}) GROUP BY term UNION ALL {top}")
    with connections[database].cursor() as cursor:
        cursor.execute(top, terms)
        rows = cursor.fetchall()
    found = {term: n for term, n in rows if term is not None}
    top = next((n for term, n in rows if term is None), None)
    return found, top or 0


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
    queryset, text_rank = _text_rank(queryset, positive, idf=idf)
    return queryset.annotate(rank=head_rank + text_rank)


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
    # The same score as archive_head_rank() on PostgreSQL, as an expression.
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

    return _ranked(queryset, positive,
                   reduce(lambda a, b: a + b, map(clause_score, positive)), idf)

