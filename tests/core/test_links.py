"""core.links: the one base URL of links that leave the page, in requests
and in tasks alike."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from core.links import absolute_url, base_url


@pytest.fixture
def request_on_port():
    return RequestFactory().get("/en/meetings/", HTTP_HOST="127.0.0.1:8011")


def test_base_url_of_a_request_keeps_its_port(settings, request_on_port):
    settings.PORTAL_BASE_URL = ""

    assert base_url(request_on_port) == "http://127.0.0.1:8011"


def test_base_url_configured_wins_over_the_request(settings, request_on_port):
    settings.PORTAL_BASE_URL = "https://almaty-process.example/"

    assert (base_url(request_on_port), base_url()) == (
        "https://almaty-process.example", "https://almaty-process.example",
    )


def test_base_url_without_request_nor_configuration_from_allowed_hosts(settings):
    settings.PORTAL_BASE_URL = ""
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [".almaty-process.example", "localhost"]

    assert base_url() == "https://almaty-process.example"


def test_absolute_url_on_the_base_a_task_was_given(settings):
    settings.PORTAL_BASE_URL = ""

    assert absolute_url("/ru/meetings/x/", base="http://127.0.0.1:8011/") == (
        "http://127.0.0.1:8011/ru/meetings/x/"
    )


def test_absolute_url_of_a_request_encodes_its_path_as_the_request_does(
    settings, request_on_port,
):
    settings.PORTAL_BASE_URL = ""

    assert absolute_url("/ru/поиск/", request=request_on_port) == (
        "http://127.0.0.1:8011/ru/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA/"
    )
