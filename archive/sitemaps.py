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
        return selectors.public_documents().order_by("pk")

    def lastmod(self, item: Document):
        return item.updated_at
