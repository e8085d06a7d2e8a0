"""RSS 2.0 and Atom feeds of the register, one per language
(/ru/decisions/feed/rss/, /en/decisions/feed/atom/, ...): outcomes as they
enter the register, the latest first, each linking its permalink. Public
outcomes only, whoever asks: feed readers share and cache what they fetch.

As the archive's feeds: a summary is plain text (Atom says so; in RSS the
text goes in HTML-escaped)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

from archive.feeds import TextSummaryAtom1Feed
from core.dates import date_label

from . import selectors
from .models import RegisterOutcome

FEED_SIZE = 30


def outcome_title(outcome: RegisterOutcome) -> str:
    """"Decision: Senior Officials' Meeting 2024, 12 June 2024"."""
    return pgettext("outcome in a feed", "%(kind)s: %(meeting)s, %(date)s") % {
        "kind": outcome.get_kind_display(), "meeting": outcome.meeting.title,
        "date": date_label(outcome.adopted_on),
    }


def outcome_summary(outcome: RegisterOutcome) -> str:
    return Truncator((outcome.text or "").strip()).words(80)


class OutcomesFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self) -> str:
        return gettext("Almaty Process: decisions register")

    def description(self) -> str:
        return gettext(
            "Decisions, conclusions and recommendations of the meetings of the Almaty Process, "
            "as they enter the register."
        )

    def link(self) -> str:
        return reverse("decisions:register")

    def feed_url(self) -> str:
        return reverse("decisions:feed_rss")

    def items(self) -> list[RegisterOutcome]:
        return selectors.outcomes_for_feed(limit=FEED_SIZE)

    def item_title(self, item: RegisterOutcome) -> str:
        return outcome_title(item)

    def item_description(self, item: RegisterOutcome) -> str:
        return escape(outcome_summary(item))

    def item_link(self, item: RegisterOutcome) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: RegisterOutcome):
        return item.published_at

    def item_categories(self, item: RegisterOutcome) -> list[str]:
        return [str(item.get_kind_display()), str(item.meeting.get_kind_display())]


class OutcomesAtomFeed(OutcomesFeed):
    feed_type = TextSummaryAtom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return reverse("decisions:feed_atom")

    def item_description(self, item: RegisterOutcome) -> str:
        return outcome_summary(item)
