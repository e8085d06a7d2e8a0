"""RSS 2.0 and Atom feeds of newly published public documents, one per
language (/ru/archive/feed/rss/, /en/archive/feed/atom/, ...): titles,
summaries and links in the language of the URL. Public documents only,
whoever asks: feed readers share and cache what they fetch.

A summary is plain text. Atom says so (``type="text"``); an RSS description
is HTML by convention, so there the text goes in HTML-escaped. Either way a
reader shows ``<img onerror=...>`` in a summary as the characters it is."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Document

FEED_SIZE = 20


class TextSummaryAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are text (Django's Atom1Feed marks them
    ``type="html"``, so a reader would render markup typed into one)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestDocumentsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Almaty Process: new documents in the archive")
    description = _(
        "Documents newly published in the archive of the Almaty Process on mixed "
        "migration and refugee protection."
    )

    def link(self) -> str:
        return reverse("archive:document_list")

    def feed_url(self) -> str:
        return reverse("archive:feed_rss")

    def items(self) -> list[Document]:
        return list(
            selectors.public_documents().order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item: Document) -> str:
        return item.title

    def item_description(self, item: Document) -> str:
        return escape(item.summary)

    def item_link(self, item: Document) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Document):
        return item.published_at

    def item_updateddate(self, item: Document):
        return item.updated_at

    def item_categories(self, item: Document) -> list[str]:
        return [str(item.get_doc_type_display())]


class LatestDocumentsAtomFeed(LatestDocumentsFeed):
    feed_type = TextSummaryAtom1Feed
    subtitle = LatestDocumentsFeed.description

    def item_description(self, item: Document) -> str:
        return item.summary

    def feed_url(self) -> str:
        return reverse("archive:feed_atom")
