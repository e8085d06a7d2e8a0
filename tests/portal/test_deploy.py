"""Production settings and the docker-compose deployment."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def _production_env() -> dict[str, str]:
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({
        "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.prod",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-for-the-check",
        "ALLOWED_HOSTS": "portal.example.org",
    })
    return env


def test_production_settings_pass_check_deploy_without_warnings():
    result = _run_manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = _production_env()
    del env["SECRET_KEY"]

    result = _run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_file_is_valid_against_compose_spec():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile",
         str(ROOT / "tests/data/compose-spec.schema.json"), str(ROOT / "docker-compose.yml")],
        capture_output=True, text=True, timeout=120, check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_has_every_service_with_healthcheck_and_restart_policy():
    services = _compose()["services"]

    assert sorted(services) == ["beat", "db", "nginx", "redis", "web", "worker"]
    for name, service in services.items():
        assert "healthcheck" in service, name
        assert service["restart"] == "unless-stopped", name
    # The major of Debian 12's client in the image (pg_dump for backups)
    # and of the server the suite runs on.
    assert services["db"]["image"].startswith("postgres:15")


def test_compose_keeps_database_and_media_on_volumes():
    compose = _compose()

    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    for name in ("web", "worker", "beat"):
        assert "media:/app/var/media" in compose["services"][name]["volumes"]
    assert {"pgdata", "media"} <= set(compose["volumes"])


def test_compose_provides_every_setting_production_requires():
    compose = _compose()
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    web = compose["services"]["web"]
    provided = example | set(web["environment"])

    assert web["env_file"] == ".env"
    required = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"}
    assert required <= provided
    # Every ${VAR} the compose file interpolates ($${VAR} is escaped) is in .env.example.
    text = (ROOT / "docker-compose.yml").read_text()
    interpolated = set(re.findall(r"(?<!\$)\$\{(\w+)", text))
    assert interpolated == {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}
    assert interpolated <= example


# --- The image and its volumes ------------------------------------------------

APP_SERVICES = ("web", "worker", "beat")


def _dockerfile_commands() -> list[str]:
    """The Dockerfile's RUN commands, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [line.strip()[4:] for line in text.splitlines() if line.strip().startswith("RUN ")]


def _mounted_paths(service: dict) -> list[str]:
    return [volume.split(":")[1] for volume in service["volumes"]]


def test_compose_app_services_are_the_image_built_here():
    services = _compose()["services"]

    for name in APP_SERVICES:
        assert services[name]["build"] == ".", name
        assert services[name]["image"] == "almaty-portal:latest", name


def test_image_creates_and_hands_to_the_portal_user_every_mounted_directory():
    services = _compose()["services"]
    mounted = {path for name in APP_SERVICES for path in _mounted_paths(services[name])}
    created, chowned = set(), set()
    for command in _dockerfile_commands():
        for part in re.split(r"&&|;", command):
            words = part.split()
            if words[:2] == ["mkdir", "-p"]:
                created.update(words[2:])
            if words[:3] == ["chown", "-R", "portal:portal"]:
                chowned.update(words[3:])

    assert mounted == {"/app/var/media", "/app/var/archive"}
    assert mounted <= created
    for path in mounted:
        assert any(path == root or path.startswith(f"{root.rstrip('/')}/") for root in chowned)
    assert "USER portal" in (ROOT / "Dockerfile").read_text().splitlines()


# --- nginx ----------------------------------------------------------------------

def _nginx_blocks(text: str) -> list:
    """A small parser of nginx's syntax: a list of (directive words, children
    or None) in file order; comments and quotes handled."""
    tokens = re.findall(r'"[^"]*"|\'[^\']*\'|[{};]|[^\s{};"\']+', re.sub(r"#[^\n]*", "", text))
    stack: list[list] = [[]]
    words: list[str] = []
    for token in tokens:
        if token == ";":
            stack[-1].append((words, None))
            words = []
        elif token == "{":
            block: list = []
            stack[-1].append((words, block))
            stack.append(block)
            words = []
        elif token == "}":
            stack.pop()
        else:
            words.append(token.strip("\"'"))
    assert len(stack) == 1, "unbalanced braces in nginx.conf"
    assert words == [], "a directive without its semicolon in nginx.conf"
    return stack[0]


def _nginx_locations() -> dict[str, list]:
    config = _nginx_blocks((ROOT / "deploy/nginx.conf").read_text())
    servers = [children for words, children in config if words == ["server"]]
    assert len(servers) == 1
    return {
        " ".join(words[1:]): children
        for words, children in servers[0]
        if words and words[0] == "location"
    }


def _volume_mount(service: dict, volume: str) -> tuple[str, str]:
    """(target, options) where the service mounts the named volume."""
    for entry in service["volumes"]:
        parts = entry.split(":")
        if parts[0] == volume:
            return parts[1], (parts[2] if len(parts) > 2 else "")
    raise AssertionError(f"{volume} not mounted")


def test_nginx_serves_archive_files_only_from_an_internal_location():
    compose = _compose()
    web, nginx = compose["services"]["web"], compose["services"]["nginx"]
    locations = _nginx_locations()
    archive = locations[web["environment"]["SENDFILE_URL"].rstrip("/") + "/"]
    directives = {words[0]: words[1:] for words, children in archive if children is None}
    nginx_target, nginx_options = _volume_mount(nginx, "archive")
    web_target, _ = _volume_mount(web, "archive")

    assert directives["internal"] == []
    assert directives["alias"] == [nginx_target.rstrip("/") + "/"]
    assert web_target == web["environment"]["ARCHIVE_ROOT"]
    assert nginx_options == "ro"
    # Nothing else of the archive is served: no other location, no root on it.
    text = (ROOT / "deploy/nginx.conf").read_text()
    assert text.count(nginx_target) == 1
    assert "autoindex on" not in text


def test_nginx_proxies_everything_else_to_gunicorn_with_the_forwarding_headers():
    location = _nginx_locations()["/"]
    directives = [words for words, children in location if children is None]
    config = _nginx_blocks((ROOT / "deploy/nginx.conf").read_text())
    upstreams = {words[1]: children for words, children in config if words[:1] == ["upstream"]}

    assert ["proxy_pass", "http://portal_web"] in directives
    assert upstreams["portal_web"] == [(["server", "web:8000"], None)]
    for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert any(words[:2] == ["proxy_set_header", header] for words in directives), header


def test_compose_sends_archive_files_through_nginx():
    compose = _compose()
    services = compose["services"]
    web, nginx = services["web"], services["nginx"]

    assert web["environment"]["SENDFILE_BACKEND"] == "django_sendfile.backends.nginx"
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]
    assert nginx["ports"] == ["127.0.0.1:8000:80"]
    assert "ports" not in web
    assert nginx["depends_on"]["web"]["condition"] == "service_healthy"
    # nginx's workers run as another user: they must be able to read the files.
    mode = int(web["environment"]["FILE_UPLOAD_PERMISSIONS"], 8)
    assert mode & 0o004
    # Behind the host's TLS proxy and nginx, both appending to X-Forwarded-For.
    assert web["environment"]["PROXY_COUNT"] == "2"


def test_production_settings_read_the_upload_permissions_from_the_environment():
    env = _production_env()
    env["FILE_UPLOAD_PERMISSIONS"] = "644"
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(oct(settings.FILE_UPLOAD_PERMISSIONS))")

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0o644"


def test_image_and_package_carry_every_local_app():
    from django.apps import apps

    local = sorted(
        config.name.split(".")[0] for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    )
    dockerfile = (ROOT / "Dockerfile").read_text()
    pyproject = (ROOT / "pyproject.toml").read_text()

    missing_in_image = [app for app in local if f"COPY {app} ./{app}" not in dockerfile]
    missing_in_package = [app for app in local if f'"{app}*"' not in pyproject]
    assert (missing_in_image, missing_in_package) == ([], [])
