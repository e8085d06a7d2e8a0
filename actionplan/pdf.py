"""The PDF progress report of a round: a Django template rendered in the
report's language, laid out by WeasyPrint with the bundled Noto Sans
(Cyrillic) and a URL fetcher that reads the project's static files only
(no network, no other path). Public notes only: the report may reach
everyone once the round is endorsed, and the briefing pack."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .enums import STATUS_SYMBOLS, NoteVisibility, ProgressStatus

STATIC_ROOT = Path(settings.BASE_DIR) / "static"


def url_fetcher():
    from weasyprint.urls import URLFetcher

    root = STATIC_ROOT.resolve()

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve()
            if parsed.scheme != "file" or not path.is_relative_to(root):
                raise ValueError(f"Refused to fetch {url}: only static files")
            return super().fetch(url, headers)

    return StaticFilesOnly(allowed_protocols={"file"})


def render_progress_report(*, reporting_round, language: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

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
            "font_dir": (STATIC_ROOT / "fonts").resolve().as_uri(),
        })
    fonts = FontConfiguration()
    return HTML(string=html, base_url=STATIC_ROOT.as_uri() + "/",
                url_fetcher=url_fetcher()).write_pdf(font_config=fonts)
