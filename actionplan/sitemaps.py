"""The action plan in /sitemap.xml: every plan version and the progress
page, each in Russian and English."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Plan


class PlanSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ["progress", *Plan.objects.order_by("-version").only("pk", "version")]

    def location(self, item):
        if item == "progress":
            return reverse("actionplan:progress")
        return item.get_absolute_url()
