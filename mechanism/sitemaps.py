"""The Operational Mechanism in /sitemap.xml: the text in force and the
list of its versions, each in Russian and English, once a text exists."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import MechanismVersion


class MechanismSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        if not MechanismVersion.objects.exists():
            return []
        return ["mechanism:text", "mechanism:versions"]

    def location(self, item):
        return reverse(item)
