"""iCalendar (RFC 5545) for meetings: one meeting's event to download, and a
feed of recent and upcoming meetings to subscribe to. Meetings are all-day
events on their dates (inclusive here, so DTEND is the day after the last);
texts are in the language of the page that links them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from .enums import MeetingStatus
from .models import Meeting

PRODUCT_ID = "-//Almaty Process//Portal//EN"
ONE_DAY = datetime.timedelta(days=1)


def _uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{getattr(settings, 'PORTAL_DOMAIN', 'almaty-process')}"


def meeting_event(meeting: Meeting, *, url: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", _uid(meeting))
    event.add("dtstamp", meeting.updated_at or datetime.datetime.now(datetime.UTC))
    event.add("dtstart", meeting.start)
    event.add("dtend", meeting.end + ONE_DAY)
    event.add("summary", meeting.title)
    place = ", ".join(
        part for part in (
            meeting.venue, meeting.city, meeting.host_state.name if meeting.host_state else "",
        ) if part
    )
    if place:
        event.add("location", place)
    description = "\n\n".join(part for part in (
        meeting.get_kind_display(), meeting.description, url,
    ) if part)
    event.add("description", description)
    event.add("url", url)
    event.add("categories", [meeting.get_kind_display()])
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    elif meeting.status == MeetingStatus.POSTPONED:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_of(meetings: Iterable[Meeting], *, url_for, name: str) -> bytes:
    """The meetings as one VCALENDAR; ``url_for(meeting)`` gives each
    meeting's absolute page address."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url=url_for(meeting)))
    return calendar.to_ical()


def feed_name() -> str:
    return _("Almaty Process meetings")
