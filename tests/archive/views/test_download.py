from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from archive.enums import AccessLevel, FileLanguage
from membership.permissions import SECRETARIAT_EDITORS
from tests.archive.views.conftest import DOCUMENTS, ROLES, VISIBLE
from tests.factories.archive import DocumentFactory, DocumentFileFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends

CONTENT = "Доклад о положении беженцев.\n".encode()


def download_url(document_file) -> str:
    return f"/ru/archive/{document_file.document.slug}/files/{document_file.pk}/"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_download_only_for_those_who_may_see_the_document(
    client_as, archive_by_access, role, name
):
    document_file = DocumentFileFactory(document=archive_by_access[name])

    response = client_as(role).get(download_url(document_file))

    visible = name in VISIBLE[role] or name == "withdrawn"
    assert response.status_code == (200 if visible else 404)


@pytest.mark.parametrize("role", ROLES)
def test_admin_download_is_for_the_secretariat_only(client_as, archive_by_access, role):
    document_file = DocumentFileFactory(document=archive_by_access["observers"])
    url = reverse("admin:archive_document_file_download",
                  args=[document_file.document.pk, document_file.pk])

    response = client_as(role).get(url)

    # Everyone else is sent to the admin login; staff need the permission
    # to view documents (the editors' group has it).
    assert response.status_code == (403 if role == "staff" else 302)


def test_admin_download_works_for_a_secretariat_editor(client):
    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    document_file = DocumentFileFactory(
        document=DocumentFactory(access=AccessLevel.SECRETARIAT), content=CONTENT
    )
    client.force_login(editor)

    response = client.get(reverse("admin:archive_document_file_download",
                                  args=[document_file.document.pk, document_file.pk]))

    assert response.status_code == 200
    assert response.getvalue() == CONTENT


def test_download_sends_the_file_with_its_type_and_original_cyrillic_name(client):
    document_file = DocumentFileFactory(
        original_filename="Доклад о беженцах 2024.txt", content=CONTENT,
        language=FileLanguage.RUSSIAN,
    )

    response = client.get(download_url(document_file))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"] == (
        'attachment; filename="doklad-o-bezhentsakh-2024.txt"; '
        "filename*=utf-8''%D0%94%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4%20%D0%BE%20"
        "%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D0%B0%D1%85%202024.txt"
    )
    assert response["Content-Length"] == str(len(CONTENT))
    assert response.content == CONTENT
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10


def test_download_of_an_all_cyrillic_name_has_a_transliterated_ascii_fallback(client):
    document_file = DocumentFileFactory(original_filename="Декларация.pdf",
                                        mime_type="application/pdf")

    response = client.get(download_url(document_file))

    assert response["Content-Type"] == "application/pdf"
    # Old clients read filename=; every browser of today takes filename*.
    assert response["Content-Disposition"] == (
        f"attachment; filename=\"deklaratsiia.pdf\"; filename*=utf-8''{quote('Декларация.pdf')}"
    )


def test_download_of_a_name_without_any_latin_or_cyrillic_is_named_by_number(client):
    document_file = DocumentFileFactory(original_filename="报告.txt")

    response = client.get(download_url(document_file))

    assert response["Content-Disposition"] == (
        f'attachment; filename="document-{document_file.pk}.txt"; '
        f"filename*=utf-8''{quote('报告.txt')}"
    )


def test_download_of_an_ascii_name_needs_no_encoded_form(client):
    document_file = DocumentFileFactory(original_filename='report "final" en.txt')

    response = client.get(download_url(document_file))

    assert response["Content-Disposition"] == 'attachment; filename="report \\"final\\" en.txt"'


def test_restricted_download_is_not_cached_by_shared_caches(client, coordinator_user):
    document_file = DocumentFileFactory(
        document=DocumentFactory(access=AccessLevel.PARTICIPANTS)
    )
    client.force_login(coordinator_user)

    response = client.get(download_url(document_file))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_file_of_another_document_is_not_found(client):
    document_file = DocumentFileFactory()
    other = DocumentFactory()

    response = client.get(f"/ru/archive/{other.slug}/files/{document_file.pk}/")

    assert response.status_code == 404


def test_download_through_x_accel_redirect_in_production(client, settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    from django_sendfile.utils import _get_sendfile

    _get_sendfile.cache_clear()
    document_file = DocumentFileFactory(original_filename="report.txt")
    try:
        response = client.get(download_url(document_file))
    finally:
        _get_sendfile.cache_clear()

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == (
        f"{settings.SENDFILE_URL}/{document_file.file.name}"
    )
    assert response.content == b""
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["Content-Type"] == "text/plain"
