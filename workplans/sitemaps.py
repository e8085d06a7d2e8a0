"""The work plans in /sitemap.xml: the list of years and every plan that
is not a draft (drafts are not public), each in Russian and English."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .selectors import public_plans


class WorkPlanSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ["index", *public_plans().only("pk", "year")]

    def location(self, item):
        if item == "index":
            return reverse("workplans:index")
        return item.get_absolute_url()
