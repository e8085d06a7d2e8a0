"""The PDF progress report of a round: a Django template rendered in the
report's language, laid out by WeasyPrint with the bundled Noto Sans
(Cyrillic) and a URL fetcher that reads the project's static files only
(no network, no other path). Public notes only: the report may reach
everyone once the round is endorsed, and the briefing pack."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.pdf import FONTS_ROOT, STATIC_ROOT, render_pdf
from core.pdf import url_fetcher as restricted_fetcher

from .enums import STATUS_SYMBOLS, NoteVisibility, ProgressStatus


def url_fetcher():
    """WeasyPrint may read the project's static files, nothing else."""
    return restricted_fetcher(roots=[STATIC_ROOT], allowed="static files")


def render_progress_report(*, reporting_round, language: str) -> bytes:
    from .models import ProgressNote
    from .selectors import progress_matrix

    with translation.override(language):
        matrix = progress_matrix(reporting_round=reporting_round)
        notes = list(
            ProgressNote.objects.filter(progress__round=reporting_round,
                                        visibility=NoteVisibility.PUBLIC)
            .select_related("progress__state", "progress__action__area")
            .order_by("progress__action__area__number", "progress__action__order",
                      "progress__state__name", "date", "pk")
        )
        html = render_to_string("actionplan/pdf/progress_report.html", {
            "reporting_round": reporting_round, "matrix": matrix, "notes": notes,
            "statuses": [(v, label, STATUS_SYMBOLS[v]) for v, label in ProgressStatus.choices],
            "language": language, "generated": timezone.localdate(),
            "font_dir": FONTS_ROOT.resolve().as_uri(),
        })
    return render_pdf(html, base_url=STATIC_ROOT.as_uri() + "/", fetcher=url_fetcher())
