"""Backup and restore of the web benchmark's large dataset (issue 22, item 5):
``python -m bench.backup_roundtrip``.

Starts the persistent cluster of var/bench (bench/servers.py; the dataset
comes from ``python -m bench.web --prepare``), then runs the portal's own
commands as an operator would, with production settings:

1. ``manage.py backup --output DIR`` of the ``almaty`` database and its
   storage directories;
2. ``manage.py restore DIR`` into a new, empty database on the same cluster
   and new, empty storage directories (the restore verifies every table's
   row count and every file's checksum against the manifest).

Prints the time of each step, the backup's size and the row count, and
writes them to $BENCH_JSON when set (bench/run.py's convention).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.servers import Servers
from tests.plugins import services

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _manage(env: dict, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def _size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def main() -> None:
    servers = Servers()
    if not (servers.pgdata / "PG_VERSION").exists():
        raise SystemExit("No dataset: run `python -m bench.web --prepare` first.")
    work = Path(tempfile.mkdtemp(prefix="almaty-backup-bench-"))
    servers.start()
    try:
        base = servers.database_url.rsplit("/", 1)[0]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"{base}/almaty",
            "MEDIA_ROOT": str(servers.var / "media"),
            "ARCHIVE_ROOT": str(servers.var / "archive"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        env.pop("REDIS_URL", None)
        output = work / "backup"
        backup_seconds = _manage(env, "backup", "--output", str(output))
        manifest = json.loads((output / "manifest.json").read_text())

        port = base.rsplit(":", 1)[1]
        subprocess.run(services._as_postgres(
            [str(servers.bindir / "createdb"), "-h", "127.0.0.1", "-p", port,
             "-U", "postgres", "almaty_restored"]), check=True, capture_output=True)
        target = {
            **env,
            "DATABASE_URL": f"{base}/almaty_restored",
            "MEDIA_ROOT": str(work / "media"),
            "ARCHIVE_ROOT": str(work / "archive"),
        }
        (work / "media").mkdir()
        (work / "archive").mkdir()
        restore_seconds = _manage(target, "restore", str(output))
        rows = sum(manifest["database"]["tables"].values())
        figures = [
            ("backup: seconds", round(backup_seconds, 1), "manage.py backup, whole command"),
            ("restore and verify: seconds", round(restore_seconds, 1),
             "manage.py restore into an empty database, whole command"),
            ("backup: MB", round(_size(output) / 1e6, 1), "pg_dump custom format + files"),
            ("rows", rows, "every table, from the manifest"),
        ]
        for metric, value, detail in figures:
            print(f"{metric:32} {value:>12}  {detail}")
        if os.environ.get("BENCH_JSON"):
            Path(os.environ["BENCH_JSON"]).write_text(json.dumps(
                [{"metric": m, "value": v, "detail": d, "target": ""} for m, v, d in figures]
            ))
    finally:
        subprocess.run(services._as_postgres(
            [str(servers.bindir / "dropdb"), "-h", "127.0.0.1", "-p",
             servers.database_url.rsplit(":", 1)[1].split("/")[0], "-U", "postgres",
             "--if-exists", "almaty_restored"]), check=False, capture_output=True)
        servers.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
