"""The outbox's move from almaty_portal to core keeps its rows: the table is
renamed, not recreated (core's 0001, almaty_portal's 0003), both ways, on
PostgreSQL and SQLite."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.models import OutboxTask

BEFORE = [("almaty_portal", "0002_outbox_task"), ("core", None)]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_rows_waiting_in_the_outbox_survive_its_move_to_core():
    executor = _migrate(BEFORE)
    old_model = executor.loader.project_state(BEFORE[:1]).apps.get_model(
        "almaty_portal", "OutboxTask")
    old_model.objects.create(task_name="meetings.send_registration_confirmation",
                             task_id="kept", args=[7], kwargs={"base_url": "http://h:8011"})

    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())

    assert list(OutboxTask.objects.values_list("task_id", "args", "kwargs")) == [
        ("kept", [7], {"base_url": "http://h:8011"}),
    ]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
    assert ("core_outboxtask" in tables, "almaty_portal_outboxtask" in tables) == (True, False)
