"""Throwaway PostgreSQL and Redis servers for the test run.

Loaded with ``-p tests.plugins.services`` (pyproject addopts), so it runs
before pytest-django configures Django: it starts the servers from Debian's
binaries, points DATABASE_URL and REDIS_URL at them, and stops them at the end.

Modes, chosen by ALMATY_TEST_DB:
- ``postgresql`` (default): start PostgreSQL unless DATABASE_URL is given.
- ``sqlite``: the embedded default; tests marked ``postgresql`` are deselected
  by ``make test``'s second pass.

Under CI=true a missing server binary is an error, never a skip.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

_state: dict = {"procs": [], "pgdata": None, "pgbin": None, "tmp": None}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return candidates[0].parent if candidates else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as `postgres`."""
    return ["runuser", "-u", "postgres", "--", *cmd] if IS_ROOT else cmd


def _start_postgresql(tmp: Path) -> str:
    bindir = _postgres_bindir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL binaries not found under /usr/lib/postgresql: "
            "run `make test`, which installs them."
        )
    pgdata = tmp / "pgdata"
    sockdir = tmp / "pgsock"
    pgdata.mkdir()
    sockdir.mkdir()
    if IS_ROOT:
        shutil.chown(pgdata, "postgres", "postgres")
        shutil.chown(sockdir, "postgres", "postgres")
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(pgdata), "-U", "postgres",
                      "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]),
        check=True, capture_output=True,
    )
    port = _free_port()
    options = (
        f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(pgdata), "-l", str(sockdir / "pg.log"),
                      "-w", "-o", options, "start"]),
        check=True, capture_output=True,
    )
    _state["pgdata"], _state["pgbin"] = pgdata, bindir
    return f"postgres://postgres@127.0.0.1:{port}/almaty"


def _start_redis(tmp: Path) -> str:
    server = shutil.which("redis-server")
    if server is None:
        raise RuntimeError("redis-server not found: run `make test`, which installs it.")
    port = _free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _state["procs"].append(proc)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return f"redis://127.0.0.1:{port}/0"
        time.sleep(0.05)
    raise RuntimeError("redis-server did not start within 10 s")


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # Workers of our own Celery subprocess and Playwright need this.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not _state["tmp"]:
        tmp = Path(tempfile.mkdtemp(prefix="almaty-test-"))
        tmp.chmod(0o755)  # PostgreSQL runs as `postgres` and must traverse it
        _state["tmp"] = tmp
        os.environ.setdefault("MEDIA_ROOT", str(tmp / "media"))
        os.environ.setdefault("ARCHIVE_ROOT", str(tmp / "archive"))
        mode = os.environ.get("ALMATY_TEST_DB", "postgresql")
        try:
            if mode == "sqlite":
                os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'test.sqlite3'}"
            elif not os.environ.get("DATABASE_URL"):
                os.environ["DATABASE_URL"] = _start_postgresql(tmp)
            if not os.environ.get("REDIS_URL"):
                os.environ["REDIS_URL"] = _start_redis(tmp)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            _stop_all()
            sys.stderr.write(
                f"\nCould not start test services: {exc}\n{detail.decode(errors='replace')}\n"
            )
            raise pytest.UsageError(f"test services unavailable: {exc}") from exc
    return (yield)


def _stop_all() -> None:
    for proc in _state["procs"]:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        if proc.poll() is None:
            proc.kill()
    _state["procs"].clear()
    if _state["pgdata"]:
        subprocess.run(
            _as_postgres([str(_state["pgbin"] / "pg_ctl"), "-D", str(_state["pgdata"]),
                          "-m", "immediate", "-w", "stop"]),
            check=False, capture_output=True,
        )
        _state["pgdata"] = None
    if _state["tmp"]:
        shutil.rmtree(_state["tmp"], ignore_errors=True)
        _state["tmp"] = None


def pytest_unconfigure(config):
    _stop_all()


def pytest_report_header(config):
    return [
        f"database: {os.environ.get('DATABASE_URL', '?')}",
        f"redis: {os.environ.get('REDIS_URL', '?')}",
        f"CI: {IN_CI}",
    ]
