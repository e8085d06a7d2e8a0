"""Producing a pack's PDF: WeasyPrint lays out the generated pages (cover,
contents, agenda, practical information, participants, a summary page per
document), pypdf appends the documents' own PDFs after their summary pages,
adds the outline (bookmarks), the metadata and a page number on every page.

Page numbers: the generated part is laid out in two WeasyPrint documents,
the front (cover and contents) and the body (everything else), so that the
contents, whose numbers depend on how many pages each appended document
has, is laid out again alone (a page or two) rather than the whole body.
Every page of the finished pack, appended ones included, then gets its
number stamped in the bottom right corner (7 mm from the edges, where
documents seldom print: their own footers are usually centred), written
straight into the page's content in the embedded Noto Sans
(``PageNumberStamper``), with a Unicode map (a reader copies or reads the
digits aloud) and marked as a pagination artifact (outside the structure).

Tagging: the front's and the body's pages are written as one tagged
WeasyPrint PDF (PDF/UA-1: one structure tree, the language and title of
the pack), which pypdf opens whole, keeping its structure tree, its
language and its viewer preferences, and into which it inserts the
documents' own pages. A tagged document's structure tree is copied
into the pack's, in reading order after its summary page (core.pdftags,
with new parent-tree keys for its pages); an untagged document's pages
stay untagged content (no ``/StructParents``, so they cannot point at the
pack's structure elements), and the pack then no longer claims PDF/UA-1
in its XMP metadata: it is tagged, not wholly accessible.

WeasyPrint reads nothing but the project's static files (the bundled Noto
Sans) and the archive's own files: a restricted URL fetcher refuses the
network and the rest of the file system. Templates autoescape everything
that comes from the database."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import FONTS_ROOT, STATIC_ROOT, font_configuration, render_document, write_pdf
from core.pdf import url_fetcher as restricted_fetcher
from core.pdftags import graft, withdraw_pdfua_claim

logger = logging.getLogger(__name__)


def url_fetcher():
    """WeasyPrint may read static files and archive files, nothing else
    (no network, no other path on disk)."""
    return restricted_fetcher(roots=[STATIC_ROOT, Path(settings.ARCHIVE_ROOT)],
                              allowed="static and archive files")


@dataclass
class Appendix:
    """One document's PDF to append after its summary page: the reader
    is opened (and every page checked) before layout, so a broken file
    fails only its entry."""

    key: str
    title: str
    reader: object
    pages: int


@dataclass
class Section:
    """An outline entry of the generated part (anchor id in the template)."""

    key: str
    title: str
    children: list[Section] = field(default_factory=list)


@dataclass
class BuiltPdf:
    page_count: int
    starts: dict[str, int]  # anchor or appendix key -> first page (1-based)


class PdfEngine:
    """One font configuration and URL fetcher for a whole build."""

    def __init__(self):
        self.font_config = font_configuration()
        self.fetcher = url_fetcher()

    def layout(self, template: str, context: dict, *, language: str):
        with translation.override(language):
            html = render_to_string(template, {**context, "language": language})
        return render_document(html, base_url=STATIC_ROOT.as_uri() + "/",
                               fetcher=self.fetcher, font_config=self.font_config)

    def to_reader(self, document):
        from pypdf import PdfReader

        return PdfReader(io.BytesIO(write_pdf(document)))


# The stamp's font is a simple font of the codes 32 ("space") to 57 ("9"),
# which are their own Unicode code points: the map says so in one range.
TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<20> <39> <0020>
endbfrange
endcmap
CMapName currentdict /CMapResource defineresource pop
end
end
"""


class PageNumberStamper:
    """Writes "n / total" in the bottom right corner of any page, in the
    bundled Noto Sans (a subset of the digits, the space and the slash,
    embedded once in the file as a simple TrueType font). Cheaper by far
    than laying out a sheet of numbered pages with WeasyPrint and merging
    each onto a page (~5 ms a page: 5 s for a pack of 1,000 pages): the
    number is a few bytes of content added after the page's own, which is
    wrapped in q/Q so its graphics state cannot leak into the number."""

    FONT_KEY = "/FPackNumber"
    SIZE = 8.0
    MARGIN_PT = 7 * 72 / 25.4  # 7 mm from the right and bottom edges

    def __init__(self, writer):
        self.writer = writer
        self.font_ref, self.widths = self._embed_font()
        self.opening = self._stream(b"q\n")

    def _stream(self, data: bytes):
        from pypdf.generic import DecodedStreamObject

        stream = DecodedStreamObject()
        stream.set_data(data)
        return self.writer._add_object(stream)

    def _embed_font(self):
        from fontTools import subset
        from fontTools.ttLib import TTFont
        from pypdf.generic import (
            ArrayObject,
            DecodedStreamObject,
            DictionaryObject,
            FloatObject,
            NameObject,
            NumberObject,
        )

        # fontTools reports every table it prunes at INFO level.
        logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
        font = TTFont(FONTS_ROOT / "NotoSans-Regular.ttf")
        subsetter = subset.Subsetter(subset.Options())
        subsetter.populate(text=" /0123456789")
        subsetter.subset(font)
        data = io.BytesIO()
        font.save(data)
        scale = 1000 / font["head"].unitsPerEm
        cmap, hmtx = font.getBestCmap(), font["hmtx"]
        widths = [round(hmtx[cmap[c]][0] * scale) if c in cmap else 0 for c in range(32, 58)]
        head, os2 = font["head"], font["OS/2"]
        font_file = DecodedStreamObject()
        font_file.set_data(data.getvalue())
        font_file[NameObject("/Length1")] = NumberObject(len(data.getvalue()))
        name = NameObject("/PKNUMB+NotoSans-Regular")
        descriptor = DictionaryObject({
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): name,
            NameObject("/Flags"): NumberObject(32),
            NameObject("/FontBBox"): ArrayObject([
                FloatObject(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): FloatObject(os2.sTypoAscender * scale),
            NameObject("/Descent"): FloatObject(os2.sTypoDescender * scale),
            NameObject("/CapHeight"): FloatObject(getattr(os2, "sCapHeight", 700) * scale),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): self.writer._add_object(font_file.flate_encode()),
        })
        to_unicode = DecodedStreamObject()
        to_unicode.set_data(TO_UNICODE)
        font_dict = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType"),
            NameObject("/BaseFont"): name,
            NameObject("/FirstChar"): NumberObject(32),
            NameObject("/LastChar"): NumberObject(57),
            NameObject("/Widths"): ArrayObject([NumberObject(w) for w in widths]),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/FontDescriptor"): self.writer._add_object(descriptor),
            NameObject("/ToUnicode"): self.writer._add_object(to_unicode.flate_encode()),
        })
        return self.writer._add_object(font_dict), widths

    def stamp(self, page, text: str) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, NameObject

        if (page.get("/Rotate") or 0) % 360:
            page.transfer_rotation_to_content()
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        page[NameObject("/Resources")] = resources
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else DictionaryObject()
        resources[NameObject("/Font")] = fonts
        fonts[NameObject(self.FONT_KEY)] = self.font_ref

        box = page.mediabox
        width = sum(self.widths[ord(c) - 32] for c in text) * self.SIZE / 1000
        x = float(box.right) - self.MARGIN_PT - width
        y = float(box.bottom) + self.MARGIN_PT
        number = (
            f"\nQ\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC "
            f"q BT {self.FONT_KEY} {self.SIZE:g} Tf 0.27 g {x:.2f} {y:.2f} Td "
            f"({text}) Tj ET Q EMC\n"
        ).encode("ascii")
        contents = page.get("/Contents")
        existing = []
        if contents is not None:
            target = contents.get_object()
            existing = list(target) if isinstance(target, ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject(
            [self.opening, *existing, self._stream(number)]
        )


def pack_title(meeting_title: str, kind_label: str) -> str:
    """The pack's title: the meeting's, then the kind of pack, as two
    sentences ("Совещание 2027 г. Информационный пакет"): a title that
    already ends with a full stop («г.») gets no second one."""
    title = str(meeting_title).rstrip()
    separator = " " if title.endswith((".", "!", "?", "…")) else ". "
    return f"{title}{separator}{kind_label}"


def anchor_pages(document) -> dict[str, int]:
    """The first page (0-based) of every anchor in a laid-out document."""
    found: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            found.setdefault(name, index)
    return found


def check_pdf(path: str):
    """Open a document's PDF and touch every page, or raise ValueError with
    the reason a person can act on."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with Path(path).open("rb") as handle:
            reader = PdfReader(io.BytesIO(handle.read()), strict=False)
        if reader.is_encrypted:
            raise ValueError("encrypted")
        pages = list(reader.pages)
        if not pages:
            raise ValueError("no pages")
        for page in pages:
            _ = page.mediabox
            page.get_contents()
    except ValueError:
        raise
    except (PdfReadError, OSError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ValueError(f"damaged ({exc.__class__.__name__}: {exc})") from exc
    return reader


def assemble(
    *, engine: PdfEngine, language: str, title: str, front_template: str,
    body_template: str, context: dict, sections: list[Section],
    appendices: list[Appendix], output: Path, toc_entries: Callable[[dict[str, int]], list],
    progress: Callable[[int, str], None],
) -> BuiltPdf:
    """Lay out, append, bookmark, number and write the pack to ``output``.

    ``sections`` name the body's anchors (in order); each appendix is
    appended after the body pages of the section with the same key (its
    summary page). ``toc_entries(starts)`` gives the contents for the
    front page from the final first pages."""
    progress(45, "layout")
    body = _layout_body(engine, body_template, context, language=language,
                        sections=sections, appendices=appendices)

    progress(60, "contents")
    front, starts = _layout_front(engine, front_template, context, language=language,
                                  body=body, toc_entries=toc_entries)

    progress(70, "appending")
    writer = _merge(engine, front=front, body=body)

    progress(85, "numbering")
    total = _number_pages(writer)

    _add_outline(writer, [Section("cover", context["outline_cover"]),
                          Section("toc", context["outline_toc"]), *sections],
                 starts=starts, appendix_of={a.key: a for a in appendices})
    _set_metadata(writer, title=title, language=language)
    progress(95, "writing")
    with output.open("wb") as out:
        writer.write(out)
    return BuiltPdf(page_count=total, starts=starts)


@dataclass
class _Body:
    """The laid-out body and where the appendices go in it."""

    document: object
    anchors: dict[str, int]  # anchor -> body page (0-based)
    section_keys: set[str]
    inserted_after: dict[int, list[Appendix]]  # body page (0-based) -> appendices after it

    @property
    def page_count(self) -> int:
        return len(self.document.pages)

    def first_pages(self, front_count: int) -> dict[str, int]:
        """The first page (1-based) of every section and appendix of the
        finished pack, once the front has ``front_count`` pages."""
        starts: dict[str, int] = {"cover": 1, "toc": 2}
        shift = front_count
        for index in range(self.page_count):
            for key, page in self.anchors.items():
                if page == index and key in self.section_keys:
                    starts.setdefault(key, index + shift + 1)
            for appendix in self.inserted_after.get(index, []):
                starts[f"appendix-{appendix.key}"] = index + shift + 2
                shift += appendix.pages
        return starts


def _layout_body(
    engine: PdfEngine, template: str, context: dict, *, language: str,
    sections: list[Section], appendices: list[Appendix],
) -> _Body:
    """Lay the body out and place each appendix after the last page of its
    section (the page before the next section's anchor)."""
    document = engine.layout(template, context, language=language)
    anchors = anchor_pages(document)
    page_count = len(document.pages)
    flat = _flatten(sections)
    ordered = [s.key for s in flat if s.key in anchors]
    section_end = {}
    for i, key in enumerate(ordered):
        nxt = anchors[ordered[i + 1]] if i + 1 < len(ordered) else page_count
        section_end[key] = max(anchors[key], nxt - 1)
    inserted_after: dict[int, list[Appendix]] = {}
    for appendix in {a.key: a for a in appendices}.values():
        if appendix.key in section_end:
            inserted_after.setdefault(section_end[appendix.key], []).append(appendix)
    return _Body(document=document, anchors=anchors, section_keys={s.key for s in flat},
                 inserted_after=inserted_after)


def _layout_front(
    engine: PdfEngine, template: str, context: dict, *, language: str, body: _Body,
    toc_entries: Callable[[dict[str, int]], list],
) -> tuple[object, dict[str, int]]:
    """Lay out the cover and contents until the contents' page numbers
    account for its own length; return it and the final first pages."""
    front_count, front = 2, None
    for _attempt in range(3):  # the contents' length settles at once in practice
        starts = body.first_pages(front_count)
        front = engine.layout(
            template, {**context, "toc": toc_entries(starts)}, language=language,
        )
        if len(front.pages) == front_count:
            break
        front_count = len(front.pages)
    return front, body.first_pages(front_count)


def _merge(engine: PdfEngine, *, front, body: _Body):
    """One PDF: the front's pages, then the body's with each appendix's
    pages after the page it follows. The front and the body are written as
    one tagged document (one structure tree) that the writer starts from."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    generated = front.copy([*front.pages, *body.document.pages])
    writer = PdfWriter(clone_from=engine.to_reader(generated))
    # The outline is made afresh (_add_outline), not WeasyPrint's headings.
    writer._root_object.pop(NameObject("/Outlines"), None)
    position, all_tagged = len(front.pages), True
    for index in range(body.page_count):
        position += 1
        for appendix in body.inserted_after.get(index, []):
            inserted = []
            for appended in appendix.reader.pages:
                page = writer.insert_page(appended, position)
                page.pop(NameObject("/StructParents"), None)
                inserted.append(page)
                position += 1
            all_tagged = _graft_structure(writer, appendix, inserted) and all_tagged
    if not all_tagged:
        withdraw_pdfua_claim(writer)
    return writer


def _graft_structure(writer, appendix: Appendix, inserted: list) -> bool:
    """The appended document's own structure tree, if it has one, joins the
    pack's (core.pdftags); a tree pypdf cannot follow leaves the pages as
    untagged content rather than fail the pack. Whether it joined."""
    from pypdf.errors import PdfReadError

    try:
        return graft(writer, appendix.reader, inserted)
    except (PdfReadError, KeyError, TypeError, AttributeError, ValueError, IndexError):
        logger.warning("Structure tree of %s not kept in the pack", appendix.key, exc_info=True)
        return False


def _number_pages(writer) -> int:
    """Stamp "n / total" on every page; return the total."""
    total = len(writer.pages)
    stamper = PageNumberStamper(writer)
    for number, page in enumerate(writer.pages, start=1):
        stamper.stamp(page, f"{number} / {total}")
    return total


def _add_outline(writer, items: list[Section], *, starts: dict[str, int],
                 appendix_of: dict[str, Appendix], parent=None) -> None:
    """Bookmarks: every section, every document (its summary page, then the
    document itself)."""
    for item in items:
        page = starts.get(item.key)
        if page is None:
            continue
        node = writer.add_outline_item(title=item.title, page_number=page - 1, parent=parent)
        _add_outline(writer, item.children, starts=starts, appendix_of=appendix_of,
                     parent=node)
        if f"appendix-{item.key}" in starts:
            writer.add_outline_item(
                title=appendix_of[item.key].title,
                page_number=starts[f"appendix-{item.key}"] - 1, parent=node,
            )


def _set_metadata(writer, *, title: str, language: str) -> None:
    """Title, creator and producer, the document's language, and the
    outline shown when the file opens."""
    from pypdf.generic import NameObject, TextStringObject

    writer.add_metadata({
        "/Title": title,
        "/Creator": "Almaty Process portal",
        "/Producer": "WeasyPrint and pypdf",
    })
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    writer.page_mode = "/UseOutlines"


def _flatten(sections: list[Section]) -> list[Section]:
    flat = []
    for section in sections:
        flat.append(section)
        flat.extend(_flatten(section.children))
    return flat
