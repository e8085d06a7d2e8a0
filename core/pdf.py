"""The one HTML → PDF renderer: WeasyPrint with a restricted URL fetcher
and a ``FontConfiguration`` (so the bundled Noto Sans declared with
``@font-face`` is the font used, never a system font).

The fetcher reads ``file:`` URLs under the roots its caller names and
refuses everything else: the network (http, https, data…) and every other
path on disk, so a template that carries text from the database (a
document's summary, a delegate's name) cannot make WeasyPrint read
``/etc/passwd`` or call a server. Each caller names what it needs: the
bundled fonts (``FONTS_ROOT``), the static files (``STATIC_ROOT``), the
archive's own files.

Every PDF is tagged for accessibility (WeasyPrint's PDF/UA-1 variant,
``PDF_OPTIONS``): a structure tree of headings, lists and tables, the
document's language from ``<html lang>`` and its title from ``<title>``
(shown by the reader instead of the file's name). ``pdf_tags`` is named
as well as the variant: WeasyPrint 70 fills a variant's defaults only into
options left at ``None`` and ``pdf_tags`` defaults to ``False``.

WeasyPrint is imported inside the functions: it is slow to import and only
the PDF builders need it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from django.conf import settings

STATIC_ROOT = Path(settings.BASE_DIR) / "static"
FONTS_ROOT = STATIC_ROOT / "fonts"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def url_fetcher(*, roots: Iterable[Path], allowed: str) -> Any:
    """A WeasyPrint URL fetcher that reads files under ``roots`` and
    nothing else. ``allowed`` names them for the refusal's message
    ("Refused to fetch <url>: only <allowed>"). The roots are resolved
    here, when the fetcher is made (a test may change a setting first)."""
    from weasyprint.urls import URLFetcher

    resolved = [Path(root).resolve() for root in roots]

    class RootsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve()
            if parsed.scheme != "file" or not any(path.is_relative_to(r) for r in resolved):
                raise ValueError(f"Refused to fetch {url}: only {allowed}")
            return super().fetch(url, headers)

    return RootsOnly(allowed_protocols={"file"})


def font_configuration() -> Any:
    """A WeasyPrint ``FontConfiguration``: what makes ``@font-face`` work.
    One per build when several documents are laid out (fonts load once)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_document(html: str, *, base_url: str, fetcher: Any, font_config: Any = None) -> Any:
    """Lay ``html`` out (a WeasyPrint ``Document``: its pages and anchors
    can be read before writing). A build that lays out several documents
    passes one ``font_config`` and one ``fetcher`` to all of them."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=font_config or font_configuration(),
    )


def write_pdf(document: Any) -> bytes:
    """A laid-out ``Document`` (or a copy combining several documents'
    pages) as tagged PDF bytes."""
    return document.write_pdf(**PDF_OPTIONS)


def render_pdf(html: str, *, base_url: str, fetcher: Any, font_config: Any = None) -> bytes:
    """``html`` as tagged PDF bytes, fetching through ``fetcher`` only."""
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        font_config=font_config or font_configuration(), **PDF_OPTIONS,
    )
