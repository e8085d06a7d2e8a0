"""RSS 2.0 and Atom feeds of the news, one per language (/ru/news/feed/rss/,
/en/news/feed/atom/, ...): titles, leads and links in the language of the
URL.

A lead is plain text. Atom says so (``type="text"``, the archive's
TextSummaryAtom1Feed); an RSS description is HTML by convention, so there
the text goes in HTML-escaped. Either way a reader shows ``<img onerror>``
typed into a lead as the characters it is."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from archive.feeds import TextSummaryAtom1Feed

from . import selectors
from .models import NewsItem
from .richtext import plain_text


class LatestNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Almaty Process: news")
    description = _(
        "News of the Almaty Process on mixed migration and refugee protection, from its "
        "Support Unit."
    )

    def link(self) -> str:
        return reverse("content:news_list")

    def feed_url(self) -> str:
        return reverse("content:news_feed_rss")

    def items(self) -> list[NewsItem]:
        return selectors.news_for_feed()

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def summary_of(self, item: NewsItem) -> str:
        return item.lead or plain_text(item.title)

    def item_description(self, item: NewsItem) -> str:
        return escape(self.summary_of(item))

    def item_link(self, item: NewsItem) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: NewsItem):
        return item.published_at

    def item_updateddate(self, item: NewsItem):
        return item.updated_at


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = TextSummaryAtom1Feed
    subtitle = LatestNewsFeed.description

    def item_description(self, item: NewsItem) -> str:
        return self.summary_of(item)

    def feed_url(self) -> str:
        return reverse("content:news_feed_atom")
