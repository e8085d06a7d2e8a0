"""Full-text search of the archive, on PostgreSQL and on the SQLite fallback.

Why the text is lemmatised in Python
    Snowball's Russian stemmer alone stems «беженец» to ``беженец`` but
    «беженцев» to ``беженц``: a search for the nominative misses the other
    forms. An ispell/hunspell dictionary would fix that inside PostgreSQL, but
    it needs dictionary files on the database server, which the production
    ``postgres:16`` image does not ship. So every Cyrillic word is reduced to
    its dictionary form (lemma) by pymorphy3 *before* PostgreSQL sees it, in
    the indexed text and in the query alike; ``ё`` is folded to ``е``. The
    lemmatised text then goes through the ``russian`` configuration as usual
    (its Snowball stemmer is harmless on lemmas, and its stop words apply).

Two vectors, one query clause per word
    ``search_ru``: Russian title (weight A), Russian summary (B), text of the
    Russian and "other language" files (C), configuration ``russian``.
    ``search_en``: English title, summary and files, configuration ``english``.
    Mixed text is the rule in this archive (English acronyms and names in
    Russian documents, Cyrillic names in English ones), and it is handled
    without a third vector: the ``russian`` configuration sends Latin words
    (``asciiword``) to the English Snowball stemmer, so "migrants" inside a
    Russian document is indexed as ``migrant`` in ``search_ru``; Cyrillic
    words in English text are lemmatised by us and kept as they are by the
    ``english`` configuration. Each clause of the query (a word, a quoted
    phrase, an ``-excluded`` word) must match in *either* vector, so a query
    whose words are spread over the Russian title and the English summary
    still finds the document; every clause is a plain ``vector @@ tsquery``
    condition that the GIN indexes of migration 0002 answer without reading
    the vectors (which are TOASTed for any real report).

Ranking
    ``ts_rank`` was the first choice and was measured out (bench/RESULTS.md):
    it must decompress the vectors of every matching document, and in this
    archive a common word («миграция», «беженцы») matches nearly all of them;
    on 5,000 documents that alone cost several hundred milliseconds a query.
    The rank is made of two parts that never read the vectors:

    - where the words are: per query clause, "is it in the title?" (1.0),
      "in the summary?" (0.4), otherwise 0.2 (only in the files' text). On
      PostgreSQL each question is an ``id IN (subquery)`` answered once per
      query by a GIN expression index over the titles or summaries *as
      written* (configuration 'simple'), with the clause as word prefixes
      shared by all its forms («бежен:*» for «беженцы»), then probed as a
      hash for each matching row. On SQLite the same score is read from the
      head of ``search_plain``.
    - how much of the text is about them (BM25): indexing stores, per
      document, the 64 most frequent terms of its files' text in each script
      (``archive.DocumentTerm``: the lemma or English stem, as
      ``plain_text`` writes it) with BM25's term-frequency weight
      tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl)), k1 = 1.2, b = 0.75, dl the
      text's length in that script and avgdl a constant (2,000 words), so a
      document's weights never depend on the others. The query joins each
      word's weight (a LEFT JOIN on the unique (term, document) index, which
      carries the weight: no GROUP BY, no correlated subquery) and adds
      Σ weight · idf · 0.09, with idf = ln(1 + N/(1 + df)) / ln(1 + N) from
      the word's postings (df, an index-only count) and the highest document
      id (N), a constant of the query: both are cached per index version
      (``archive.search.version``, bumped whenever documents are indexed),
      since counting a common word's postings costs 8-19 ms at 100,000
      documents. The scale keeps a word's text
      part under 0.2: a word in a title or a summary still ranks above the
      text alone, and among the many documents whose text mentions a word
      the one about it comes first (the Regional Cooperation Framework for
      «рамочной программы сотрудничества», not the Operational Mechanism
      that cites it once: tests/archive/test_search_relevance.py).

    Ties are left to the caller's next ordering (date). SQLite joins the
    same table and computes the same rank.

    The page of results: the archive list takes it with its counts per type
    from one match (``search_page_and_counts``, which for most searches is
    ``ranked_page_and_counts``); ``ranked_page_ids`` pages a ranked queryset
    alone. Both sort ids and ranks only (the documents' wide rows joined and
    sorted made hash tables spill to disk) and, on PostgreSQL, with nested
    loops disabled for that one statement: the planner, which expects few
    matches (the vectors have no statistics), would otherwise probe the
    weights' index once per matching document, 2-20 µs each, which for a
    common word is most of the archive. Measured at 20,000 documents:
    «трудовых мигрантов» 1,080 ms with the probes, 140 ms with hash joins of
    the words' postings (172 ms before the weights).

    Common words are paged by tiers (PostgreSQL, every word with at least
    ``TIERED_FROM_POSTINGS`` postings): ranking all the documents that
    match a common word (59,000 of 100,000) was most of its search's time,
    while a page needs twenty. The first tier is the matching documents
    with every word in their title; its head part (TITLE_SCORE a word) is
    beyond the reach of any other document (at most one word short of it
    plus a summary, plus the largest text part the words' idf allows), so
    when the tier fills the page and the page's last rank is above that
    bound, the page is exact. It is counted and ranked in one statement
    (the tier's few weights read by key). With two words or more, a first
    tier too narrow for the page is followed in the same statement, and
    only then, by a wider one: the matching documents with any word in
    their title, beyond any other document's reach (each word at best in
    its summary, plus the largest text part); its head ranks come first,
    and the text weights are read only for the documents whose head rank
    plus the largest text part reaches the page's last head rank (40 of
    1,656 for «защита прав беженцев»). Otherwise the page is ranked in
    full after all. At 100,000 documents: «беженцев» 80 → 44 ms,
    «трудовых мигрантов» 188 → 60 ms, «защита прав беженцев» 231 → 129 ms
    (the wider tier); a test asserts the page equals the full ranking's
    for thirteen searches.

Query plans (PostgreSQL)
    Whatever reads the vectors row by row is slow, so the plans avoid it:
    migration 0002 removes the planner's statistics on the vectors (with
    them, a common word makes it prefer a sequential scan that decompresses
    every vector); one word or two plain words go in one WHERE (a BitmapAnd
    of index scans); from three clauses, or with a prefix or a phrase, each
    clause is its own index scan and the ids are intersected, because the
    planner would otherwise check the extra clauses row by row.

Prefixes
    A Cyrillic word that the dictionary does not know (a truncated word such
    as «алматин», a rare proper name) also matches as a prefix of the indexed
    lemmas (``to_tsquery('simple', 'алматин:*')`` finds «Алматинский»).
    Known words and English words match exactly after normalisation, so «мир»
    does not drag in «мировой».

SQLite
    ``search_plain`` holds the case-folded lemmas of everything, title first,
    as `` title \\n summary \\t body ``; English words are reduced to their
    Snowball stem (snowballstemmer, the stemmer of PostgreSQL's "english"
    configuration), so "smuggling" finds "smuggled"; after a change of
    stemmer, ``manage.py archive_reindex`` rewrites the column. Each query
    word must occur at the start of a word (``LIKE '% word%'``, so prefixes
    match: a wider net than on PostgreSQL,
    "human" also finds "humanitarian"; Cyrillic case is folded by us, not by
    SQLite's ASCII-only LIKE); rank as above.

The lemma cache (``lemma_of``) makes indexing cheap once the archive's
vocabulary has been seen: a few thousand distinct words cover most text.

Modules
    ``words`` (lemmas, folding, stop words), ``indexing`` (the vectors,
    ``search_plain`` and the term weights), ``version`` (the index version);
    ``clauses`` (the search box's text as clauses), ``matching`` (the
    documents matching them, per database), ``ranking`` and ``idf`` (the
    rank), ``pages`` (a page by ids and ranks, with the counts per type),
    ``tiers`` (common words paged by tiers), ``list_page`` (the archive
    list's search, its statements kept); ``snippets`` (the marked excerpts);
    ``word_forms`` (every form of the words, in the plain text columns of
    the other apps, for the site search).
"""

from .clauses import parse_query
from .indexing import document_index, documents_reindex
from .list_page import search_page_and_counts
from .matching import documents_matching, documents_search
from .pages import ranked_page_and_counts, ranked_page_ids
from .snippets import file_languages_of, snippet, snippet_in

__all__ = [
    "document_index",
    "documents_matching",
    "documents_reindex",
    "documents_search",
    "file_languages_of",
    "parse_query",
    "ranked_page_and_counts",
    "ranked_page_ids",
    "search_page_and_counts",
    "snippet",
    "snippet_in",
]
