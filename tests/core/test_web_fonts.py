"""The web fonts (issue 25): Noto Sans cut to the letters the portal writes,
as WOFF2, preloaded, with nothing lost that the full font could draw.

The full TTFs stay for the PDFs (WeasyPrint embeds its own subsets)."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

BASE = Path(settings.BASE_DIR)
FONTS = BASE / "static" / "fonts"
WEIGHTS = ("Regular", "Bold", "Italic")


def _script():
    spec = importlib.util.spec_from_file_location(
        "subset_fonts", BASE / "scripts" / "subset_fonts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cmap(path: Path) -> set[int]:
    return set(TTFont(str(path)).getBestCmap())


def _written_characters() -> dict[str, str]:
    """Every character of the catalogues, the page templates and the texts
    the portal loads (the founding texts, reference data, the demo), with a
    file it comes from. The admin's templates are left out: the admin uses
    its own fonts."""
    sources = [
        *BASE.glob("locale/*/LC_MESSAGES/django.po"),
        *(path for path in BASE.glob("templates/**/*.html") if "admin" not in path.parts),
        *BASE.glob("*/templates/**/*.html"),
        *BASE.glob("*/data/*.json"),
        *BASE.glob("*/migrations/*.py"),
        *BASE.glob("*/demo.py"),
        *BASE.glob("*/demo/*.py"),
    ]
    found: dict[str, str] = {}
    for path in sources:
        if ".venv" in path.parts:
            continue
        for char in path.read_text(encoding="utf-8"):
            if ord(char) >= 0x20:
                found.setdefault(char, str(path.relative_to(BASE)))
    return found


@pytest.mark.parametrize("weight", WEIGHTS)
def test_subset_draws_every_character_the_full_font_draws_for_the_portal(weight):
    full = _cmap(FONTS / f"NotoSans-{weight}.ttf")
    subset = _cmap(FONTS / f"NotoSans-{weight}.subset.woff2")

    lost = {char: path for char, path in _written_characters().items()
            if ord(char) in full and ord(char) not in subset}

    assert lost == {}


@pytest.mark.parametrize("weight", WEIGHTS)
def test_subset_is_woff2_and_small(weight):
    path = FONTS / f"NotoSans-{weight}.subset.woff2"

    assert path.read_bytes()[:4] == b"wOF2"
    assert path.stat().st_size < 50_000


def test_subsets_are_rebuilt_from_the_script_ranges():
    """A change of RANGES without running the script would leave the files
    and the CSS's unicode-range apart."""
    module = _script()
    expected = set(module.unicodes())

    for weight in WEIGHTS:
        full = _cmap(FONTS / f"NotoSans-{weight}.ttf")
        assert _cmap(FONTS / f"NotoSans-{weight}.subset.woff2") == expected & full


def test_stylesheet_uses_the_subsets_with_their_unicode_range():
    css = (BASE / "static" / "css" / "portal.css").read_text()
    faces = re.findall(r"@font-face \{[^}]*\}", css)
    ranges = ", ".join(_script().RANGES)

    assert len(faces) == 3
    for face, weight in zip(faces, WEIGHTS, strict=True):
        assert f'url("../fonts/NotoSans-{weight}.subset.woff2") format("woff2")' in face
        assert f"unicode-range: {ranges};" in face
        assert "font-display: swap" in face


@pytest.mark.django_db
def test_every_page_preloads_the_regular_and_bold_fonts(client):
    html = client.get("/ru/").content.decode()

    for weight in ("Regular", "Bold"):
        assert re.search(
            rf'<link rel="preload" href="/static/fonts/NotoSans-{weight}\.subset[^"]*\.woff2" '
            r'as="font" type="font/woff2" crossorigin>', html), weight
