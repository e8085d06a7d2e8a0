"""The production stack of docker-compose.yml, run from Debian's packages on
loopback: nginx with deploy/nginx.conf, gunicorn on the production settings,
PostgreSQL, Redis, a Celery worker and beat.

One description of the services: everything is read from docker-compose.yml
(each service's command, environment, env_file and health check), the
Dockerfile (the image's ENV and its collectstatic step) and deploy/nginx.conf.
Only the container addresses are rewritten for loopback (LOOPBACK_REWRITES):
service host names and ports become 127.0.0.1 and free ports, /app/var/ and
/tmp/ become directories of the run. Whatever would survive the rewrite (a new
service host name, a new mount path) stops the start-up with an error, so the
stack that runs here cannot drift from the compose file.

What only the operator's .env and the host around the containers supply is
given here: the .env (from .env.example, with a random SECRET_KEY, the
loopback host, a console e-mail backend, a database of its own) and the
host's TLS proxy, which the clients act as (``Browser``: X-Forwarded-Proto
https and X-Forwarded-For, as the proxy sends them).

Used by tests/portal/test_production_stack.py and bench/load.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import html.parser
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
ENV_EXAMPLE = ROOT / ".env.example"
HOST = "127.0.0.1"
# The demo data's password of every account it makes (membership.demo).
DEMO_PASSWORD = "almaty-demo-2026"
ADMIN_EMAIL = "admin@example.org"
# Staff sign in with a second factor in production: the seed enrols each
# staff account's authenticator with this key (hex, as django-otp stores it).
TOTP_KEY = "3132333435363738393031323334353637383930"
# Staff accounts beside the demo's administrator (for the load scenario:
# django-otp accepts each code once per device).
STAFF_ACCOUNTS = 6


class StackError(RuntimeError):
    """The stack could not start (a binary missing, a service that failed)."""


# --- The description ---------------------------------------------------------------

def compose() -> dict:
    """docker-compose.yml, YAML merge keys (``<<: *app``) resolved."""
    return yaml.safe_load(COMPOSE_FILE.read_text())


def image_environment() -> dict[str, str]:
    """The Dockerfile's ENV lines (the environment every app container starts with)."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    env: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("ENV "):
            env.update(pair.split("=", 1) for pair in shlex.split(line[4:]))
    return env


def image_build_commands() -> list[str]:
    """The Dockerfile's build steps that run manage.py (collectstatic...)."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        if line.startswith("RUN ") and "manage.py" in line:
            for part in re.split(r"&&", line[4:]):
                words = shlex.split(part)
                if "manage.py" in words:
                    commands.append(words[words.index("manage.py") + 1:])
    return commands


def dotenv(overrides: dict[str, str]) -> dict[str, str]:
    """The operator's .env: .env.example's values, then ``overrides``."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return {**values, **overrides}


def interpolate(text: str, values: dict[str, str]) -> str:
    """Compose's ``${VAR}`` from the .env; ``$$`` is a literal ``$``."""
    def replace(match: re.Match) -> str:
        return "$" if match.group(0) == "$$" else values[match.group(1)]
    return re.sub(r"\$\$|\$\{(\w+)\}", replace, text)


def _static_key() -> str:
    """What collectstatic's output depends on: the static files, the
    installed packages (their versions) and the settings."""
    digest = hashlib.sha256()
    for root in sorted([ROOT / "static", *ROOT.glob("*/static")]):
        if root.parent.name in {"var", "node_modules"}:
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(ROOT)}:{stat.st_size}:{stat.st_mtime_ns}\n"
                              .encode())
    site_packages = Path(requests.__file__).resolve().parents[1]
    digest.update(" ".join(sorted(p.name for p in site_packages.glob("*.dist-info"))).encode())
    for settings in sorted((ROOT / "almaty_portal" / "settings").glob("*.py")):
        digest.update(settings.read_bytes())
    return digest.hexdigest()[:16]


# --- Loopback -----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Loopback:
    """Where each container address lives on this machine."""

    tmp: Path
    ports: dict[str, int] = field(default_factory=dict)

    @property
    def var(self) -> Path:
        return self.tmp / "var"

    def rewrites(self) -> list[tuple[str, str]]:
        p = self.ports
        return [
            ("@db:5432/", f"@{HOST}:{p['db']}/"),
            ("redis://redis:6379/", f"redis://{HOST}:{p['redis']}/"),
            ("server web:8000;", f"server {HOST}:{p['web']};"),
            ("--bind 0.0.0.0:8000", f"--bind {HOST}:{p['web']}"),
            ("http://127.0.0.1:8000/", f"http://{HOST}:{p['web']}/"),
            ("http://127.0.0.1/", f"http://{HOST}:{p['nginx']}/"),
            ("listen 80 default_server;", f"listen {HOST}:{p['nginx']} default_server;"),
            ("/app/var/", f"{self.var}/"),
            ("/tmp/", f"{self.tmp}/"),
        ]

    def rewrite(self, text: str) -> str:
        table = dict(self.rewrites())
        # One pass: a rewritten path (under /tmp/) is never rewritten again.
        text = re.sub("|".join(re.escape(old) for old in table),
                      lambda match: table[match.group(0)], text)
        # A container address the rewrites do not know would reach nothing here.
        leftover = re.findall(r"(?:@|//|server\s+)(?:db|redis|web|nginx|worker|beat)\b"
                              r"|\b0\.0\.0\.0\b|(?<![\w/])/app/", text)
        if leftover:
            raise StackError(f"container addresses left after the loopback rewrite: "
                             f"{leftover} in {text[:300]!r}")
        return text


def nginx_prepare(nginx_dir: Path, loopback: Loopback) -> list[str]:
    """deploy/nginx.conf, rewritten for loopback, in a configuration of its
    own in ``nginx_dir`` (checked with ``nginx -t``); the command that runs
    it in the foreground. Also bench/lighthouse.py's front server."""
    nginx_dir.mkdir()
    site = loopback.rewrite(NGINX_CONF.read_text())
    (nginx_dir / "default.conf").write_text(site)
    # The nginx image's /etc/nginx/nginx.conf, reduced to what runs here:
    # its gzip line is commented out, so compression is deploy/nginx.conf's.
    (nginx_dir / "nginx.conf").write_text(f"""
daemon off;
worker_processes 1;
pid {nginx_dir}/nginx.pid;
error_log {nginx_dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # Each request's time in nginx and in gunicorn (bench/load.py reads them).
    log_format timed '$request_method $uri $args $status $request_time $upstream_response_time';
    access_log {nginx_dir}/access.log timed;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path {nginx_dir}/body;
    proxy_temp_path {nginx_dir}/proxy;
    fastcgi_temp_path {nginx_dir}/fastcgi;
    uwsgi_temp_path {nginx_dir}/uwsgi;
    scgi_temp_path {nginx_dir}/scgi;
    include {nginx_dir}/default.conf;
}}
""")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    argv = [nginx, "-p", str(nginx_dir), "-c", str(nginx_dir / "nginx.conf")]
    check = subprocess.run([*argv, "-t"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise StackError(f"nginx -t refused the configuration:\n{check.stderr}")
    return argv


# --- Processes ----------------------------------------------------------------------

def _descendants(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.append(int(child))
                found.extend(_descendants(int(child)))
    return found


def _rss_kib(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _command_name(pid: int) -> str:
    with contextlib.suppress(OSError):
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        return " ".join(w.decode(errors="replace") for w in words if w)
    return ""


@dataclass
class Service:
    name: str
    proc: subprocess.Popen
    log: Path

    def processes(self) -> list[dict]:
        """The service's processes (not the `sh -c` wrapper): pid, command, RSS in KiB."""
        rows = []
        for pid in [self.proc.pid, *_descendants(self.proc.pid)]:
            command = _command_name(pid)
            if command and not command.startswith(("sh ", "/bin/sh ")):
                rows.append({"pid": pid, "command": command, "rss_kib": _rss_kib(pid)})
        return rows

    def tail(self, size: int = 4000) -> str:
        with contextlib.suppress(OSError):
            return self.log.read_text(errors="replace")[-size:]
        return ""


class Stack:
    """The stack of docker-compose.yml on loopback.

    ``database_server``: a PostgreSQL superuser URL to create the compose
    file's database on (the test run's server); without it a throwaway
    cluster of its own is started. Use as a context manager, or call
    ``start()`` and (always, in a finally) ``stop()``.
    """

    def __init__(self, *, database_server: str | None = None,
                 env: dict[str, str] | None = None, keep_logs: bool = False):
        self.database_server = database_server
        self.env_overrides = env or {}
        self.keep_logs = keep_logs
        self.tmp = Path(tempfile.mkdtemp(prefix="almaty-stack-"))
        self.loopback = Loopback(self.tmp)
        self.services: dict[str, Service] = {}
        self.compose = compose()
        self.dotenv: dict[str, str] = {}
        self.own_pgdata: Path | None = None
        self.facts: dict = {}
        self.timings: list[tuple[float, str]] = []
        self._started = time.monotonic()

    # -- public ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.loopback.ports['nginx']}"

    def __enter__(self) -> Stack:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        for binary in ("nginx", "redis-server"):
            if not (shutil.which(binary) or Path(f"/usr/sbin/{binary}").exists()):
                raise StackError(f"{binary} not found: run scripts/system-deps.sh test")
        self.tmp.chmod(0o755)  # nginx's workers (another user) read the archive
        for name in ("media", "archive"):
            (self.loopback.var / name).mkdir(parents=True)
        (self.tmp / "logs").mkdir()
        self.loopback.ports = {name: free_port() for name in ("db", "redis", "web", "nginx")}
        self.dotenv = dotenv({
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "POSTGRES_DB": "almaty_stack",
            "POSTGRES_USER": "almaty_stack",
            "POSTGRES_PASSWORD": secrets.token_hex(12),
            # No mail leaves the machine; the messages land in the worker's log.
            "EMAIL_URL": "consolemail://",
            **self.env_overrides,
        })
        self._start_database()
        self._start_redis()
        self._log("database and redis")
        self._build_image_steps()
        self._log("image build steps")
        self._start_app("web")
        self._wait_healthy("web", timeout=120)
        self._log("web healthy")
        self._start_app("worker")
        self._start_app("beat")
        self._start_nginx()
        for name in ("worker", "beat", "nginx"):
            self._wait_healthy(name, timeout=90)
            self._log(f"{name} healthy")

    def stop(self) -> None:
        for name in reversed(list(self.services)):
            service = self.services.pop(name)
            if service.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(service.proc.pid, signal.SIGTERM)
                try:
                    service.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(service.proc.pid, signal.SIGKILL)
                    service.proc.wait(timeout=5)
        self._stop_database()
        if not self.keep_logs:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def app_env(self, name: str) -> dict[str, str]:
        """A service's environment as its container would have it: the
        image's ENV, the env_file, then the service's `environment`."""
        service = self.compose["services"][name]
        assert service["env_file"] == ".env", "the stack reads the env_file as .env"
        env = {
            "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "HOME": str(self.tmp), "LANG": "C.UTF-8", "HOSTNAME": socket.gethostname(),
            **image_environment(), **self.dotenv,
        }
        for key, value in (service.get("environment") or {}).items():
            env[key] = self.loopback.rewrite(interpolate(str(value), self.dotenv))
        return env

    def command(self, name: str) -> list[str]:
        """A service's command, rewritten for loopback, as argv."""
        command = self.compose["services"][name]["command"]
        if isinstance(command, list):
            return [self.loopback.rewrite(interpolate(part, self.dotenv)) for part in command]
        return shlex.split(self.loopback.rewrite(interpolate(command, self.dotenv)))

    def manage(self, *args: str, timeout: float = 300, stdin: str | None = None,
               env: dict[str, str] | None = None) -> str:
        """``python manage.py ...`` in the web service's environment."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT,
            env={**self.app_env("web"), **(env or {})},
            input=stdin, capture_output=True, text=True, timeout=timeout, check=False,
        )
        if result.returncode != 0:
            raise StackError(f"manage.py {' '.join(args)} failed:\n"
                             f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        return result.stdout

    def seed_demo(self) -> dict:
        """The demo data (load_demo), an account for every coordinator in
        office and every focal point, and the facts a scenario needs."""
        self.manage("load_demo", "--allow-production")
        self._log("load_demo")
        seed = {"password": DEMO_PASSWORD, "admin": ADMIN_EMAIL, "key": TOTP_KEY,
                "staff": STAFF_ACCOUNTS}
        output = self.manage("shell", stdin=SEED_SCRIPT, env={"STACK_SEED": json.dumps(seed)})
        self.facts = json.loads(output.strip().splitlines()[-1])
        return self.facts

    def sql(self, query: str, *params) -> list[tuple]:
        """Rows from the stack's database (to read what a scenario did)."""
        import psycopg2

        connection = psycopg2.connect(**{**self._admin_dsn, "dbname": self.dotenv["POSTGRES_DB"]})
        try:
            with connection.cursor() as cursor:
                cursor.execute(query, params)
                return cursor.fetchall()
        finally:
            connection.close()

    def memory(self) -> dict[str, list[dict]]:
        """RSS of each app service's processes (gunicorn master and workers,
        the Celery worker's main process and pool, beat)."""
        return {name: self.services[name].processes() for name in ("web", "worker", "beat")
                if name in self.services}

    def access_log(self) -> list[str]:
        """nginx's access log: method, path, query, status, seconds in nginx,
        seconds upstream (gunicorn), one request a line."""
        path = self.tmp / "nginx" / "access.log"
        return path.read_text().splitlines() if path.exists() else []

    def logs(self) -> str:
        return "\n".join(f"--- {name} ---\n{service.tail()}"
                         for name, service in self.services.items())

    # -- the services ------------------------------------------------------------------

    def _log(self, message: str) -> None:
        self.timings.append((round(time.monotonic() - self._started, 1), message))

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Service:
        log = self.tmp / "logs" / f"{name}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        service = Service(name, proc, log)
        self.services[name] = service
        return service

    def _start_database(self) -> None:
        import psycopg2
        from psycopg2 import sql

        from tests.plugins import services as test_services

        server = self.database_server
        if server is None:
            # A throwaway cluster of its own (the bench): the test plugin's recipe.
            saved = dict(test_services._state)
            try:
                server = test_services._start_postgresql(self.tmp)
                self.own_pgdata = test_services._state["pgdata"]
                self._pgbin = test_services._state["pgbin"]
            finally:
                test_services._state.update(saved)
        parts = urlsplit(server)
        self.loopback.ports["db"] = parts.port
        self._admin_dsn = {"host": parts.hostname, "port": parts.port,
                           "user": parts.username or "postgres", "dbname": "postgres"}
        name, user = self.dotenv["POSTGRES_DB"], self.dotenv["POSTGRES_USER"]
        connection = psycopg2.connect(**self._admin_dsn)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
            cursor.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(user)))
            # As the postgres image's entrypoint does with POSTGRES_USER/PASSWORD/DB.
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(user), sql.Literal(self.dotenv["POSTGRES_PASSWORD"])))
            cursor.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(user)))
        connection.close()
        self._database_created = True

    def _stop_database(self) -> None:
        if self.own_pgdata is not None:
            from tests.plugins import services as test_services

            subprocess.run(test_services._as_postgres(
                [str(self._pgbin / "pg_ctl"), "-D", str(self.own_pgdata), "-m", "immediate",
                 "-w", "stop"]), check=False, capture_output=True)
            self.own_pgdata = None
        elif getattr(self, "_database_created", False):
            import psycopg2
            from psycopg2 import sql

            with contextlib.suppress(psycopg2.Error):
                connection = psycopg2.connect(**self._admin_dsn)
                connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                        sql.Identifier(self.dotenv["POSTGRES_DB"])))
                    cursor.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(
                        sql.Identifier(self.dotenv["POSTGRES_USER"])))
                connection.close()
            self._database_created = False

    def _start_redis(self) -> None:
        (self.tmp / "redis").mkdir()
        argv = [*self.command("redis"), "--port", str(self.loopback.ports["redis"]),
                "--bind", HOST, "--dir", str(self.tmp / "redis"), "--daemonize", "no"]
        self._spawn("redis", argv, {"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
        self._wait_port("redis", self.loopback.ports["redis"], timeout=10)

    def _build_image_steps(self) -> None:
        """The Dockerfile's build steps: collectstatic, kept between runs
        like an image layer (var/stack/, keyed on every input of it), and
        compilemessages when a catalogue's .mo is missing (`make test`
        compiles them)."""
        for args in image_build_commands():
            if args[0] == "compilemessages" and all(
                    po.with_suffix(".mo").exists() for po in (ROOT / "locale").rglob("*.po")):
                continue
            if args[0] == "collectstatic":
                cached = ROOT / "var" / "stack" / f"static-{_static_key()}"
                if not (cached / "staticfiles.json").exists():
                    cached.parent.mkdir(parents=True, exist_ok=True)
                    building = Path(tempfile.mkdtemp(prefix=f"{cached.name}.",
                                                     dir=cached.parent))
                    try:
                        self.manage(*args, env={"STATIC_ROOT": str(building)})
                        building.chmod(0o755)
                        with contextlib.suppress(OSError):  # another run stored it first
                            building.rename(cached)
                    finally:
                        shutil.rmtree(building, ignore_errors=True)
                    # Keep the three newest (a run in progress has a dot in its name).
                    done = sorted((p for p in cached.parent.glob("static-*") if "." not in p.name),
                                  key=lambda p: p.stat().st_mtime)
                    for old in done[:-3]:
                        if old != cached:
                            shutil.rmtree(old, ignore_errors=True)
                self.dotenv["STATIC_ROOT"] = str(cached)
                continue
            self.manage(*args)

    def _start_app(self, name: str) -> None:
        self._spawn(name, self.command(name), self.app_env(name))

    def _start_nginx(self) -> None:
        argv = nginx_prepare(self.tmp / "nginx", self.loopback)
        self._spawn("nginx", argv, {"PATH": os.environ.get("PATH", "/usr/bin:/bin")})

    def _wait_port(self, name: str, port: int, *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.2):
                return
            self._check_alive(name)
            time.sleep(0.05)
        raise StackError(f"{name} did not listen on {port} within {timeout} s\n{self.logs()}")

    def _check_alive(self, name: str) -> None:
        service = self.services[name]
        if service.proc.poll() is not None:
            raise StackError(f"{name} exited with {service.proc.returncode}:\n{service.tail()}")

    def _wait_healthy(self, name: str, *, timeout: float) -> None:
        """Until the service's compose health check passes (as `depends_on:
        condition: service_healthy` waits)."""
        test = self.compose["services"][name]["healthcheck"]["test"]
        env = self.app_env(name) if name in ("web", "worker", "beat") else {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        if test[0] == "CMD-SHELL":
            argv = ["sh", "-c", self.loopback.rewrite(interpolate(test[1], {}))]
        else:
            argv = [self.loopback.rewrite(part) for part in test[1:]]
        deadline = time.monotonic() + timeout
        while True:
            self._check_alive(name)
            result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                                    timeout=60, check=False)
            if result.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise StackError(f"{name}'s health check failed for {timeout} s: "
                                 f"{result.stdout}{result.stderr}\n{self.services[name].tail()}")
            time.sleep(0.3)


SEED_SCRIPT = """
import json
import os

seed = json.loads(os.environ["STACK_SEED"])
from membership.models import NationalCoordinator, User
from meetings.enums import MeetingStatus
from meetings.models import Meeting

accounts = []
for coordinator in NationalCoordinator.objects.in_office().select_related("state").order_by(
        "state__iso3"):
    user = coordinator.user or User.objects.filter(email__iexact=coordinator.email).first()
    if user is None:
        user = User(email=coordinator.email, full_name=coordinator.full_name_ru)
    user.is_active = True
    user.set_password(seed["password"])
    user.save()
    if coordinator.user_id != user.pk:
        coordinator.user = user
        coordinator.save(update_fields=["user"])
    accounts.append({"email": user.email, "state": coordinator.state.iso3})
# The secretariat's administrators, each enrolled in TOTP (STAFF_REQUIRE_2FA
# is on in production): the demo's and more for the load scenario.
from django_otp.plugins.otp_totp.models import TOTPDevice
staff = []
for n in range(seed["staff"] + 1):
    email = seed["admin"] if n == 0 else f"staff{n}@example.org"
    user = User.objects.filter(email__iexact=email).first() or User(
        email=email, full_name=f"Staff {n}")
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(seed["password"])
    user.save()
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, name="stack", key=seed["key"], confirmed=True)
    staff.append(email)
meeting = Meeting.objects.filter(status=MeetingStatus.REGISTRATION_OPEN).order_by("start").first()
print(json.dumps({
    "staff": staff,
    "coordinators": accounts,
    "meeting": {"id": meeting.pk, "slug": meeting.slug,
                "max_delegation_size": meeting.max_delegation_size},
}))
"""


def totp(key_hex: str = "", *, at: float | None = None) -> str:
    """The current six-digit code of a TOTP key (RFC 6238: SHA-1, 30 s),
    as the staff member's authenticator app shows it."""
    key = bytes.fromhex(key_hex or TOTP_KEY)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset:offset + 4], "big") & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


# --- A client behind the host's TLS proxy ----------------------------------------------

class _Form(html.parser.HTMLParser):
    """The forms of a page as a browser would submit them untouched."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: tuple[str, list] | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "get"),
                               "fields": [], "names": set()})
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = a.get("name")
        if name:
            form["names"].add(name)
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            form["fields"].append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = (name, [], "multiple" in a)
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value"), "selected" in a))
            self._text = ""
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        self._text += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            name, options, multiple = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not multiple:
                chosen = [options[0][0]]
            self.forms[-1]["fields"].extend((name, value or "") for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1]["fields"].append((self._textarea, self._text.lstrip("\n")))
            self._textarea = None


def page_forms(text: str) -> list[dict]:
    parser = _Form()
    parser.feed(text)
    return parser.forms


class Browser:
    """A visitor through nginx, behind the host's TLS-terminating proxy:
    every request says it came over HTTPS from ``address``, follows
    redirects as a browser would, and submits forms with their CSRF token
    and the Referer Django checks on HTTPS."""

    def __init__(self, base: str, *, address: str = "203.0.113.10", timeout: float = 60):
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        # The __Host- cookies are Secure: the visitor speaks HTTPS to the
        # proxy in front, so they go back on every request here too.
        self.session.headers.update({
            "X-Forwarded-Proto": "https", "X-Forwarded-For": address,
            "Accept-Encoding": "gzip", "User-Agent": "almaty-stack-test",
        })

    def _cookies_over_proxy(self) -> None:
        for cookie in self.session.cookies:
            cookie.secure = False

    def _local(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme and parts.netloc and parts.hostname != HOST:
            raise AssertionError(f"redirect off the site: {url}")
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return f"{self.base}{path}"

    def request(self, method: str, path: str, *, follow: bool = True, referer: str = "",
                **kwargs) -> requests.Response:
        url = self._local(urljoin(f"https://{HOST}/", path))
        headers = kwargs.pop("headers", {})
        if method != "GET":
            headers.setdefault("Referer", referer or f"https://{HOST}{urlsplit(url).path}")
        self._cookies_over_proxy()
        response = self.session.request(method, url, headers=headers, allow_redirects=False,
                                        timeout=self.timeout, **kwargs)
        hops = 0
        while follow and response.is_redirect and hops < 10:
            url = self._local(urljoin(f"https://{HOST}{urlsplit(url).path}",
                                      response.headers["Location"]))
            self._cookies_over_proxy()
            response = self.session.get(url, allow_redirects=False, timeout=self.timeout)
            hops += 1
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def submit(self, path: str, *, form_with: str, data: dict | None = None,
               files: dict | None = None, drop: tuple[str, ...] = (),
               follow: bool = True, action: str | None = None) -> requests.Response:
        """GET ``path``, take its form that has a field named ``form_with``
        (and the ``action`` attribute, if given: "" for the page's own form,
        not the header's sign-out), and POST it with ``data`` replacing (or
        adding to) its fields."""
        page = self.get(path)
        if page.status_code != 200:
            raise AssertionError(f"GET {path}: {page.status_code}")
        forms = [f for f in page_forms(page.text) if form_with in f["names"]
                 and (action is None or f["action"] == action)]
        if not forms:
            raise AssertionError(f"no form with {form_with!r} on {path}")
        form = forms[0]
        overrides = data or {}
        fields = [(k, v) for k, v in form["fields"] if k not in overrides and k not in drop]
        for key, value in overrides.items():
            if isinstance(value, list | tuple):
                fields.extend((key, v) for v in value)
            else:
                fields.append((key, value))
        target = form["action"] or urlsplit(page.url).path + (
            f"?{urlsplit(page.url).query}" if urlsplit(page.url).query else "")
        return self.request("POST", urljoin(urlsplit(page.url).path, target), data=fields,
                            files=files, follow=follow,
                            referer=f"https://{HOST}{urlsplit(page.url).path}")

    def login(self, email: str, password: str = DEMO_PASSWORD, *, language: str = "en") -> None:
        response = self.submit(f"/{language}/accounts/login/", form_with="password",
                               data={"username": email, "password": password})
        if response.status_code == 200 and "code" in {
                name for form in page_forms(response.text) for name in form["names"]}:
            # The second step: the code of the account's authenticator.
            response = self.submit(urlsplit(response.url).path, form_with="code",
                                   data={"code": totp()})
        if response.status_code != 200 or not any(
                cookie.name.endswith("sessionid") for cookie in self.session.cookies):
            raise AssertionError(f"sign-in of {email} failed: {response.status_code}")
