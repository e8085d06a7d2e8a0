"""Load on the production stack (issue 22, item 17): 50 users for 2 minutes
through nginx, against what docker-compose.yml describes (tests/stack.py, the
same start-up as tests/portal/test_production_stack.py) with the demo data.

    python -m bench.load [--users 50] [--seconds 120] [--json FILE]

A bounded script with threads (one requests.Session each, as a browser
keeps its connection), users in three roles:

- anonymous visitors (70 %): home, meetings, a meeting, the archive list,
  archive and site searches with a term drawn from a list, a document page;
- coordinators (24 %, shared over the demo's nine coordinator accounts):
  their dashboard and delegation, adding a delegate while there is room,
  otherwise editing one, now and then withdrawing one to make room again;
- staff (6 %): the admin's pack page, a briefing pack requested, its progress
  polled until done, the PDF downloaded.

Each user waits 0.5-1.5 s between actions (a person reading, not a flood).
An error is a transport failure or a status other than the one expected
(a 200 after redirects, 404 only where asked for). Reports p50/p95/p99 per
endpoint and the RSS of gunicorn's and Celery's processes at the start and
at the end; with $BENCH_JSON (bench/run.py) writes its rows there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import sys
import threading
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.stack import Browser, Stack  # noqa: E402

SEARCHES = ["migration", "миграция", "refugees", "беженцев", "labour", "трудовой",
            "trafficking", "remittances", "Almaty", "декларация", "climate", "xyzzy"]


RAMP_SECONDS = 10
# nginx's log lines (tests/stack.py's log_format) to the client's endpoint names.
SERVER_ENDPOINTS = [
    (r"GET /(ru|en)/ ", "GET /{lang}/"),
    (r"GET /(ru|en)/meetings/ ", "GET /{lang}/meetings/"),
    (r"GET /(ru|en)/meetings/[\w-]+/ ", "GET /{lang}/meetings/<slug>/"),
    (r"GET /(ru|en)/archive/ -", "GET /{lang}/archive/"),
    (r"GET /(ru|en)/archive/ q=", "GET /{lang}/archive/?q="),
    (r"GET /(ru|en)/archive/[\w-]+/ ", "GET /{lang}/archive/<slug>/"),
    (r"GET /(ru|en)/search/ q=", "GET /{lang}/search/?q="),
    (r"GET /en/registration/ ", "GET /en/registration/"),
    (r"GET /en/registration/[\w-]+/ ", "GET /en/registration/<slug>/"),
    (r"POST /en/registration/[\w-]+/delegates/add/ ",
     "POST /en/registration/<slug>/delegates/add/"),
    (r"POST /en/registration/[\w-]+/delegates/\d+/ ",
     "POST /en/registration/<slug>/delegates/<pk>/"),
    (r"POST /en/registration/[\w-]+/delegates/\d+/withdraw/ ",
     "POST /en/registration/<slug>/delegates/<pk>/withdraw/"),
    (r"POST /(ru|en)/accounts/login/ ", "POST /{lang}/accounts/login/ (password step)"),
    (r"POST /(ru|en)/accounts/login/code/ ", "POST /{lang}/accounts/login/code/"),
    (r"POST /en/admin/briefings/briefingpack/meeting/\d+/ ",
     "POST /en/admin/briefings/.../meeting/<id>/ (build)"),
    (r"GET /en/admin/briefings/briefingpack/\d+/progress.json ",
     "GET /en/admin/briefings/<pk>/progress.json"),
    (r"GET /(ru|en)/briefing-packs/\d+/download/ ", "GET /{lang}/briefing-packs/<pk>/download/"),
    (r"GET /en/admin/archive/document/ ", "GET /en/admin/archive/document/"),
]


def _percentiles(values: list[float]) -> dict:
    values = sorted(values)
    def pct(p):
        return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]
    return {"requests": len(values), "p50": round(statistics.median(values), 1),
            "p95": round(pct(95), 1), "p99": round(pct(99), 1), "max": round(values[-1], 1)}


def server_times(lines: list[str], *, since: int) -> list[dict]:
    """Time in gunicorn (upstream) per endpoint, from nginx's log: what the
    stack spent, without the load generator's own queueing on the same cores."""
    times: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, int] = defaultdict(int)
    for line in lines[since:]:
        parts = line.split()
        if len(parts) != 6 or parts[5] == "-":
            continue
        for pattern, name in SERVER_ENDPOINTS:
            if re.match(pattern, line):
                times[name].append(float(parts[5].split(",")[-1]) * 1000)
                statuses[name] += parts[3].startswith("5")
                break
    return [{"endpoint": name, **_percentiles(values), "5xx": statuses[name]}
            for name, values in sorted(times.items())]


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def call(self, name: str, func, *, expect: int = 200):
        started = time.perf_counter()
        try:
            response = func()
        except Exception as exc:  # a transport failure is an error of the run
            with self.lock:
                self.errors[name].append(f"{type(exc).__name__}: {exc}"[:300])
            return None
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.times[name].append(elapsed)
            if response.status_code != expect:
                self.errors[name].append(f"{response.status_code} {response.url}")
        return response

    def rows(self) -> list[dict]:
        rows = []
        for name in sorted(self.times):
            values = sorted(self.times[name])
            def pct(p, values=values):
                return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]
            rows.append({"endpoint": name, "requests": len(values),
                         "errors": len(self.errors.get(name, [])),
                         "p50": round(statistics.median(values), 1), "p95": round(pct(95), 1),
                         "p99": round(pct(99), 1), "max": round(values[-1], 1)})
        return rows


def _think(rng: random.Random) -> None:
    time.sleep(rng.uniform(0.5, 1.5))


def anonymous(stack: Stack, rec: Recorder, stop: float, seed: int) -> None:
    rng = random.Random(seed)
    browser = Browser(stack.url, address=f"198.51.100.{seed % 250 + 1}")
    slug = stack.facts["meeting"]["slug"]
    documents: list[str] = []
    while time.monotonic() < stop:
        action = rng.choice(["home", "meetings", "meeting", "archive", "search", "site_search",
                             "document"])
        language = rng.choice(["ru", "en"])
        term = rng.choice(SEARCHES)
        name, path, params = {
            "home": ("GET /{lang}/", f"/{language}/", None),
            "meetings": ("GET /{lang}/meetings/", f"/{language}/meetings/", None),
            "meeting": ("GET /{lang}/meetings/<slug>/", f"/{language}/meetings/{slug}/", None),
            "archive": ("GET /{lang}/archive/", f"/{language}/archive/", None),
            "search": ("GET /{lang}/archive/?q=", f"/{language}/archive/", {"q": term}),
            "site_search": ("GET /{lang}/search/?q=", f"/{language}/search/", {"q": term}),
            "document": ("GET /{lang}/archive/<slug>/",
                         f"/{language}/archive/{rng.choice(documents or ['-'])}/", None),
        }[action]
        if action == "document" and not documents:
            continue
        response = rec.call(name, partial(browser.get, path, params=params))
        if action == "archive" and response is not None and not documents:
            documents = sorted(set(re.findall(r'href="/\w\w/archive/([\w-]+)/"',
                                              response.text)) - {"feed"})
        _think(rng)


def coordinator(stack: Stack, rec: Recorder, stop: float, seed: int, email: str) -> None:
    rng = random.Random(seed)
    browser = Browser(stack.url, address=f"192.0.2.{seed % 250 + 1}")
    slug = stack.facts["meeting"]["slug"]
    limit = stack.facts["meeting"]["max_delegation_size"]
    rec.call("POST /en/accounts/login/", lambda: browser.login(email) or _Ok())
    counter = 0
    while time.monotonic() < stop:
        rec.call("GET /en/registration/", lambda: browser.get("/en/registration/"))
        _think(rng)
        page = rec.call("GET /en/registration/<slug>/",
                        lambda: browser.get(f"/en/registration/{slug}/"))
        if page is None:
            continue
        delegates = sorted(set(re.findall(rf"/en/registration/{slug}/delegates/(\d+)/\"",
                                          page.text)))
        _think(rng)
        counter += 1
        tag = f"{seed}x{counter}"
        if len(delegates) < limit and rng.random() < 0.6:
            rec.call("POST /en/registration/<slug>/delegates/add/", partial(
                browser.submit, f"/en/registration/{slug}/delegates/add/",
                form_with="surname_latin", data=_delegate(tag, role="delegate")))
        elif delegates and rng.random() < 0.25:
            pk = rng.choice(delegates)
            rec.call("POST /en/registration/<slug>/delegates/<pk>/withdraw/", partial(
                browser.submit, f"/en/registration/{slug}/delegates/{pk}/withdraw/",
                form_with="csrfmiddlewaretoken", action=""))
        elif delegates:
            pk = rng.choice(delegates)
            rec.call("POST /en/registration/<slug>/delegates/<pk>/", partial(
                browser.submit, f"/en/registration/{slug}/delegates/{pk}/",
                form_with="surname_latin", data={"position": f"Adviser {tag}"}))
        _think(rng)


def _delegate(tag: str, *, role: str) -> dict:
    return {"surname_cyrillic": "Нагрузкин", "given_names_cyrillic": "Тест",
            "surname_latin": f"Load{tag}", "given_names_latin": "Test",
            "position": "Director", "agency": "Ministry of Labour",
            "email": f"load{tag}@example.org", "role": role, "preferred_language": "en"}


class _Ok:
    status_code = 200
    url = ""


def staff(stack: Stack, rec: Recorder, stop: float, seed: int, email: str) -> None:
    rng = random.Random(seed)
    browser = Browser(stack.url, address=f"203.0.113.{seed % 250 + 1}")
    # Password, then the authenticator's code (STAFF_REQUIRE_2FA is on).
    rec.call("POST /en/accounts/login/ + code (staff)", lambda: browser.login(email) or _Ok())
    meeting = stack.facts["meeting"]["id"]
    page = f"/en/admin/briefings/briefingpack/meeting/{meeting}/"
    while time.monotonic() < stop:
        language = rng.choice(["ru", "en"])
        response = rec.call("POST /en/admin/briefings/.../meeting/<id>/ (build)",
                            partial(browser.submit, page, form_with="kind",
                                    data={"kind": "briefing", "language": language}))
        if response is None:
            continue
        ids = re.findall(r'data-progress-url="([^"]+)"', response.text)
        deadline = time.monotonic() + 120
        download = ""
        while ids and time.monotonic() < min(deadline, stop + 60):
            time.sleep(1)
            progress = rec.call("GET /en/admin/briefings/<pk>/progress.json",
                                lambda url=ids[0]: browser.get(url))
            if progress is None:
                break
            data = progress.json()
            if data["status"] in ("done", "failed"):
                if data["status"] == "failed":
                    with rec.lock:
                        rec.errors["pack build"].append(data["error"][:300])
                download = data["download"]
                break
        if download:
            rec.call("GET /{lang}/briefing-packs/<pk>/download/",
                     lambda url=download: browser.get(url))
        _think(rng)
        rec.call("GET /en/admin/archive/document/",
                 lambda: browser.get("/en/admin/archive/document/"))
        _think(rng)


def run(*, users: int, seconds: float) -> dict:
    with Stack() as stack:
        started = time.monotonic()
        stack.seed_demo()
        seed_seconds = round(time.monotonic() - started, 1)
        # Warm-up: every page type once, so that start memory is a running server's.
        warm = Browser(stack.url)
        for path in ("/ru/", "/en/", "/en/archive/", "/en/meetings/", "/en/search/?q=migration"):
            warm.get(path)
        memory_start = stack.memory()
        access_lines = len(stack.access_log())
        rec = Recorder()
        accounts = [c["email"] for c in stack.facts["coordinators"]]
        n_staff = max(1, round(users * 0.06))
        # One user per coordinator account: two sessions of one coordinator
        # would withdraw each other's delegates (a 404 that is no fault).
        n_coordinators = min(len(accounts), max(1, round(users * 0.24)))
        n_anonymous = users - n_staff - n_coordinators
        stop = time.monotonic() + seconds
        threads = [threading.Thread(target=anonymous, args=(stack, rec, stop, i))
                   for i in range(n_anonymous)]
        threads += [threading.Thread(target=coordinator,
                                     args=(stack, rec, stop, 1000 + i, accounts[i % len(accounts)]))
                    for i in range(n_coordinators)]
        staff_accounts = stack.facts["staff"][1:]  # one each: a code is accepted once
        threads += [threading.Thread(target=staff, args=(stack, rec, stop, 2000 + i,
                                                         staff_accounts[i % len(staff_accounts)]))
                    for i in range(n_staff)]
        load_started = time.monotonic()
        rng = random.Random(0)
        rng.shuffle(threads)
        for thread in threads:
            thread.start()
            time.sleep(RAMP_SECONDS / len(threads))
        for thread in threads:
            thread.join()
        duration = round(time.monotonic() - load_started, 1)
        memory_end = stack.memory()
        packs = stack.sql("SELECT status, count(*) FROM briefings_briefingpack GROUP BY status")
        delegates = stack.sql("SELECT count(*) FROM meetings_delegate")[0][0]
        server = server_times(stack.access_log(), since=access_lines)
        worker_log = stack.services["worker"].tail(200000)
        web_log = stack.services["web"].tail(400000)
    rows = rec.rows()
    return {
        "users": {"anonymous": n_anonymous, "coordinators": n_coordinators, "staff": n_staff},
        "seconds": duration, "seed_seconds": seed_seconds, "timings": stack.timings,
        "endpoints": rows, "server": server,
        "requests": sum(r["requests"] for r in rows),
        "errors": {name: errors[:5] + ([f"... {len(errors)} in all"] if len(errors) > 5 else [])
                   for name, errors in rec.errors.items() if errors},
        "error_count": sum(len(e) for e in rec.errors.values()),
        "memory_start": memory_start, "memory_end": memory_end,
        "packs": dict(packs), "delegates": delegates,
        "server_errors_logged": len(re.findall(r'" 5\d\d ', web_log)),
        "worker_errors_logged": worker_log.count("ERROR/"),
        "load_average": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
    }


def _memory_line(memory: dict) -> str:
    parts = []
    for service, processes in memory.items():
        mib = [round(p["rss_kib"] / 1024) for p in processes]
        parts.append(f"{service}: {' + '.join(map(str, mib))} MiB")
    return "; ".join(parts)


def markdown(result: dict) -> str:
    lines = [
        (f"{sum(result['users'].values())} users ({result['users']['anonymous']} anonymous, "
        f"{result['users']['coordinators']} coordinators, {result['users']['staff']} staff) "
        f"for {result['seconds']} s: {result['requests']} requests, "
        f"{result['error_count']} errors."), "",
        "| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [f"| `{r['endpoint']}` | {r['requests']} | {r['errors']} | {r['p50']} | "
              f"{r['p95']} | {r['p99']} | {r['max']} |" for r in result["endpoints"]]
    lines += ["", "Time in gunicorn (nginx's $upstream_response_time), same requests:", "",
              "| endpoint | requests | 5xx | p50 ms | p95 ms | p99 ms | max ms |",
              "|---|---|---|---|---|---|---|"]
    lines += [f"| `{r['endpoint']}` | {r['requests']} | {r['5xx']} | {r['p50']} | "
              f"{r['p95']} | {r['p99']} | {r['max']} |" for r in result["server"]]
    lines += ["", f"RSS at start: {_memory_line(result['memory_start'])}",
              f"RSS at end: {_memory_line(result['memory_end'])}"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=int(os.environ.get("BENCH_LOAD_USERS", 50)))
    parser.add_argument("--seconds", type=float,
                        default=float(os.environ.get("BENCH_LOAD_SECONDS", 120)))
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    # A TERM (make, a CI timeout) stops the stack through its finally blocks.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    result = run(users=args.users, seconds=args.seconds)
    text = markdown(result)
    print(text)
    print(json.dumps({k: result[k] for k in ("errors", "packs", "delegates", "timings",
                                             "server_errors_logged", "worker_errors_logged",
                                             "load_average")}, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    if os.environ.get("BENCH_JSON"):
        rows = [{"metric": f"load: {r['endpoint']} p50/p95/p99",
                 "value": f"{r['p50']} / {r['p95']} / {r['p99']} ms",
                 "detail": f"{r['requests']} requests, {r['errors']} errors", "target": ""}
                for r in result["endpoints"]]
        rows.append({"metric": "load: errors", "value": result["error_count"], "target": "0",
                     "detail": f"{result['requests']} requests in {result['seconds']} s"})
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(
            {"rows": rows, "results": result, "markdown": text}, ensure_ascii=False))
    return 1 if result["error_count"] else 0


if __name__ == "__main__":
    sys.exit(main())
