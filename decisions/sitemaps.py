"""The register in /sitemap.xml: the list and every public outcome's page,
in Russian and in English, each entry with its other-language alternate."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from . import selectors
from .models import RegisterOutcome


class OutcomeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return selectors.outcomes_for_sitemap()

    def lastmod(self, item: RegisterOutcome):
        return item.published_at
