"""core.pdf: the one WeasyPrint renderer and its restricted URL fetcher."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from core.pdf import FONTS_ROOT, STATIC_ROOT, render_pdf, url_fetcher


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    f"file://{STATIC_ROOT}/../pyproject.toml",
    "http://example.com/logo.png",
    "https://example.org/font.ttf",
    "data:text/plain,hello",
])
def test_url_fetcher_refuses_the_network_and_files_outside_its_roots(url):
    fetcher = url_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts")

    with pytest.raises(ValueError, match="only the bundled fonts"):
        fetcher.fetch(url)


def test_url_fetcher_reads_a_file_under_one_of_its_roots(tmp_path):
    fetcher = url_fetcher(roots=[tmp_path, FONTS_ROOT], allowed="fonts and tmp")

    response = fetcher.fetch((FONTS_ROOT / "NotoSans-Regular.ttf").as_uri())

    assert response.read(4) == b"\x00\x01\x00\x00"


def test_render_pdf_sets_the_text_in_the_bundled_font():
    html = (
        f'<style>@font-face {{ font-family: Noto; src: url("{FONTS_ROOT.as_uri()}/'
        'NotoSans-Regular.ttf"); }} body { font-family: Noto; }</style><p>Алматы</p>'
    )

    content = render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/",
                         fetcher=url_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts"))

    page = PdfReader(io.BytesIO(content)).pages[0]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert "Алматы" in page.extract_text()
    assert len(fonts) == 1
    assert "Noto" in fonts.pop()


def test_render_pdf_is_tagged_with_the_pages_language_and_title():
    from tests.pdf_checks import accessibility, expected, pdfinfo

    html = (
        f'<html lang="ru"><head><title>Проба</title><style>@font-face {{ font-family: Noto; '
        f'src: url("{FONTS_ROOT.as_uri()}/NotoSans-Regular.ttf"); }} body {{ font-family: Noto; }}'
        '</style></head><body><h1>Алматы</h1></body></html>'
    )

    content = render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/",
                         fetcher=url_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts"))

    assert accessibility(content) == expected("ru")
    assert pdfinfo(content)["Title"] == "Проба"
