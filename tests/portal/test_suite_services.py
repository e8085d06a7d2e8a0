"""The real services under the suite: the production driver on PostgreSQL,
and a Celery round trip through Redis and a worker process."""

import pytest
from django.db import connection


@pytest.mark.postgresql
@pytest.mark.django_db
def test_postgresql_server_is_the_supported_version(postgresql_only):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        version = int(cursor.fetchone()[0])

    assert version >= 150000


@pytest.mark.postgresql
@pytest.mark.django_db
def test_database_driver_is_psycopg2(postgresql_only):
    assert connection.Database.__name__ == "psycopg2"


@pytest.mark.celery_worker
def test_celery_round_trip_through_redis_and_worker(celery_worker):
    from almaty_portal.celery import ping

    result = ping.delay()

    assert result.get(timeout=30) == "pong"
    assert result.successful() is True
