"""Make the web fonts: Noto Sans cut to the letters the portal writes, as WOFF2.

The bundled Noto Sans TTFs (static/fonts, also used whole by the PDFs) are
about 515 KB each: Greek, Vietnamese, IPA and more that no page of the portal
shows. A page needs Latin (with the letters of transliterated names and
Türkiye), Cyrillic (Kazakh, Kyrgyz and Tajik letters included), punctuation,
№ and ₸. The subsets keep kerning and ligatures and are written as WOFF2
(Brotli), about a tenth of the size. Run after changing the TTFs or RANGES,
and commit the result:

    .venv/bin/python scripts/subset_fonts.py

tests/core/test_web_fonts.py checks that every character of the catalogues
and templates is in the subsets, and that the CSS and the layout use them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"
WEIGHTS = ("Regular", "Bold", "Italic")

# Also written into the @font-face rules' unicode-range (static/css/portal.css).
RANGES = (
    "U+0020-007E",  # Basic Latin
    "U+00A0-00FF",  # Latin-1 Supplement: « » ° · é ü
    "U+0100-017F",  # Latin Extended-A: ş ğ ı (Türkiye), ā ō (transliteration)
    "U+0400-04FF",  # Cyrillic, with ә ғ қ ң ө ұ ү һ і (Kazakh), ҳ ҷ ӣ ӯ (Tajik)
    "U+2010-2027",  # dashes, quotes “ ” ‘ ’, bullet, ellipsis
    "U+2030-203A",  # per mille, ‹ ›
    "U+2070-2079",  # superscript digits (footnote marks in the founding texts)
    "U+20B8",       # ₸
    "U+2116",       # №
    "U+2190-2195",  # ← ↑ → ↓ ↔ ↕
    "U+25CB-25CF",  # ○ ◐ ● (the action plan's status symbols)
)


def unicodes() -> list[int]:
    codes: list[int] = []
    for item in RANGES:
        first, _, last = item.removeprefix("U+").partition("-")
        codes.extend(range(int(first, 16), int(last or first, 16) + 1))
    return codes


def main() -> int:
    for weight in WEIGHTS:
        source = FONTS / f"NotoSans-{weight}.ttf"
        target = FONTS / f"NotoSans-{weight}.subset.woff2"
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
        options.name_IDs = ["*"]  # keep the font's names and its licence notice
        options.notdef_outline = True
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes())
        subsetter.subset(font)
        subset.save_font(font, str(target), options)
        print(f"{target.name}: {target.stat().st_size:,} bytes (from {source.stat().st_size:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
