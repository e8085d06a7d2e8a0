"""Upload checks: the type is read from the content, never the name; size,
emptiness and encoding are checked; filenames are made safe."""

import hashlib
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.uploads import inspect_upload, sanitize_filename

from .conftest import MIME, make_docx, make_text, make_zip, upload

# The messages asserted are the Russian ones (the default language).


def error_of(name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        inspect_upload(upload(name, content))
    return caught.value


@pytest.mark.parametrize(
    ("sample", "name", "mime_type"),
    [
        ("pdf", "доклад.pdf", MIME["pdf"]),
        ("docx", "доклад.docx", MIME["docx"]),
        ("xlsx", "таблица.xlsx", MIME["xlsx"]),
        ("pptx", "слайды.pptx", MIME["pptx"]),
        ("odt", "записка.odt", MIME["odt"]),
        ("txt", "заметка.txt", MIME["txt"]),
        ("txt-cp1251", "заметка.txt", MIME["txt"]),
    ],
)
def test_inspect_upload_accepts_format_with_its_mime_type(samples, sample, name, mime_type):
    content = samples[sample]

    info = inspect_upload(upload(name, content))

    assert info.mime_type == mime_type
    assert info.filename == name
    assert info.size == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()


def test_inspect_upload_type_comes_from_content_not_extension(samples):
    info = inspect_upload(upload("отчёт.pdf", samples["docx"]))

    assert info.mime_type == MIME["docx"]
    assert info.filename == "отчёт.docx"


def test_inspect_upload_adds_missing_extension(samples):
    assert inspect_upload(upload("заметка", samples["txt"])).filename == "заметка.txt"


def test_inspect_upload_rejects_renamed_executable():
    error = error_of("report.pdf", Path("/bin/true").read_bytes())

    assert error.code == "file_type"
    assert error.messages == [
        ("Файл «report.pdf» не является документом PDF, Word (DOCX), Excel (XLSX), "
        "PowerPoint (PPTX), текстом OpenDocument (ODT) или простым текстом.")
    ]


def test_inspect_upload_rejects_zip_that_is_not_an_office_file():
    error = error_of("report.docx", make_zip())

    assert error.code == "file_type"


def test_inspect_upload_rejects_macro_enabled_word_file():
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/vbaProject.bin", b"\x00macro")

    error = error_of("report.docx", buffer.getvalue())

    assert error.code == "file_type"


def test_inspect_upload_rejects_html():
    error = error_of("page.txt", b"<!DOCTYPE html><html><body><script>x()</script></body></html>")

    assert error.code == "file_type"


def test_inspect_upload_rejects_text_in_another_encoding():
    error = error_of("заметка.txt", make_text("utf-16"))

    assert error.code == "file_type"
    assert error.messages == [
        ("Файл «заметка.txt» — текст в кодировке, отличной от UTF-8 и Windows-1251: "
        "сохраните его в UTF-8 и загрузите снова.")
    ]


def test_inspect_upload_rejects_empty_file():
    error = error_of("пусто.txt", b"")

    assert error.code == "empty"
    assert error.messages == ["Файл «пусто.txt» пуст."]


def test_inspect_upload_rejects_file_over_the_limit(settings):
    settings.ARCHIVE_MAX_UPLOAD_SIZE = 100

    error = error_of("big.txt", b"x" * 101)

    assert error.code == "too_large"
    assert error.messages == [
        "Файл «big.txt» слишком большой (101\xa0байт): предельный размер — 100\xa0байт."
    ]


def test_inspect_upload_accepts_file_at_the_limit(settings):
    settings.ARCHIVE_MAX_UPLOAD_SIZE = 100

    assert inspect_upload(upload("limit.txt", b"x" * 100)).size == 100


def test_inspect_upload_counts_bytes_when_declared_size_is_wrong(settings):
    settings.ARCHIVE_MAX_UPLOAD_SIZE = 100
    file = upload("big.txt", b"x" * 500)
    file.size = 10

    with pytest.raises(ValidationError) as caught:
        inspect_upload(file)

    assert caught.value.code == "too_large"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\Айгуль\\Отчёт 2024.docx", "Отчёт 2024.docx"),
        ("bad\x00na\nme\u200b.txt", "badname.txt"),
        ('a<b>:"c"|d?.txt', "a_b___c__d_.txt"),
        ("  ..скрытый   файл.txt ", "скрытый файл.txt"),
        ("", "document"),
        ("...", "document"),
        (unicodedata.normalize("NFD", "Алматинский процесс.pdf"), "Алматинский процесс.pdf"),
        ("д" * 300 + ".pdf", "д" * 116 + ".pdf"),
    ],
)
def test_sanitize_filename_makes_name_safe(name, expected):
    assert sanitize_filename(name) == expected


class CountingUpload(SimpleUploadedFile):
    """An upload that counts how often its content is read through."""

    passes = 0

    def chunks(self, chunk_size=None):
        self.passes += 1
        return super().chunks(chunk_size)


def test_inspect_upload_reads_and_hashes_an_upload_once(samples):
    # The admin's form checks the upload, then the service checks it again.
    content = samples["pdf"]
    checked = CountingUpload("доклад.pdf", content)

    first = inspect_upload(checked)
    second = inspect_upload(checked)

    assert second == first
    assert first.sha256 == hashlib.sha256(content).hexdigest()
    assert checked.passes == 1


def test_inspect_upload_of_another_upload_is_read_again(samples):
    first = inspect_upload(upload("доклад.pdf", samples["pdf"]))
    second = inspect_upload(upload("доклад.docx", samples["docx"]))

    assert (first.mime_type, second.mime_type) == (MIME["pdf"], MIME["docx"])
