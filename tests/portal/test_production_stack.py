"""The production stack of docker-compose.yml, run as a whole on loopback
(tests/stack.py): nginx with deploy/nginx.conf, gunicorn on the production
settings, PostgreSQL, Redis, a Celery worker and beat, the demo data. Every
request goes through nginx, as a visitor behind the host's TLS proxy.

Marked `stack` (and `postgresql`: the SQLite pass deselects it). Under
CI=true a missing nginx or redis-server fails instead of skipping."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time

import pytest

from tests.conftest import unavailable
from tests.stack import ADMIN_EMAIL, Browser, Stack, compose

pytestmark = [pytest.mark.stack, pytest.mark.postgresql]


@pytest.fixture(scope="module")
def stack():
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        unavailable("the production stack needs PostgreSQL")
    for binary in ("nginx", "redis-server"):
        if not shutil.which(binary, path=f"{os.environ.get('PATH', '')}:/usr/sbin"):
            unavailable(f"{binary} not installed: run scripts/system-deps.sh test")
    # The test run's PostgreSQL server, a database of the stack's own.
    running = Stack(database_server=server)
    try:
        running.start()
        running.seed_demo()
        yield running
    finally:  # every process stopped and the database dropped, even on failure
        running.stop()


@pytest.fixture(scope="module")
def admin(stack):
    browser = Browser(stack.url, address="203.0.113.1")
    browser.login(ADMIN_EMAIL)
    return browser


def _wait(predicate, *, timeout: float, what: str, stack: Stack):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError(f"{what}: not within {timeout} s\n{stack.logs()}")


# --- The stack is the compose file's ---------------------------------------------

def test_stack_runs_each_service_as_the_compose_file_describes(stack):
    web = compose()["services"]["web"]
    workers = int(re.search(r"--workers (\d+)", web["command"][-1]).group(1))
    memory = stack.memory()

    gunicorn = [row for row in memory["web"] if "gunicorn" in row["command"]]
    celery = [row for row in memory["worker"] if "celery" in row["command"]]
    # The master and its --workers; a folded command that dropped the options
    # (a newline inside `sh -c`) ran a single worker.
    assert len(gunicorn) == 1 + workers
    # The worker's main process and its --concurrency=2 pool.
    assert len(celery) == 3
    assert ["beat" in row["command"].split() for row in memory["beat"]] == [True]
    health = Browser(stack.url).get("/healthz")
    assert (health.status_code, health.json()["status"]) == (200, "ok")


# --- Archive: upload, extraction, search, download ------------------------------

def _upload(admin: Browser, *, title: str, access: str, content: bytes, name: str) -> int:
    response = admin.submit(
        "/en/admin/archive/document/add/", form_with="title_ru", follow=False,
        data={"title_ru": title, "title_en": title, "doc_type": "report",
              "date": "2026-11-30", "access": access, "files-TOTAL_FORMS": "1",
              "files-0-language": "en", "_continue": "1"},
        files={"files-0-file": (name, content, "text/plain")},
    )
    assert response.status_code == 302, response.text[-3000:]
    return int(re.search(r"/document/(\d+)/change/", response.headers["Location"]).group(1))


def test_stack_archive_upload_extract_search_and_download(stack, admin):
    word = f"stackword{secrets.token_hex(4)}"
    content = (f"Labour migration report. The term {word} appears only in this file.\n"
               "Доклад о трудовой миграции.\n").encode()
    public = _upload(admin, title="Stack public report", access="public", content=content,
                     name="stack-report.txt")
    restricted = _upload(admin, title="Stack restricted report", access="participants",
                         content=content + b"restricted\n", name="restricted.txt")
    published = admin.submit("/en/admin/archive/document/", form_with="action",
                             data={"action": "publish", "_selected_action": [public, restricted],
                                   "index": "0"})
    assert published.status_code == 200

    # The worker extracts the text (only the file holds the word).
    def extracted():
        rows = stack.sql("SELECT d.id, d.slug, f.id, f.extraction_status "
                         "FROM archive_document d JOIN archive_documentfile f "
                         "ON f.document_id = d.id WHERE d.id IN (%s, %s)", public, restricted)
        return rows if all(row[3] == "done" for row in rows) and len(rows) == 2 else None

    rows = {row[0]: row for row in _wait(extracted, timeout=60, what="extraction", stack=stack)}
    assert "archive.extract_file" in stack.services["worker"].tail(10**6)
    anonymous = Browser(stack.url, address="198.51.100.7")
    found = anonymous.get(f"/en/search/?q={word}")
    assert found.status_code == 200
    assert "Stack public report" in found.text
    assert "Stack restricted report" not in found.text

    _id, slug, file_id, _status = rows[public]
    download = anonymous.get(f"/en/archive/{slug}/files/{file_id}/")
    assert download.status_code == 200
    assert download.content == content
    headers = download.headers
    assert headers["Content-Type"].split(";")[0] == "text/plain"
    assert headers["Content-Disposition"] == 'attachment; filename="stack-report.txt"'
    assert "sandbox" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in headers.get("Cache-Control", "")
    # nginx sent the bytes: the internal redirect never reaches the visitor.
    assert "X-Accel-Redirect" not in headers
    assert int(headers["Content-Length"]) == len(content)

    _id, rslug, rfile, _status = rows[restricted]
    assert anonymous.get(f"/en/archive/{rslug}/files/{rfile}/").status_code == 404
    staff_copy = admin.get(f"/en/archive/{rslug}/files/{rfile}/")
    assert staff_copy.status_code == 200
    assert staff_copy.headers["Cache-Control"] == "private, no-store"
    assert "sandbox" in staff_copy.headers["Content-Security-Policy"]
    # The internal location is not reachable from outside.
    stored = stack.sql("SELECT file FROM archive_documentfile WHERE id = %s", rfile)[0][0]
    assert anonymous.get(f"/protected/archive/{stored}").status_code == 404


# --- Registration ----------------------------------------------------------------

def test_stack_coordinator_registers_a_delegation(stack):
    coordinator = next(c for c in stack.facts["coordinators"] if c["state"] == "AFG")
    slug = stack.facts["meeting"]["slug"]
    browser = Browser(stack.url, address="198.51.100.20")
    browser.login(coordinator["email"])

    added = []
    for n, role in ((1, "head"), (2, "delegate")):
        response = browser.submit(
            f"/en/registration/{slug}/delegates/add/", form_with="surname_latin",
            data={"surname_cyrillic": f"Тестов{n}", "given_names_cyrillic": "Ахмад",
                  "surname_latin": f"Testov{n}", "given_names_latin": "Ahmad",
                  "position": "Director", "agency": "Ministry of Labour",
                  "email": f"delegate{n}@example.af", "role": role,
                  "preferred_language": "en"},
        )
        assert response.status_code == 200
        added.append(response)
    delegation = browser.get(f"/en/registration/{slug}/")

    assert "Testov1" in delegation.text
    assert "Testov2" in delegation.text
    rows = stack.sql(
        "SELECT dl.surname_latin, dl.role FROM meetings_delegate dl "
        "JOIN meetings_delegation d ON dl.delegation_id = d.id "
        "JOIN membership_participantstate s ON d.state_id = s.id "
        "WHERE s.iso3 = 'AFG' ORDER BY dl.surname_latin")
    assert rows == [("Testov1", "head"), ("Testov2", "delegate")]


# --- Briefing packs ----------------------------------------------------------------

def test_stack_staff_builds_a_pack_and_downloads_it(stack, admin):
    meeting = stack.facts["meeting"]["id"]
    query = ("SELECT id, status, file, version FROM briefings_briefingpack "
             "WHERE meeting_id = %s AND kind = 'briefing' AND language = 'en'")
    before = stack.sql(query, meeting)
    version = before[0][3] if before else 0

    response = admin.submit(f"/en/admin/briefings/briefingpack/meeting/{meeting}/",
                            form_with="kind", data={"kind": "briefing", "language": "en"})
    assert response.status_code == 200

    def built():
        rows = stack.sql(query, meeting)
        return rows[0] if rows and rows[0][1] == "done" and rows[0][3] > version else None

    pack_id, _status, _file, _version = _wait(built, timeout=120, what="the pack", stack=stack)
    progress = admin.get(f"/en/admin/briefings/briefingpack/{pack_id}/progress.json").json()
    download = admin.get(progress["download"])

    assert progress["status"] == "done"
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")
    assert download.headers["Content-Disposition"].startswith("attachment; filename=")
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert "X-Accel-Redirect" not in download.headers


# --- Compression -------------------------------------------------------------------

def test_stack_html_and_css_leave_compressed(stack):
    browser = Browser(stack.url, address="198.51.100.30")
    page = browser.get("/en/")
    stylesheet = re.search(r'<link[^>]+href="(/static/[^"]+\.css)"', page.text).group(1)
    css = browser.get(stylesheet)
    feed = browser.get("/en/archive/feed/atom/")

    assert (page.status_code, page.headers["Content-Encoding"]) == (200, "gzip")
    assert (css.status_code, css.headers["Content-Encoding"]) == (200, "gzip")
    assert (feed.status_code, feed.headers["Content-Encoding"]) == (200, "gzip")
    assert "Accept-Encoding" in page.headers["Vary"]
    plain = browser.get("/en/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
