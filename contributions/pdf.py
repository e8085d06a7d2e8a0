"""The yearly statement of contributions for the Senior Officials' Meeting:
a Django template rendered in the statement's language, laid out by the
house's tagged-PDF renderer (core.pdf) with the bundled Noto Sans and a
fetcher that reads the bundled fonts only."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.pdf import FONTS_ROOT, STATIC_ROOT, render_pdf
from core.pdf import url_fetcher as restricted_fetcher

from .selectors import statement_for_year


def render_statement(*, year: int, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("contributions/pdf/statement.html", {
            "statement": statement_for_year(year=year), "language": language,
            "generated": timezone.localdate(), "font_dir": FONTS_ROOT.resolve().as_uri(),
        })
    return render_pdf(html, base_url=STATIC_ROOT.as_uri() + "/",
                      fetcher=restricted_fetcher(roots=[FONTS_ROOT], allowed="bundled fonts"))
