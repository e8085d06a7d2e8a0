"""Documents in /sitemap.xml: every published public document, in Russian
and in English, each entry with its other-language alternate."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from . import selectors
from .models import Document


class DocumentSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        # What an entry reads (its address and date): the titles and
        # summaries of thousands of documents a page would triple the read.
        return selectors.public_documents().only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Document):
        return item.updated_at
