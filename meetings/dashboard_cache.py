"""The registering party's dashboard ("My state", "My organisation"),
cached.

Building a dashboard takes about 40 ms of CPU (the user's roles, the
meetings in hand with their delegates, the earlier delegations, the briefing
packs, a long template), and it is read far more often than what it shows
changes. So its body, everything inside ``<main>``, is stored per signed-in
user (and whether they are staff), language, Almaty date and address (the
page of earlier delegations), together with the user's roles. The layout
around it (the user's name, the sign-out form's CSRF token, messages) is
rendered for every request as before: the body is rendered without the
request's context processors, so no token, message or other person's data
is ever stored in it, and no user is given another's entry.

An entry is used only while the generation token it was rendered in is
still current: ``GENERATION_KEY``, set anew (``core.generations``: on
commit, once per transaction) by every save, deletion or many-to-many
change of a model of the apps a dashboard shows (``follow_app``, called by
each app from its ready(); meetings for membership too): meetings
(meetings, delegations, delegates and their accreditation, observer
invitations), membership (states, membership periods,
coordinators' terms, focal points, organisations: the roles, the party's
name) and briefings (packs); and by ``migrate`` (a deployment, perhaps with
a new template). The archive's documents, news or chairs do not drop the
dashboards: an import of documents leaves them cached.

The clock changes a dashboard too. The Almaty date in the key starts new
entries at midnight (a meeting over, a coordinator's term ended), and an
entry lives no longer than until the next moment a meeting's registration
opens or closes (``core.pagecache.next_clock_change``: the clock meetings
registers is ``selectors.next_registration_change``), so a deadline
shows as passed on time.

A hit costs one cache round trip (the token and the entry read together)
and no query beyond the session's user. The token is read before any row
is, so a change committed while a body is being rendered leaves that entry
under the older generation, never used. A bulk ``QuerySet.update()``
sends no signal: what changes a dashboard's rows goes through ``save()``.

``DASHBOARD_CACHE_SECONDS`` bounds an entry's life (0 turns the cache off);
unset, it follows ``PAGE_CACHE_SECONDS`` (off in the tests' settings, like
the page cache: a test's changes are rolled back, and their on-commit bumps
never run).
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from core import generations, pagecache
from membership.permissions import Roles

logger = logging.getLogger(__name__)

GENERATION_KEY = "dashboard:generation"
# Part of every entry's key: a release that changes what an entry holds
# (or the body's template) changes it.
ENTRY_VERSION = "1"
# The query parameters the dashboard reads (meetings/views/registration.py,
# DashboardView): the only ones in an entry's key.
KEY_PARAMETERS = ("page",)
# Page numbers beyond this many digits are not cached (rendered as usual).
MAX_PAGE_DIGITS = 6


def requested_page(request) -> int | None:
    """The page of earlier delegations asked for (1 without ``?page=``), or
    None when the value is not a plain page number ("02", "abc", "-1"): the
    paginator shows the nearest page for those, and they are not cached."""
    values = request.GET.getlist("page")
    if not values:
        return 1
    value = values[-1]
    if not (value.isascii() and value.isdigit()) or value.startswith("0"):
        return None
    if len(value) > MAX_PAGE_DIGITS:
        return None
    return int(value)


def seconds() -> int:
    """An entry's longest life; 0 turns the dashboard cache off."""
    value = getattr(settings, "DASHBOARD_CACHE_SECONDS", None)
    return pagecache.seconds() if value is None else value


@dataclass(frozen=True)
class CachedDashboard:
    roles: Roles
    body: str


class DashboardCache:
    """One request's entry: looked up once (which reads the generation),
    stored after a miss with the generation read before the rows were."""

    def __init__(self, request, *, now: datetime.datetime, page: int):
        user = request.user
        path = hashlib.md5(request.path.encode(), usedforsecurity=False).hexdigest()
        self.now = now
        self.page = page
        # The path and the one parameter the view reads (``page``), never
        # the whole query string: ``?x=1``, ``?x=2``... would each make an
        # entry (issue 22, item 12).
        self.key = ":".join((
            "dashboard", ENTRY_VERSION, str(user.pk), "staff" if user.is_staff else "user",
            translation.get_language(), f"{timezone.localdate(now):%Y%m%d}", path, str(page),
        ))
        self.generation: str | None = None

    @classmethod
    def for_request(cls, request, *, now: datetime.datetime) -> DashboardCache | None:
        """None when the cache is off or the request is not a signed-in,
        active user's GET."""
        user = request.user
        if seconds() <= 0 or request.method != "GET":
            return None
        if not (user.is_authenticated and user.is_active):
            return None
        page = requested_page(request)
        if page is None:
            return None
        return cls(request, now=now, page=page)

    @staticmethod
    def body_request(request):
        """The request the body is rendered with: its query string cut to
        the parameters in the key, so that a stored body's links (the
        pager's) carry nothing of the request that stored it."""
        body_request = copy.copy(request)
        body_request.GET = QueryDict(mutable=True)
        for name in KEY_PARAMETERS:
            if name in request.GET:
                body_request.GET.setlist(name, request.GET.getlist(name)[-1:])
        return body_request

    def lookup(self) -> CachedDashboard | None:
        try:
            found = generations.cache().get_many([GENERATION_KEY, self.key])
            self.generation = (found.get(GENERATION_KEY)
                               or generations.generation_of(GENERATION_KEY))
        except Exception:
            logger.exception("Dashboard cache unavailable")
            return None
        entry = found.get(self.key)
        if entry is None or entry[0] != self.generation:
            return None
        return CachedDashboard(roles=entry[1], body=mark_safe(entry[2]))  # noqa: S308 (our own render)

    def store(self, *, roles: Roles, body: str, page_shown: int | None = None) -> None:
        """Keep the body rendered from rows read at ``self.now``, until the
        next registration boundary after that moment at the latest. A page
        number past the last page shows the last one (the paginator's
        rule): such a body is not kept, so that the entries of a user are
        no more than their real pages."""
        if self.generation is None:
            return
        if page_shown is not None and page_shown != self.page:
            return
        timeout = seconds()
        boundary = pagecache.next_clock_change(now=self.now)
        if boundary is not None:
            timeout = min(timeout, math.floor((boundary - timezone.now()).total_seconds()))
        if timeout <= 0:
            return
        try:
            generations.cache().set(self.key, (self.generation, roles, str(body)), timeout)
        except Exception:
            logger.exception("Dashboard cache unavailable")


# --- What invalidates ---------------------------------------------------------------

def follow_app(app_config, *, private: tuple = ()) -> None:
    """Every model of the app but ``private`` drops the dashboards when it
    changes. Meetings registers its own rows and membership's
    (MeetingsConfig.ready); an app above meetings registers its own from
    its ready() (briefings: the packs), so meetings names none of them."""
    generations.follow_app(app_config, key=GENERATION_KEY, private=private)


def watch_migrate(app_config) -> None:
    """A deployment, perhaps with a new template, drops every dashboard."""
    generations.follow_migrate(app_config, key=GENERATION_KEY)
