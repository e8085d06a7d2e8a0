"""The meeting's participant list, name badges and table name plates as
PDF (WeasyPrint), and the list as CSV. Print templates live in
templates/meetings/pdf/; text is set in the bundled Noto Sans (Cyrillic
and Latin), never a system font; WeasyPrint may read the bundled fonts
and nothing else (no network, no other file)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

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


def badges_pdf(*, meeting: Meeting, language: str) -> bytes:
    """One badge per delegate (eight to an A4 page): the name in Latin and
    Cyrillic script, the delegation, the role."""
    members = [
        (entry, member)
        for entry in participants_in_protocol_order(meeting=meeting)
        for member in entry.members
    ]
    return _render("meetings/pdf/badges.html", {"meeting": meeting, "members": members},
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
        _("Position"), _("Agency"), _("Email"), _("Preferred language"),
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
