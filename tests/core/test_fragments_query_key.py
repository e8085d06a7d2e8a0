"""core.fragments.query_key: which query strings a page may be kept for,
and that two different queries never share a key (issue 25)."""

from __future__ import annotations

from django.http import QueryDict

from core.fragments import query_key

LIST = frozenset({"kind", "year", "q", "type", "page"})


def test_a_value_that_reads_like_parameters_never_shares_another_querys_key():
    assert query_key(QueryDict("kind=som%26year%3D2020"), LIST) != query_key(
        QueryDict("kind=som&year=2020"), LIST)


def test_the_order_of_the_parameters_does_not_matter():
    assert query_key(QueryDict("year=2020&kind=som"), LIST) == query_key(
        QueryDict("kind=som&year=2020"), LIST)


def test_no_query_has_a_key_of_its_own():
    assert query_key(QueryDict(""), LIST) == "-"


def test_other_repeated_or_long_parameters_are_never_kept():
    assert query_key(QueryDict("utm_source=news"), LIST) is None
    assert query_key(QueryDict("kind=som&kind=mc"), LIST) is None
    assert query_key(QueryDict("q=" + "м" * 65), LIST) is None


def test_a_repeatable_parameter_is_kept_with_each_value_once():
    types = {"type": 3}
    assert query_key(QueryDict("type=report&type=law"), LIST, repeatable=types) is not None
    assert query_key(QueryDict("type=report&type=report"), LIST, repeatable=types) is None
    assert query_key(QueryDict("type=a&type=b&type=c&type=d"), LIST, repeatable=types) is None
