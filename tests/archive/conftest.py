"""Real sample files for the archive tests, built by the same libraries that
produce such files in the wild: a two-page PDF rendered by WeasyPrint with
the bundled Cyrillic font, DOCX (python-docx), XLSX (openpyxl), PPTX
(python-pptx), ODT (odfpy), and plain text in UTF-8 and Windows-1251.

The ``make_*`` functions return bytes; ``upload(name, content)`` wraps them as
a Django upload. Fixtures: ``samples`` (every accepted format, built once per
session) and ``archive_dir`` (a fresh, empty ARCHIVE_ROOT for one test, so it
can assert that nothing was left on disk), ``russian`` (Russian active, for
asserting the translated messages).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

RU_TEXT = "Доклад о трудовой миграции: права мигрантов и защита беженцев в Центральной Азии."
RU_TEXT_PAGE_2 = "Вторая страница: сотрудничество государств Алматинского процесса."
EN_TEXT = "Report on labour migration: the rights of migrants and protection of refugees."

FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "NotoSans-Regular.ttf"

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
}


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def make_pdf(pages: tuple[str, ...] = (RU_TEXT, RU_TEXT_PAGE_2)) -> bytes:
    """A PDF with one page per string, text in the bundled Noto Sans."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    body = '<div class="page"></div>'.join(f"<p>{text}</p>" for text in pages)
    html = (
        "<html lang='ru'><head><style>"
        f"@font-face {{ font-family: Noto; src: url('{FONT.as_uri()}'); }}"
        "body { font-family: Noto; } .page { break-after: page; }"
        f"</style></head><body>{body}</body></html>"
    )
    return HTML(string=html).write_pdf(font_config=fonts)


def make_docx(paragraphs: tuple[str, ...] = (RU_TEXT, EN_TEXT), *, pages: int | None = 3) -> bytes:
    """A DOCX with the paragraphs and a one-row table; ``pages`` is written to
    docProps/app.xml as Word does on saving (python-docx's template says 1)."""
    import docx

    document = docx.Document()
    document.add_heading("Алматинский процесс", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Ячейка таблицы"
    table.rows[0].cells[1].text = "Table cell"
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if pages is not None:
        data = _rewrite_zip_member(
            data, "docProps/app.xml",
            lambda xml: re.sub(rb"<Pages>\d+</Pages>", b"<Pages>%d</Pages>" % pages, xml),
        )
    return data


def _rewrite_zip_member(data: bytes, name: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, change(content) if info.filename == name else content)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Мигранты"
    sheet.append(["Государство", "Число мигрантов"])
    sheet.append(["Казахстан", 1200])
    second = workbook.create_sheet("Refugees")
    second.append(["State", "Refugees"])
    second.append(["Kyrgyzstan", 300])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_pptx() -> bytes:
    import pptx

    presentation = pptx.Presentation()
    for title, text in (("Алматинский процесс", RU_TEXT), ("Almaty Process", EN_TEXT)):
        slide = presentation.slides.add_slide(presentation.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def make_odt(*, pages: int | None = 2) -> bytes:
    from odf import meta, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.text.addElement(text.H(outlinelevel=1, text="Алматинский процесс"))
    document.text.addElement(text.P(text=RU_TEXT))
    document.text.addElement(text.P(text=EN_TEXT))
    if pages is not None:
        document.meta.addElement(meta.DocumentStatistic(pagecount=str(pages)))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_text(encoding: str = "utf-8") -> bytes:
    return f"{RU_TEXT}\n{EN_TEXT}\n".encode(encoding)


def make_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office file")
    return buffer.getvalue()


@pytest.fixture(scope="session")
def samples() -> dict[str, bytes]:
    """One file of each accepted kind, by a short name."""
    return {
        "pdf": make_pdf(),
        "docx": make_docx(),
        "xlsx": make_xlsx(),
        "pptx": make_pptx(),
        "odt": make_odt(),
        "txt": make_text("utf-8"),
        "txt-cp1251": make_text("windows-1251"),
    }


@pytest.fixture
def archive_dir(settings, tmp_path, monkeypatch) -> Path:
    """A fresh, empty ARCHIVE_ROOT for this test: the settings (storage,
    sendfile root) and DocumentFile.file's storage, which Django built once
    when the model was imported."""
    from django.core.files.storage import FileSystemStorage

    from archive.models import DocumentFile

    root = tmp_path / "archive"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "archive": {**settings.STORAGES["archive"],
                    "OPTIONS": {"location": str(root), "base_url": None}},
    }
    settings.ARCHIVE_ROOT = root
    settings.SENDFILE_ROOT = str(root)
    monkeypatch.setattr(DocumentFile._meta.get_field("file"), "storage",
                        FileSystemStorage(location=str(root), base_url=None))
    return root


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())
