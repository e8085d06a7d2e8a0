"""What poppler's tools say of a PDF the portal made: ``pdfinfo`` (tagged,
title) and ``pdffonts`` (every font embedded, with a Unicode map), read
the way a person checking accessibility would (issue 24, item 19)."""

from __future__ import annotations

import io
import subprocess
import tempfile

from pypdf import PdfReader


def _run(tool: str, content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run([tool, handle.name], capture_output=True, text=True,
                              check=True).stdout


def pdfinfo(content: bytes) -> dict[str, str]:
    """``pdfinfo``'s fields (Title, Tagged, Pages…) as a dict."""
    fields = {}
    for line in _run("pdfinfo", content).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def pdffonts(content: bytes) -> list[dict[str, str]]:
    """``pdffonts``' rows: name, emb (embedded) and uni (a Unicode map)."""
    lines = _run("pdffonts", content).splitlines()[2:]
    rows = []
    for line in lines:
        cells = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, generation
        rows.append({"name": cells[0], "emb": cells[-5], "sub": cells[-4], "uni": cells[-3]})
    return rows


def pdftotext(content: bytes) -> str:
    """The text as ``pdftotext -layout`` reads it (line breaks kept)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True,
                              text=True, check=True).stdout


def language(content: bytes) -> str:
    """The document's language (the catalogue's /Lang)."""
    return str(PdfReader(io.BytesIO(content)).trailer["/Root"].get("/Lang", ""))


def accessibility(content: bytes) -> dict:
    """What a check of an accessible PDF looks at, in one comparable dict:
    tagged, a title, the language, and the fonts that are not embedded or
    have no Unicode map (both lists empty when all is well)."""
    info, fonts = pdfinfo(content), pdffonts(content)
    return {
        "tagged": info.get("Tagged"),
        "has_title": bool(info.get("Title")),
        "language": language(content),
        "fonts_not_embedded": [font["name"] for font in fonts if font["emb"] != "yes"],
        "fonts_without_unicode": [font["name"] for font in fonts if font["uni"] != "yes"],
    }


ACCESSIBLE = {"tagged": "yes", "has_title": True, "fonts_not_embedded": [],
              "fonts_without_unicode": []}


def expected(language: str) -> dict:
    """``accessibility()`` of a tagged PDF in ``language`` with a title and
    every font embedded with a Unicode map."""
    return {**ACCESSIBLE, "language": language}


def structure_text(content: bytes) -> str:
    """The structure tree with its text (``pdfinfo -struct-text``): what a
    screen reader follows."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(["pdfinfo", "-struct-text", handle.name], capture_output=True,
                              text=True, check=True).stdout
