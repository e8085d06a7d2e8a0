"""Content pages in /sitemap.xml, each entry in Russian and in English with
its other-language alternate (as archive.sitemaps does)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from . import selectors
from .models import NewsItem, Project


class NewsSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return selectors.public_news().defer("body", "body_ru", "body_en").order_by("pk")

    def lastmod(self, item: NewsItem):
        return item.updated_at


class ProjectSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return selectors.public_projects()

    def lastmod(self, item: Project):
        return item.updated_at
