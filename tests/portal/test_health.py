import json

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_redis(client, settings):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "database": "ok", "redis": "ok", "broker": "ok", "outbox": 0, "storage": "ok",
        "status": "ok",
    }


def test_healthz_without_redis_configured(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/healthz")

    assert json.loads(response.content) == {
        "database": "ok", "redis": "not configured", "broker": "ok", "outbox": 0,
        "storage": "ok", "status": "ok",
    }


def test_healthz_fails_when_redis_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["redis"] == "error: ConnectionError"
