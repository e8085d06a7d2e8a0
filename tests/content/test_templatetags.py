import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.content.conftest import text_of
from tests.factories.content import NewsItemFactory

pytestmark = pytest.mark.django_db


class Rendered:
    def __init__(self, html: str):
        self.content = html.encode()


def render(language: str) -> Rendered:
    with translation.override(language):
        html = Template("{% load content %}{% latest_news_section %}").render(
            Context({"LANGUAGE_CODE": language})
        )
    return Rendered(html)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ("Последние новости Новость 3 5 марта 2025 Новость 2 4 марта 2025 Новость 1 "
            "3 марта 2025 Все новости")),
     ("en", ("Latest news News 3 5 March 2025 News 2 4 March 2025 News 1 3 March 2025 "
            "All news"))],
)
def test_latest_news_section_lists_the_three_newest_items(lang, expected):
    for day in range(2, 6):
        NewsItemFactory(title_ru=f"Новость {day - 2}", title_en=f"News {day - 2}",
                        date=datetime.date(2025, 3, day))

    assert text_of(render(lang)) == expected


def test_latest_news_section_costs_one_query(django_assert_num_queries):
    NewsItemFactory.create_batch(3)

    with django_assert_num_queries(1):
        render("ru")
