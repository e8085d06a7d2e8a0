"""The sitemap's entries for the pages that are not one app's objects
(home, about, the lists) and for the apps without a sitemap of their own
(meetings, states): each in Russian and in English, with its alternate
(the wiring layer reads the apps through their selectors)."""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property

from core.links import configured_base_url
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
        # Only what the location reads: the list's columns and host state
        # would be read for each of thousands of meetings.
        meetings = meeting_selectors.meetings_for_list().select_related(None)
        return meetings.only("pk", "slug").order_by("pk")


class StateSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return membership_selectors.states_for_public_list().prefetch_related(None).order_by("pk")


# URLs per section page (each with its alternates): /sitemap.xml is an index
# of the sections' pages, so no response lists the whole archive (200,000
# URLs at 100,000 documents took 13.5 s to write).
SITEMAP_PAGE_SIZE = 5000


class _LanguagePairs:
    """The (item, language) pairs Django's i18n sitemap pages through, read
    lazily from the items' queryset: its length is one COUNT, a page the
    keys of its items (LIMIT/OFFSET) and their rows (Django builds the whole
    list of pairs, every item of the section, for every page and for the
    index)."""

    def __init__(self, items: QuerySet, languages: list[str]):
        self.items = items
        self.languages = languages

    def count(self) -> int:
        return self.items.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        per_item = len(self.languages)
        start, stop = index.start or 0, index.stop
        first = start // per_item
        last = None if stop is None else math.ceil(stop / per_item)
        # The page's keys first (a narrow read the planner can take from an
        # index and sort in memory), then its rows by key: an OFFSET over
        # whole rows sorted the table's wide rows on disk for deep pages.
        keys = list(self.items.values_list("pk", flat=True)[first:last])
        rows = {item.pk: item for item in self.items.filter(pk__in=keys)}
        pairs = [(rows[key], language) for key in keys if key in rows
                 for language in self.languages]
        offset = first * per_item
        return pairs[start - offset:None if stop is None else stop - offset]


class _PublicAddress:
    """Locations on ``PORTAL_BASE_URL`` when it is set (as canonical URLs
    are), else on the address the request came to; pages of at most
    SITEMAP_PAGE_SIZE URLs, read a page at a time."""

    limit = SITEMAP_PAGE_SIZE

    def _items(self):
        items = self.items()
        if self.i18n and isinstance(items, QuerySet):
            return _LanguagePairs(items, self._languages())
        return super()._items()

    @cached_property
    def paginator(self):
        return Paginator(self._items(), self.limit)

    def _urls(self, page, protocol, domain):
        """Django's entries, each item's path reversed once (in the default
        language) instead of once per language and alternate: the other
        languages' paths differ only by their prefix (the URL patterns are
        not translated), and x-default has none."""
        if not self.i18n:
            return super()._urls(page, protocol, domain)
        default = settings.LANGUAGE_CODE
        prefix = f"/{default}/"
        languages = self._languages()
        paths = {}

        def path_in(item, language):
            obj = item[0]
            key = id(obj)
            if key not in paths:
                with translation.override(default):
                    paths[key] = self._get("location", (obj, default))
            base = paths[key]
            if not base.startswith(prefix):
                return self._location(item, language)
            return ("/" if language is None else f"/{language}/") + base[len(prefix):]

        urls = []
        latest = None
        base_url = f"{protocol}://{domain}"
        for item in self.paginator.page(page).object_list:
            alternates = []
            if self.alternates:
                alternates = [{"location": base_url + path_in(item, code), "lang_code": code}
                              for code in languages]
                if self.x_default and default in languages:
                    alternates.append({"location": base_url + path_in(item, None),
                                       "lang_code": "x-default"})
            priority = self._get("priority", item)
            lastmod = self._get("lastmod", item)
            if lastmod is not None and (latest is None or lastmod > latest):
                latest = lastmod
            urls.append({
                "item": item,
                "location": base_url + path_in(item, item[1]),
                "lastmod": lastmod,
                "changefreq": self._get("changefreq", item),
                "priority": str(priority if priority is not None else ""),
                "alternates": alternates,
            })
        if latest is not None and all(url["lastmod"] is not None for url in urls):
            self.latest_lastmod = latest
        return urls

    def get_latest_lastmod(self):
        """None: the index names no date for a section (Django would read
        every item of the section to find the latest; each page's entries
        keep their own dates)."""
        return

    # Django hands the sitemap the request's site and scheme (its host with
    # the port), which is core.links.base_url's answer when nothing is
    # configured.
    def get_domain(self, site=None):
        if configured_base_url():
            return urlsplit(configured_base_url()).netloc
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if configured_base_url():
            return urlsplit(configured_base_url()).scheme
        return super().get_protocol(protocol)


def on_public_address(sitemaps: dict[str, type[Sitemap]]) -> dict[str, type[Sitemap]]:
    """The apps' sitemaps, each writing its locations on the public address,
    a page at a time."""
    return {
        name: type(sitemap.__name__, (_PublicAddress, sitemap), {})
        for name, sitemap in sitemaps.items()
    }
