"""The meeting's participant list, name badges and table name plates as
PDF (WeasyPrint), and the list as CSV. Print templates live in
templates/meetings/pdf/; text is set in the bundled Noto Sans (Cyrillic
and Latin), never a system font; WeasyPrint may read the bundled fonts
and nothing else (no network, no other file)."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.csvsafe import csv_bytes
from core.pdf import FONTS_ROOT, render_pdf
from core.pdf import url_fetcher as restricted_fetcher

from .models import Meeting
from .selectors import participants_in_protocol_order


def url_fetcher():
    """WeasyPrint may read the bundled fonts under static/fonts, nothing else."""
    return restricted_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts")


def _render(template: str, context: dict, *, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string(template, {**context, "language": language,
                                           "fonts": FONTS_ROOT.as_uri()})
    return render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/", fetcher=url_fetcher())


def participants_pdf(*, meeting: Meeting, language: str) -> bytes:
    return _render("meetings/pdf/participants.html", {
        "meeting": meeting, "delegations": participants_in_protocol_order(meeting=meeting),
    }, language=language)


BADGES_PER_SHEET = 10  # two columns of five CR80 cards on A4


@dataclass
class Badge:
    """What one badge shows: the name in Latin and Cyrillic script (the
    latter when the delegate has one), and the meeting, the delegation and
    the role in Russian and in English (``en`` empty where English would
    only repeat the Russian, a name without a translation)."""

    name_latin: str
    name_cyrillic: str
    meeting: dict[str, str]
    party: dict[str, str]
    role: dict[str, str]


def _both_languages(read) -> dict[str, str]:
    texts = {}
    for code in ("ru", "en"):
        with translation.override(code):
            texts[code] = str(read())
    if texts["en"] == texts["ru"]:
        texts["en"] = ""
    return texts


def badges_pdf(*, meeting: Meeting, language: str) -> bytes:
    """One badge per delegate, ISO/IEC 7810 ID-1 size (CR80, 85.6 × 54 mm:
    the size of every standard badge holder and card printer), ten to an
    A4 sheet in two columns with gutters, each card outlined as its cut
    line. Each badge is bilingual whatever ``language`` is (the one of the
    file's title): the meeting, the delegation and the role in Russian and
    English, the name in both scripts."""
    title = _both_languages(lambda: meeting.title)
    badges = [
        Badge(
            name_latin=f"{member.given_names_latin} {member.surname_latin.upper()}".strip(),
            name_cyrillic=member.name_cyrillic,
            meeting=title,
            party=_both_languages(lambda entry=entry: entry.delegation.party_name),
            role=_both_languages(member.get_role_display),
        )
        for entry in participants_in_protocol_order(meeting=meeting)
        for member in entry.members
    ]
    sheets = [badges[i:i + BADGES_PER_SHEET] for i in range(0, len(badges), BADGES_PER_SHEET)]
    return _render("meetings/pdf/badges.html", {"meeting": meeting, "sheets": sheets},
                   language=language)


def plates_pdf(*, meeting: Meeting, language: str) -> bytes:
    """One table name plate per delegation (an A4 landscape page folded in
    two): the state's or organisation's name in Russian and in English."""
    return _render("meetings/pdf/plates.html", {
        "meeting": meeting, "delegations": participants_in_protocol_order(meeting=meeting),
    }, language=language)


def participants_csv(*, meeting: Meeting) -> bytes:
    """The list of participants in protocol order, headers in the active
    language; core.csvsafe writes it (UTF-8 with a byte order mark,
    every cell a spreadsheet would read as a formula neutralised: a
    delegate's name is what a coordinator typed). The admin's download
    hands the same table to core.csvsafe.csv_response."""
    header, rows = participants_table(meeting=meeting)
    return csv_bytes([header, *rows])


def participants_table(*, meeting: Meeting) -> tuple[list[str], list[list]]:
    """(header, rows) of the list of participants, for the CSV."""
    header = [
        _("Group"), _("State or organisation"), _("Role"), _("Surname (Latin)"),
        _("Given names (Latin)"), _("Surname (Cyrillic)"), _("Given names (Cyrillic)"),
        _("Position"), _("Agency"), pgettext("column", "Email"), _("Preferred language"),
        _("Invitation or visa letter"), _("Dietary needs"), _("Accessibility needs"),
        _("Accreditation"),
    ]
    rows = [
        [
            entry.group.label, entry.delegation.party_name, member.get_role_display(),
            member.surname_latin, member.given_names_latin, member.surname_cyrillic,
            member.given_names_cyrillic, member.position, member.agency, member.email,
            member.get_preferred_language_display(),
            _("yes") if member.needs_visa_letter else _("no"),
            member.dietary_needs, member.accessibility_needs,
            member.get_accreditation_display(),
        ]
        for entry in participants_in_protocol_order(meeting=meeting)
        for member in entry.members
    ]
    return header, rows
