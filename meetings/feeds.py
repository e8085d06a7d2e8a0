"""RSS 2.0 and Atom feeds of meetings, one per language
(/ru/meetings/feed/rss/, /en/meetings/feed/atom/, ...): the upcoming and the
last year's meetings, newest first by their first day, each linking its
page; a cancelled or postponed meeting says so in its title. Meetings are
public, so everyone gets the same feed.

As the archive's feeds: a summary is plain text. Atom says so
(``type="text"``); an RSS description is HTML by convention, so there the
text goes in HTML-escaped. Either way a reader shows ``<img onerror=...>``
typed into a title or description as the characters it is."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import pgettext

from archive.feeds import TextSummaryAtom1Feed
from core.dates import date_range

from . import selectors
from .enums import MeetingStatus
from .ics import feed_name
from .models import Meeting

FEED_SIZE = 30


def meeting_summary(meeting: Meeting) -> str:
    """Plain text: the dates and place, the status, the description."""
    place = meeting.city or (meeting.host_state.name if meeting.host_state else "")
    when = date_range(meeting.start, meeting.end)
    summary = f"{when}, {place}. " if place else f"{when}. "
    summary += f"{meeting.get_status_display()}."
    description = (meeting.description or "").strip()
    return f"{summary} {description}" if description else summary


class MeetingsFeed(Feed):
    feed_type = Rss201rev2Feed

    def title(self) -> str:
        return feed_name()

    def description(self) -> str:
        return pgettext(
            "meetings feed",
            "Upcoming and recent meetings of the Almaty Process: Ministerial Conferences, "
            "Senior Officials' Meetings, national consultations and thematic seminars.",
        )

    def link(self) -> str:
        return reverse("meetings:meeting_list")

    def feed_url(self) -> str:
        return reverse("meetings:feed_rss")

    def items(self) -> list[Meeting]:
        return selectors.meetings_for_feed(limit=FEED_SIZE)

    def item_title(self, item: Meeting) -> str:
        if item.status == MeetingStatus.CANCELLED:
            return pgettext("meeting in a feed", "%(title)s (cancelled)") % {"title": item.title}
        if item.status == MeetingStatus.POSTPONED:
            return pgettext("meeting in a feed", "%(title)s (postponed)") % {"title": item.title}
        return item.title

    def item_description(self, item: Meeting) -> str:
        return escape(meeting_summary(item))

    def item_link(self, item: Meeting) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Meeting):
        return item.created_at

    def item_updateddate(self, item: Meeting):
        return item.updated_at

    def item_categories(self, item: Meeting) -> list[str]:
        return [str(item.get_kind_display())]


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = TextSummaryAtom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return reverse("meetings:feed_atom")

    def item_description(self, item: Meeting) -> str:
        return meeting_summary(item)
