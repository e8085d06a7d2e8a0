"""core.pdftags: a tagged PDF's structure kept when its pages are inserted
into another tagged PDF (the briefing pack's appended documents)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter

from core.pdf import FONTS_ROOT, render_pdf, url_fetcher
from core.pdftags import graft
from tests.pdf_checks import pdfinfo, structure_text


def _tagged(language: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = (
        f'<html lang="{language}"><head><title>T</title><style>@font-face {{ font-family: N; '
        f'src: url("{FONTS_ROOT.as_uri()}/NotoSans-Regular.ttf"); }} body {{ font-family: N; }}'
        f' p {{ break-after: page; }}</style></head><body>{body}</body></html>'
    )
    return render_pdf(html, base_url=FONTS_ROOT.as_uri() + "/",
                      fetcher=url_fetcher(roots=[FONTS_ROOT], allowed="the bundled fonts"))


def _insert(host: bytes, guest: bytes, *, at: int) -> tuple[bytes, bool]:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(host)))
    reader = PdfReader(io.BytesIO(guest))
    inserted = [writer.insert_page(page, at + n) for n, page in enumerate(reader.pages)]
    grafted = graft(writer, reader, inserted)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), grafted


def test_graft_puts_the_guests_structure_in_reading_order_with_its_language():
    content, grafted = _insert(_tagged("ru", "Первая", "Третья"),
                               _tagged("en", "Second A", "Second B"), at=1)

    text = structure_text(content)
    assert grafted
    assert [line.strip() for line in text.splitlines() if '"' in line] == [
        '"Первая"', '"Second A"', '"Second B"', '"Третья"']
    assert "Part" in text
    assert pdfinfo(content)["Tagged"] == "yes"


def test_graft_gives_each_inserted_page_its_own_parent_tree_entry():
    content, _ = _insert(_tagged("ru", "Первая", "Третья"), _tagged("en", "Second"), at=1)

    reader = PdfReader(io.BytesIO(content))
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    entries = dict(zip(nums[::2], nums[1::2], strict=True))
    keys = [page["/StructParents"] for page in reader.pages]
    assert keys == [0, 2, 1]
    for page, key in zip(reader.pages, keys, strict=True):
        elements = entries[key].get_object()
        assert {element.get_object()["/Pg"].indirect_reference.idnum for element in elements} == {
            page.indirect_reference.idnum}
    assert tree["/ParentTreeNextKey"] == 3


def test_graft_leaves_an_untagged_guest_as_it_is():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    untagged = io.BytesIO()
    writer.write(untagged)

    content, grafted = _insert(_tagged("ru", "Первая"), untagged.getvalue(), at=1)

    assert not grafted
    assert pdfinfo(content)["Pages"] == "2"


def test_withdraw_pdfua_claim_removes_the_identification_only():
    from core.pdftags import withdraw_pdfua_claim

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_tagged("ru", "Первая"))))

    assert withdraw_pdfua_claim(writer)
    xmp = writer._root_object["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" not in xmp
    assert b"<dc:title>" in xmp
    assert not withdraw_pdfua_claim(writer)
