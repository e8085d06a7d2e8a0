"""Uploaded PDFs are parsed (archive.pdf_safety): JavaScript, launch and
additional actions, embedded files, HTML polyglots and files pypdf cannot
read are refused with a message naming the file and the problem, on every
PDF upload path (archive files, notes verbales). Issue 22, item 10."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from archive.models import DocumentFile
from archive.pdf_safety import check_pdf, pdf_problem
from archive.uploads import inspect_upload

from .conftest import upload


def name(value: str) -> NameObject:
    return NameObject(value)


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def with_open_action_js() -> bytes:
    writer = blank()
    writer.add_open_action(JavaScript("app.alert('x');"))
    return written(writer)


def with_names_tree_js() -> bytes:
    writer = blank()
    action = writer._add_object(DictionaryObject({
        name("/S"): name("/JavaScript"), name("/JS"): TextStringObject("app.alert(1)"),
    }))
    writer._root_object[name("/Names")] = DictionaryObject({
        name("/JavaScript"): DictionaryObject({
            name("/Names"): ArrayObject([TextStringObject("x"), action]),
        }),
    })
    return written(writer)


def with_link_js() -> bytes:
    writer = blank()
    writer.pages[0][name("/Annots")] = ArrayObject([writer._add_object(DictionaryObject({
        name("/Type"): name("/Annot"), name("/Subtype"): name("/Link"),
        name("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(9),
                                    FloatObject(9)]),
        name("/A"): DictionaryObject({name("/S"): name("/JavaScript"),
                                      name("/JS"): TextStringObject("app.alert(1)")}),
    }))])
    return written(writer)


def with_additional_action() -> bytes:
    writer = blank()
    writer.pages[0][name("/AA")] = DictionaryObject({
        name("/O"): DictionaryObject({name("/S"): name("/URI"),
                                      name("/URI"): TextStringObject("http://x/")}),
    })
    return written(writer)


def with_launch() -> bytes:
    writer = blank()
    writer._root_object[name("/OpenAction")] = DictionaryObject({
        name("/S"): name("/Launch"), name("/F"): TextStringObject("calc.exe"),
    })
    return written(writer)


def with_attachment() -> bytes:
    writer = blank()
    writer.add_attachment("payload.exe", b"MZ not really")
    return written(writer)


def with_file_attachment_annotation() -> bytes:
    writer = blank()
    writer.pages[0][name("/Annots")] = ArrayObject([writer._add_object(DictionaryObject({
        name("/Type"): name("/Annot"), name("/Subtype"): name("/FileAttachment"),
        name("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(9),
                                    FloatObject(9)]),
    }))])
    return written(writer)


def with_escaped_name() -> bytes:
    """``/J#61vaScript`` is ``/JavaScript`` once the name is unescaped."""
    writer = blank()
    writer._root_object[name("/Marker")] = name("/Marker")
    return written(writer).replace(b"/Marker /Marker",
                                   b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>")


POLYGLOT = (b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
            b"%%EOF\n")
HTML_AFTER_HEADER = b"%PDF-1.7\n" + b"%" + b"x" * 2000 + b"\n<html><script>alert(1)</script>"


def with_password() -> bytes:
    writer = blank()
    writer.encrypt(user_password="secret", algorithm="AES-256")
    return written(writer)


@pytest.mark.parametrize(("make", "code"), [
    (with_open_action_js, "pdf_javascript"),
    (with_names_tree_js, "pdf_javascript"),
    (with_link_js, "pdf_javascript"),
    (with_escaped_name, "pdf_javascript"),
    (with_additional_action, "pdf_additional_action"),
    (with_launch, "pdf_launch"),
    (with_attachment, "pdf_embedded_file"),
    (with_file_attachment_annotation, "pdf_embedded_file"),
    (lambda: POLYGLOT, "pdf_html"),
    (lambda: HTML_AFTER_HEADER, "pdf_unreadable"),
    (with_password, "pdf_encrypted"),
])
def test_unsafe_pdf_is_refused_with_its_problem(make, code):
    assert pdf_problem(io.BytesIO(make())) == code


def test_plain_pdfs_are_accepted():
    writer = blank()
    writer.add_outline_item(title="Глава 1", page_number=0)
    writer.add_uri(0, "https://example.org/", [0, 0, 9, 9])
    writer.add_metadata({"/Title": "Доклад"})
    assert pdf_problem(io.BytesIO(written(writer))) is None
    protected = blank()
    protected.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    assert pdf_problem(io.BytesIO(written(protected))) is None


def test_weasyprint_pdf_is_accepted(samples):
    assert pdf_problem(io.BytesIO(samples["pdf"])) is None


def test_check_pdf_names_the_file_and_the_problem_in_english_and_russian():
    with pytest.raises(ValidationError) as caught:
        check_pdf(io.BytesIO(with_open_action_js()), name="нота.pdf")

    [error] = caught.value.error_list
    assert error.code == "pdf_javascript"
    with translation.override("en"):
        assert caught.value.messages == [(
            "“нота.pdf” contains JavaScript, which is not accepted in a PDF: save or print "
            "it again as a PDF without scripts and upload it."
        )]


@pytest.mark.parametrize(("make", "code"), [
    (with_open_action_js, "pdf_javascript"), (with_attachment, "pdf_embedded_file"),
    (lambda: POLYGLOT, "pdf_html"), (with_launch, "pdf_launch"),
])
def test_archive_upload_refuses_an_unsafe_pdf(make, code):
    with pytest.raises(ValidationError) as caught:
        inspect_upload(upload("доклад.pdf", make()))

    assert [error.code for error in caught.value.error_list] == [code]


@pytest.mark.django_db
def test_archive_upload_of_a_pdf_with_javascript_stores_nothing(archive_dir):
    from django.contrib.auth.models import Group

    from archive import services
    from membership.permissions import SECRETARIAT_EDITORS
    from tests.factories.archive import DocumentFactory
    from tests.factories.membership import StaffUserFactory

    document = DocumentFactory()
    staff = StaffUserFactory()
    staff.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))

    with pytest.raises(ValidationError) as caught:
        services.document_file_add(document=document, upload=upload("a.pdf", with_link_js()),
                                   language="ru", uploaded_by=staff)

    assert [error.code for error in caught.value.error_list] == ["pdf_javascript"]
    assert DocumentFile.objects.count() == 0
    assert [path for path in archive_dir.rglob("*") if path.is_file()] == []


def test_a_pdf_with_many_pages_is_checked_quickly():
    import time

    writer = PdfWriter()
    for _ in range(2000):
        writer.add_blank_page(width=595, height=842)
    content = written(writer)
    assert len(PdfReader(io.BytesIO(content)).pages) == 2000

    started = time.monotonic()
    assert pdf_problem(io.BytesIO(content)) is None
    assert time.monotonic() - started < 5
