"""PostgreSQL and Redis for the web benchmark, from Debian's packages, kept in
var/bench/ (BENCH_VAR) so the large dataset survives between runs.

Reuses the test plugin's helpers (tests/plugins/services.py) to find the
binaries and run them as ``postgres`` under root. Unlike the tests' servers
the cluster is persistent and runs with PostgreSQL's default durability
(fsync and synchronous commits on), as production would; only
``shared_buffers`` is raised to 512 MB, a quarter of a small server's RAM.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from tests.plugins import services

ROOT = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    path = Path(os.environ.get("BENCH_VAR", ROOT / "var" / "bench")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    for parent in (path, *path.parents):
        if parent == Path("/"):
            break
        with contextlib.suppress(PermissionError):
            parent.chmod(parent.stat().st_mode | 0o755)  # `postgres` must traverse it
    return path


class Servers:
    def __init__(self, var: Path | None = None):
        self.var = var or var_dir()
        self.pgdata = self.var / "pgdata"
        self.sock = self.var / "pgsock"
        self.bindir = services._postgres_bindir()
        self.redis = None
        self.database_url = self.redis_url = ""

    def _pg(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(services._as_postgres([str(self.bindir / "pg_ctl"), *args]),
                              check=check, capture_output=True, text=True)

    def start(self) -> None:
        if self.bindir is None:
            raise SystemExit("PostgreSQL not installed: run scripts/system-deps.sh bench")
        fresh = not (self.pgdata / "PG_VERSION").exists()
        if fresh:
            self.pgdata.mkdir(parents=True, exist_ok=True)
            self.sock.mkdir(exist_ok=True)
            if services.IS_ROOT:
                shutil.chown(self.pgdata, "postgres", "postgres")
                shutil.chown(self.sock, "postgres", "postgres")
            subprocess.run(services._as_postgres(
                [str(self.bindir / "initdb"), "-D", str(self.pgdata), "-U", "postgres",
                 "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]), check=True,
                capture_output=True)
        # A previous run that was killed may have left it running.
        self._pg("-D", str(self.pgdata), "-m", "fast", "-w", "stop", check=False)
        port = services._free_port()
        options = (f"-p {port} -k {self.sock} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=100 -c shared_buffers=512MB")
        self._pg("-D", str(self.pgdata), "-l", str(self.sock / "pg.log"), "-w", "-t", "300",
                 "-o", options, "start")
        self.database_url = f"postgres://postgres@127.0.0.1:{port}/almaty"
        if fresh:
            subprocess.run(services._as_postgres(
                [str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                 "-U", "postgres", "almaty"]), check=True, capture_output=True)
        self.redis_url = services._start_redis(self.var)
        self.redis = services._state["procs"][-1]

    def flush_redis(self) -> None:
        import redis

        redis.Redis.from_url(self.redis_url).flushall()

    def stop(self) -> None:
        if self.redis is not None:
            self.redis.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.redis.wait(timeout=10)
            services._state["procs"].remove(self.redis)
            self.redis = None
        if self.bindir is not None and (self.pgdata / "PG_VERSION").exists():
            self._pg("-D", str(self.pgdata), "-m", "fast", "-w", "stop", check=False)
