from pathlib import Path

from pypdf import PdfReader

from briefings.enums import PackKind
from briefings.models import BriefingPack
from briefings.services import pack_request


def build(meeting, language, capture, *, kind=PackKind.BRIEFING, user=None) -> BriefingPack:
    """Request a pack and run its task in-process (after the commit, as
    without Redis); the pack as it is afterwards."""
    with capture(execute=True):
        pack = pack_request(meeting=meeting, language=language, kind=kind, user=user)
    pack.refresh_from_db()
    return pack


def text_of(pack: BriefingPack) -> str:
    """The pack's text, whitespace (and line breaks) folded to single spaces."""
    with Path(pack.file.path).open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    return " ".join(text.split())


def outline_titles(pack: BriefingPack) -> list:
    def titles(items):
        return [titles(item) if isinstance(item, list) else item.title for item in items]
    with Path(pack.file.path).open("rb") as handle:
        return titles(PdfReader(handle).outline)


def reader_of(pack: BriefingPack) -> PdfReader:
    """The pack read into memory (no file left open)."""
    import io

    with Path(pack.file.path).open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))
