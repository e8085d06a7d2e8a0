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

    assert sorted(services) == ["beat", "db", "redis", "web", "worker"]
    for name, service in services.items():
        assert "healthcheck" in service, name
        assert service["restart"] == "unless-stopped", name
    assert services["db"]["image"].startswith("postgres:16")


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
