"""The lock files (requirements/*.txt, `make lock`) that `make run`, `make
test` and the image install from: every package pinned with its hashes, and
in step with pyproject.toml, so that a dependency added or narrowed there
without `make lock` fails here instead of on the next fresh machine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _locked(name: str) -> dict[str, tuple[str, int]]:
    """{package: (version, number of hashes)} of one lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / "requirements" / name).read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


LOCKS = {
    "main.txt": lambda project: project["dependencies"],
    "test.txt": lambda project: [
        *project["dependencies"], *project["optional-dependencies"]["test"]
    ],
}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_lock_pins_every_dependency_within_its_range(lock):
    locked = _locked(lock)
    wrong = []
    for spec in LOCKS[lock](_pyproject()["project"]):
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        if name not in locked:
            wrong.append(f"{name}: not in requirements/{lock}")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            wrong.append(f"{name}=={locked[name][0]} outside {requirement.specifier}")

    assert wrong == [], "run `make lock` and commit requirements/"


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_lock_carries_a_hash_for_every_package(lock):
    unhashed = [name for name, (_version, hashes) in _locked(lock).items() if hashes == 0]

    assert unhashed == []


def test_lock_leaves_out_psycopg_3():
    # Django prefers psycopg 3 whenever it is importable: the production
    # driver, psycopg2, must be the one installed and tested.
    for lock in LOCKS:
        assert "psycopg" not in _locked(lock), lock


def test_installs_go_through_the_hashed_locks():
    makefile = (ROOT / "Makefile").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert "--require-hashes -r requirements/main.txt" in makefile
    assert "--require-hashes -r requirements/test.txt" in makefile
    assert "--require-hashes -r requirements/main.txt" in dockerfile
    assert "COPY requirements/main.txt" in dockerfile
