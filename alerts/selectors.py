"""Named reads of alerts: the choices a subscriber picks from, how a
topic is named, which subscriptions are due, and what a digest lists.

What a recipient may see is the archive's one rule
(``archive.selectors.documents_visible_to``), asked on the day the digest
is sent: an address that belongs to an active account gets what that
account may see that day (a coordinator in office their state's documents,
the same coordinator out of office public ones only); any other address
gets public documents only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.filters import DocumentFilter, Sort
from archive.models import Document
from archive.selectors import documents_visible_to, filter_choices
from decisions.feeds import outcome_title
from decisions.selectors import outcomes_published_between
from meetings.enums import MeetingKind

from .enums import Frequency, Topic
from .models import VALUE_MAX_LENGTH, Subscription

# Items one section of a digest lists at most (the rest are counted, with
# a link to the archive).
SECTION_LIMIT = 50

# The archive list's parameters a saved search keeps (the sort and the
# page are not part of what is followed).
SEARCH_PARAMETERS = ("q", "type", "year", "date_from", "date_to", "theme", "state", "language")


def themes_and_states() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The archive's filter choices: themes (slug, name) and states
    (lower-case ISO3 code, name), in the active language."""
    return filter_choices(generation=None)


def meeting_kind_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in MeetingKind.choices]


def decisions_available() -> bool:
    """Whether the register of decisions can be followed (it can: kept as
    the one switch should the register be turned off)."""
    return True


def search_parameters(query_string: str) -> QueryDict | None:
    """A saved search's parameters as the archive's list takes them (only
    those it filters on, in a stable order), or None when there are none
    or the archive's filters refuse them."""
    given = QueryDict(query_string or "")
    kept = QueryDict(mutable=True)
    for name in SEARCH_PARAMETERS:
        values = [value.strip() for value in given.getlist(name) if value.strip()]
        if values:
            kept.setlist(name, sorted(values) if name == "type" else values[:1])
    if not kept:
        return None
    if not DocumentFilter(data=kept, queryset=Document.objects.none()).is_valid():
        return None
    if len(kept.urlencode()) > VALUE_MAX_LENGTH:
        return None
    return kept


class Describer:
    """Names topics in the active language, reading the theme and state
    lists once however many topics it names (a page of subscriptions)."""

    def __init__(self):
        self._choices: tuple[dict, dict] | None = None

    def _lists(self) -> tuple[dict, dict]:
        if self._choices is None:
            themes, states = filter_choices(generation=None)
            self._choices = (dict(themes), dict(states))
        return self._choices

    def __call__(self, *, topic: str, value: str) -> str:
        if topic == Topic.THEME:
            return _("Theme: %(name)s") % {"name": self._lists()[0].get(value, value)}
        if topic == Topic.STATE:
            return _("State concerned: %(name)s") % {
                "name": self._lists()[1].get(value.lower(), value)}
        if topic == Topic.MEETING_KIND:
            return _("Documents of meetings: %(kind)s") % {
                "kind": dict(meeting_kind_choices()).get(value, value)}
        if topic == Topic.DECISIONS:
            return _("Register of decisions")
        return _("Archive search: %(terms)s") % {"terms": self._search_terms(value)}

    def _search_terms(self, value: str) -> str:
        parameters = QueryDict(value)
        themes, states = self._lists() if (parameters.get("theme") or parameters.get("state")) \
            else ({}, {})
        parts = []
        if parameters.get("q"):
            parts.append(f"«{parameters['q']}»")
        if parameters.get("theme"):
            parts.append(themes.get(parameters["theme"], parameters["theme"]))
        if parameters.get("state"):
            parts.append(states.get(parameters["state"].lower(), parameters["state"]))
        others = [f"{name}={parameters[name]}" for name in SEARCH_PARAMETERS
                  if name not in ("q", "theme", "state") and parameters.get(name)]
        return ", ".join(parts + others) or _("all documents")


def describe(*, topic: str, value: str) -> str:
    """How one topic reads for its subscriber (in the active language)."""
    return Describer()(topic=topic, value=value)


def described(rows: list[Subscription]) -> list[Subscription]:
    """``rows`` each with its ``description``."""
    name = Describer()
    for row in rows:
        row.description = name(topic=row.topic, value=row.value)
    return rows


def subscriptions_of(*, email: str) -> list[Subscription]:
    """An address's subscriptions, confirmed first."""
    rows = Subscription.objects.filter(email=email.strip().lower())
    return sorted(rows, key=lambda s: (s.confirmed_at is None, s.topic, s.value))


def start_of_local_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def due_subscriptions(*, now: datetime.datetime) -> QuerySet[Subscription]:
    """Confirmed subscriptions whose digest is due at ``now``: daily ones
    whose last digest covered up to a day before today (Almaty days),
    weekly ones whose last covered up to seven days ago or more."""
    today = timezone.localdate(now)
    daily = start_of_local_day(today)
    weekly = start_of_local_day(today - datetime.timedelta(days=6))
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    return (confirmed.filter(frequency=Frequency.DAILY, digest_covered_until__lt=daily)
            | confirmed.filter(frequency=Frequency.WEEKLY, digest_covered_until__lt=weekly))


def recipient_account(*, email: str):
    """The active account of this address, if any (its access decides what
    its digests list)."""
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


@dataclass
class Item:
    """One line of a digest: a document or a register entry, named in the
    active language, with its path (made absolute for the email)."""

    title: str
    date: datetime.date
    path: str
    absolute_url: str = ""


@dataclass
class Section:
    subscription: Subscription
    title: str
    items: list = field(default_factory=list)
    more: int = 0
    archive_path: str = ""


def digest_items(*, subscription: Subscription, user, start: datetime.datetime,
                 end: datetime.datetime) -> tuple[list[Item], int]:
    """What ``subscription`` lists for a period, in the active language: the
    documents published in (start, end] that ``user`` (None: anonymous) may
    see today, matching its topic, newest first (or, for the register of
    decisions, the entries published in [start, end) this user may see:
    the register's own rule, ``decisions.selectors``); at most
    ``SECTION_LIMIT``, and how many more."""
    if subscription.topic == Topic.DECISIONS:
        return _register_items(user=user, start=start, end=end)
    documents = documents_visible_to(user=user).filter(
        published_at__gt=start, published_at__lte=end)
    topic, value = subscription.topic, subscription.value
    if topic == Topic.THEME:
        documents = documents.filter(themes__slug=value)
    elif topic == Topic.STATE:
        documents = documents.filter(states__iso3=value.upper())
    elif topic == Topic.MEETING_KIND:
        documents = documents.filter(meeting_links__meeting__kind=value)
    elif topic == Topic.SEARCH:
        parameters = search_parameters(value)
        if parameters is None:
            return [], 0
        parameters = parameters.copy()
        parameters["sort"] = Sort.NEWEST
        documents = DocumentFilter(data=parameters, queryset=documents).qs
    else:
        return [], 0
    ids = list(documents.order_by().values_list("pk", flat=True).distinct())
    shown = list(Document.objects.filter(pk__in=ids).order_by("-published_at", "-pk")
                 .only("pk", "slug", "title", "title_ru", "title_en", "date", "doc_type",
                       "published_at")[:SECTION_LIMIT])
    return ([Item(title=document.title, date=document.date, path=document.get_absolute_url())
             for document in shown], max(0, len(ids) - len(shown)))


def _register_items(*, user, start: datetime.datetime,
                    end: datetime.datetime) -> tuple[list[Item], int]:
    outcomes = list(outcomes_published_between(user=user, start=start, end=end))
    shown = outcomes[-SECTION_LIMIT:][::-1]
    return ([Item(title=outcome_title(outcome), date=outcome.adopted_on,
                  path=outcome.get_absolute_url()) for outcome in shown],
            len(outcomes) - len(shown))
