"""The sitemap's entries for the pages that are not one app's objects
(home, about, the lists) and for the apps without a sitemap of their own
(meetings, states): each in Russian and in English, with its alternate
(the wiring layer reads the apps through their selectors)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetings import selectors as meeting_selectors
from membership import selectors as membership_selectors

# URL names of the public pages that are neither an object nor a search.
STATIC_PAGES = (
    "home", "about", "content:news_list", "content:partner_list", "content:project_list",
    "content:contact", "meetings:meeting_list", "membership:state_list",
    "membership:observer_list", "chairmanship:overview", "archive:document_list",
)


class StaticPageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return list(STATIC_PAGES)

    def location(self, item: str) -> str:
        return reverse(item)


class MeetingSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return meeting_selectors.meetings_for_list().order_by("pk")


class StateSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return membership_selectors.states_for_public_list().prefetch_related(None).order_by("pk")


class _PublicAddress:
    """Locations on ``PORTAL_BASE_URL`` when it is set (as canonical URLs
    are), else on the address the request came to."""

    def get_domain(self, site=None):
        if settings.PORTAL_BASE_URL:
            return urlsplit(settings.PORTAL_BASE_URL).netloc
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.PORTAL_BASE_URL:
            return urlsplit(settings.PORTAL_BASE_URL).scheme
        return super().get_protocol(protocol)


def on_public_address(sitemaps: dict[str, type[Sitemap]]) -> dict[str, type[Sitemap]]:
    """The apps' sitemaps, each writing its locations on the public address."""
    return {
        name: type(sitemap.__name__, (_PublicAddress, sitemap), {})
        for name, sitemap in sitemaps.items()
    }
