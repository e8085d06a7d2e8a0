"""Every file Django sends itself carries the sandbox policy nginx gives the
files it sends (issue 22, item 10); pages keep the page policy. The
downloads' own tests (archive, notes verbales, packs, action plan, exports,
calendars, news images) assert it on each real response."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.http import FileResponse, HttpResponse, JsonResponse, StreamingHttpResponse
from django.test import RequestFactory

from core.middleware import ContentSecurityPolicyMiddleware, is_file_response
from tests.conftest import ROOT

SANDBOX = "default-src 'none'; sandbox"


def through_middleware(response: HttpResponse) -> HttpResponse:
    return ContentSecurityPolicyMiddleware(lambda request: response)(RequestFactory().get("/"))


def attachment() -> HttpResponse:
    response = HttpResponse("<html>", content_type="text/html")
    response["Content-Disposition"] = 'attachment; filename="page.html"'
    return response


def accel() -> HttpResponse:
    response = HttpResponse(content_type="text/html")
    response["X-Accel-Redirect"] = "/protected/archive/x.pdf"
    return response


@pytest.mark.parametrize("make", [
    lambda: HttpResponse(b"%PDF-1.7", content_type="application/pdf"),
    lambda: HttpResponse("a,b", content_type="text/csv; charset=utf-8"),
    lambda: HttpResponse(b"\x89PNG", content_type="image/png"),
    lambda: HttpResponse("<svg/>", content_type="image/svg+xml"),
    lambda: JsonResponse({"status": "ok"}),
    lambda: FileResponse(iter([b"x"]), content_type="text/html"),
    lambda: StreamingHttpResponse(iter([b"x"])),
    attachment,
    accel,
])
def test_a_file_gets_the_sandbox_policy(make):
    response = through_middleware(make())

    assert is_file_response(response) is True
    assert response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize("make", [
    lambda: HttpResponse("<p>page</p>"),
    lambda: HttpResponse("<p>page</p>", content_type="text/html; charset=utf-8"),
    lambda: HttpResponse(status=302),
])
def test_a_page_keeps_the_page_policy(make):
    response = through_middleware(make())

    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY


def test_the_file_policy_is_the_one_nginx_adds_to_the_files_it_sends():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()

    policies = re.findall(r'add_header\s+Content-Security-Policy\s+"([^"]+)"', conf)
    assert settings.FILE_CONTENT_SECURITY_POLICY == SANDBOX
    assert SANDBOX in policies


@pytest.mark.django_db
def test_a_page_and_robots_through_the_stack(client):
    page = client.get("/en/")
    robots = client.get("/robots.txt")

    assert page["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assert robots["Content-Security-Policy"] == SANDBOX
