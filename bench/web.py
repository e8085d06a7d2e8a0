"""Web benchmark of issue 11: the portal under gunicorn with production
settings, on the large generated dataset, measured with wrk (closed loop) and
bench/openloop.py (open loop at a fixed rate).

    python -m bench.web [--documents 100000] [--growth 1000,10000] [--duration 10]

Steps: start PostgreSQL and Redis in var/bench/ (bench/servers.py; the
cluster persists, so the dataset is generated once), migrate, generate the
dataset up to --documents (bench/generate.py; nothing to do when it is
there), collectstatic into a temporary STATIC_ROOT, start gunicorn
(bench.settings = almaty_portal.settings.prod plus /bench/bare/), then
measure side by side:

- pages: the bare view, home /ru/ and /en/, about, states, chairmanship, the
  archive list, document pages, meeting pages, the meetings list, feeds and
  the sitemap, as a visitor sends them (repeated URLs: with a page cache
  these are hits), and home and document pages with unique URLs (misses);
- archive search: rare terms, common terms, with filters (each with unique
  URLs, so the search itself is measured) and the mix as visitors send it
  (40+ URLs repeating: cache hits once a page cache exists);
- a coordinator's dashboard, signed in (a session created in the database),
  at 16 and 50 connections;
- open loop at fixed rates for the main pages and the searches;
- search while documents are being added (a second generator process
  inserting and indexing chunks of 500) against the same search just before;
- archive search at smaller sizes (--growth) in databases of their own.

Closed loop: ``wrk -t2 -c16 -d<duration>s`` (percentiles from wrk's own
histogram; p95 from the Lua ``done()`` of bench/wrk/paths.lua).
Results: printed as Markdown tables and written to var/bench/results-*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import datetime
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import openloop
from bench.servers import Servers

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "wrk" / "paths.lua"
PYTHON = sys.executable
# 3 sync workers on 2 cores: the views are CPU-bound Python and PostgreSQL
# (on the same 2 cores) needs CPU too; a third worker keeps the cores busy
# while one waits on the database, more only add context switches and memory.
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))

COMMON_TERMS = [
    # Russian, in forms other than the lemma (stemming matters), and English.
    "беженцы", "беженцев", "трудовых мигрантов", "миграция", "миграционной политики",
    "защита прав беженцев", "денежные переводы", "торговли людьми", "изменение климата",
    "сотрудничества государств", "migrants", "refugee protection", "labour migration",
    "remittances", "human trafficking", "climate change", "border management",
    "cooperation", "development", "workers",
]
FILTERS = ["type=report", "year=2020", "sort=newest", "state=kaz", "type=study&year=2018"]


def log(message: str) -> None:
    print(f"[web {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- processes ----------------------------------------------------------------

class Portal:
    """The environment of every Django process of the run, and gunicorn."""

    def __init__(self, servers: Servers, database: str = "almaty"):
        self.servers = servers
        self.static = Path(tempfile.mkdtemp(prefix="almaty-bench-static-"))
        url = servers.database_url.rsplit("/", 1)[0] + "/" + database
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": "bench-only-not-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "DATABASE_URL": url,
            "REDIS_URL": servers.redis_url,
            "STATIC_ROOT": str(self.static),
            "MEDIA_ROOT": str(servers.var / "media"),
            "ARCHIVE_ROOT": str(servers.var / "archive"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        self.gunicorn: subprocess.Popen | None = None
        self.port = 0

    def run(self, *args: str, capture: bool = False) -> str:
        proc = subprocess.run([PYTHON, *args], cwd=ROOT, env=self.env, check=True,
                              text=True, stdout=subprocess.PIPE if capture else None)
        return proc.stdout if capture else ""

    def manage(self, *args: str) -> None:
        self.run("manage.py", *args)

    def django(self, code: str) -> dict:
        out = self.run("-c", "import django; django.setup()\n" + code, capture=True)
        return json.loads(out.strip().splitlines()[-1])

    def start(self) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "almaty_portal.wsgi:application",
             "--workers", str(WORKERS), "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--backlog", "2048",
             "--timeout", "120", "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/healthz", timeout=5):
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not answer /healthz within 120 s")
        # Warm every worker (imports, URL resolver, template loaders).
        for path in ("/ru/", "/en/", "/ru/archive/", "/bench/bare/") * WORKERS:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=60).read()

    def stop(self) -> None:
        if self.gunicorn is not None:
            self.gunicorn.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.gunicorn.wait(timeout=30)
            if self.gunicorn.poll() is None:
                self.gunicorn.kill()
            self.gunicorn = None
        shutil.rmtree(self.static, ignore_errors=True)


# --- measurements -------------------------------------------------------------

def wrk(portal: Portal, target: str, *, connections: int = 16, duration: int = 10,
        unique: bool = False, headers: dict[str, str] | None = None) -> dict:
    """One closed-loop run of one URL path, or of the paths listed in a file
    (``@<file>``); latencies in ms."""
    base = f"http://127.0.0.1:{portal.port}"
    threads = 2 if connections > 1 else 1
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "20s",
           "-s", str(LUA)]
    for key, value in (headers or {}).items():
        cmd += ["-H", f"{key}: {value}"]
    if target.startswith("@"):
        cmd += [base + "/", "--", target[1:], "unique" if unique else ""]
    else:
        cmd += [base + target]
    load = loadavg()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCHJSON "))
    raw = json.loads(line.removeprefix("BENCHJSON "))
    errors = sum(v for k, v in raw.items() if k.startswith("errors_"))
    return {
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        **{p: round(raw[p] / 1000, 1) for p in ("p50", "p90", "p95", "p99", "max")},
        "requests": raw["requests"], "errors": errors, "connections": connections,
        "load": load,
    }


def _get(portal: Portal, path: str) -> None:
    with contextlib.suppress(OSError), urllib.request.urlopen(
            f"http://127.0.0.1:{portal.port}{path}", timeout=120) as response:
        response.read()


def single(portal: Portal, path: str, count: int) -> dict:
    """``count`` requests one after the other (a page too slow for wrk)."""
    load = loadavg()
    timings, size = [], 0
    for _ in range(count):
        started = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{portal.port}{path}",
                                    timeout=600) as response:
            size = len(response.read())
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    median = round(timings[len(timings) // 2], 1)
    return {"rps": round(1000 / median, 2), "p50": median, "p90": round(timings[-1], 1),
            "p95": round(timings[-1], 1), "p99": round(timings[-1], 1),
            "max": round(timings[-1], 1), "requests": count, "errors": 0, "connections": 1,
            "bytes": size, "load": load}


def best_of(runs: list[dict]) -> dict:
    """The run with the median throughput of several (short runs on a shared
    machine: the median is steadier than one long run)."""
    ordered = sorted(runs, key=lambda r: r["rps"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["rps_all"] = [r["rps"] for r in runs]
    return chosen


def write_paths(directory: Path, name: str, paths: list[str]) -> str:
    path = directory / f"{name}.txt"
    path.write_text("\n".join(paths) + "\n")
    return f"@{path}"


TARGETS_CODE = r"""
import json, collections, re
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from archive.models import Document, Theme
from meetings.models import Meeting
from membership.models import User

user = User.objects.get(email="coordinator.kaz@example.org")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
documents = list(Document.objects.filter(status="published", access="public")
                 .exclude(title_ru="").exclude(title_en="")
                 .order_by("pk").values_list("slug", flat=True)[::97][:50])
meetings = list(Meeting.objects.filter(slug__startswith="bench-", status="held",
                                       document_links__isnull=False)
                .order_by("pk").values_list("slug", flat=True).distinct()[::37][:20])
themes = list(Theme.objects.order_by("pk").values_list("slug", flat=True)[:3])

# Rare terms: words of the generator's vocabulary that occur in exactly one
# sentence of its pools (so in about 1% of the documents' texts).
from bench.archive_search import TextMaker
maker = TextMaker()
rare = {}
for lang, pool in (("ru", maker.ru_pool), ("en", maker.en_pool)):
    counts = collections.Counter()
    for sentence, _ in pool:
        counts.update(set(w.lower() for w in re.findall(r"\w+", sentence)))
    words = sorted(w for w, c in counts.items() if c == 1 and len(w) >= 7 and not w.isdigit())
    rare[lang] = words[:: max(1, len(words) // 10)][:10]
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
    "documents": documents, "meetings": meetings, "themes": themes, "rare": rare,
    "counts": {"documents": Document.objects.count(), "meetings": Meeting.objects.count()},
}))
"""

SQL_CODE = r"""
import json, time
from django.db import connection
from archive.models import Document
from archive.search import documents_search
out = {}
for query in %r:
    best = None
    for _ in range(3):
        started = time.perf_counter()
        results = documents_search(Document.objects.filter(status="published", access="public"),
                                   query)
        total = results.count()
        list(results.order_by("-rank", "-date")[:20])
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    out[query] = {"hits": total, "ms": round(best, 1)}
print(json.dumps(out, ensure_ascii=False))
"""


def fixed_terms(servers: Servers, database: str, targets: dict) -> dict:
    """The rare terms of the first run on this database, kept in var/bench:
    a later run (after bench/archive_search.py's vocabulary changed) must
    search the words the dataset was generated with."""
    path = servers.var / f"rare-terms-{database}.json"
    if path.exists():
        targets["rare"] = json.loads(path.read_text())
    else:
        path.write_text(json.dumps(targets["rare"], ensure_ascii=False))
    return targets


def search_paths(targets: dict) -> dict[str, list[str]]:
    from urllib.parse import quote

    def url(lang: str, query: str, extra: str = "") -> str:
        return f"/{lang}/archive/?q={quote(query)}" + (f"&{extra}" if extra else "")

    rare = [url("ru", w) for w in targets["rare"]["ru"]] + \
           [url("en", w) for w in targets["rare"]["en"]]
    common = [url("ru" if i % 2 else "en", term) for i, term in enumerate(COMMON_TERMS)]
    filters = FILTERS + [f"theme={t}" for t in targets["themes"]]
    filtered = [url("ru", term, filters[i % len(filters)])
                for i, term in enumerate(COMMON_TERMS[:10] + targets["rare"]["ru"][:5])]
    filtered += [f"/ru/archive/?{f}" for f in filters]  # filters without a query
    return {"rare": rare, "common": common, "filtered": filtered,
            "mix": rare + common + filtered}


def measure_pages(portal: Portal, targets: dict, tmp: Path, duration: int, rounds: int,
                  results: dict) -> None:
    documents = [f"/{lang}/archive/{slug}/" for slug in targets["documents"]
                 for lang in ("ru", "en")]
    meetings = [f"/ru/meetings/{slug}/" for slug in targets["meetings"]]
    pages = [
        ("bare view (all middleware)", "/bench/bare/", False),
        ("home /ru/", "/ru/", False),
        ("home /en/", "/en/", False),
        ("home /ru/, unique URLs (uncached)", write_paths(tmp, "home", ["/ru/", "/en/"]), True),
        ("about /ru/about/", "/ru/about/", False),
        ("states /ru/states/", "/ru/states/", False),
        ("chairmanship /ru/chairmanship/", "/ru/chairmanship/", False),
        ("archive list /ru/archive/", "/ru/archive/", False),
        (f"document pages ({len(documents)} URLs)", write_paths(tmp, "documents", documents),
         False),
        ("document pages, unique URLs (uncached)", write_paths(tmp, "documents", documents),
         True),
        (f"meeting pages ({len(meetings)} URLs)", write_paths(tmp, "meetings", meetings), False),
        ("meetings list /ru/meetings/", "/ru/meetings/", False),
        ("archive RSS /ru/archive/feed/rss/", "/ru/archive/feed/rss/", False),
        ("meetings RSS /ru/meetings/feed/rss/", "/ru/meetings/feed/rss/", False),
    ]
    for name, target, unique in pages:
        runs = [wrk(portal, target, duration=duration, unique=unique) for _ in range(rounds)]
        results["pages"][name] = best_of(runs)
        log(f"{name}: {results['pages'][name]}")
    # The sitemap lists every public document and meeting in both languages
    # (megabytes at this size): timed one request at a time, not under wrk.
    results["pages"]["sitemap /sitemap.xml, one request at a time"] = single(
        portal, "/sitemap.xml", 3)
    log(f"sitemap: {results['pages']['sitemap /sitemap.xml, one request at a time']}")
    # Where the sitemap is an index, its largest section too: the archive's.
    with urllib.request.urlopen(f"http://127.0.0.1:{portal.port}/sitemap.xml",
                                timeout=600) as response:
        text = response.read().decode()
    if "<sitemapindex" in text:
        import re
        from urllib.parse import urlsplit

        sections = [urlsplit(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", text)]
        archive = next((u for u in sections if "archive" in u.path), None)
        if archive is not None:
            path = archive.path + (f"?{archive.query}" if archive.query else "")
            name = f"sitemap section {path}, one request at a time"
            results["pages"][name] = single(portal, path, 3)
            log(f"{name}: {results['pages'][name]}")
    cookie = {"Cookie": targets["cookie"]}
    for connections in (16, 50):
        name = f"coordinator dashboard /ru/registration/, c{connections}"
        runs = [wrk(portal, "/ru/registration/", connections=connections, duration=duration,
                    headers=cookie) for _ in range(rounds)]
        results["pages"][name] = best_of(runs)
        log(f"{name}: {results['pages'][name]}")


def measure_search(portal: Portal, paths: dict[str, list[str]], tmp: Path, duration: int,
                   rounds: int) -> dict:
    out = {}
    for group in ("rare", "common", "filtered"):
        file = write_paths(tmp, f"search-{group}", paths[group])
        out[f"{group}, unique URLs, c1"] = best_of(
            [wrk(portal, file, connections=1, duration=duration, unique=True)
             for _ in range(rounds)])
        out[f"{group}, unique URLs, c16"] = best_of(
            [wrk(portal, file, duration=duration, unique=True) for _ in range(rounds)])
    file = write_paths(tmp, "search-mix", paths["mix"])
    # Visitors repeat popular searches: each URL of the mix once first (3 at a
    # time), so that with a page cache the measured requests are hits.
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda path: _get(portal, path), paths["mix"]))
    log(f"search mix warmed in {time.perf_counter() - started:.1f} s")
    out[f"visitor mix ({len(paths['mix'])} URLs repeating, warmed), c16"] = best_of(
        [wrk(portal, file, duration=duration) for _ in range(rounds)])
    for name, row in out.items():
        log(f"search {name}: {row}")
    return out


def open_loop(portal: Portal, paths: list[str], rate: float, duration: int, *,
              unique: bool = False, headers: dict | None = None) -> dict:
    # At a low rate, run longer (up to 30 s) for at least 50 requests.
    duration = min(30, max(duration, 50 / rate))
    load = loadavg()
    result = asyncio.run(openloop.run(host="127.0.0.1", port=portal.port, paths=paths,
                                      rate=rate, duration=duration, unique=unique,
                                      headers=headers))
    return {**result, "load": load}


def drain(portal: Portal) -> None:
    """Wait until gunicorn has worked off requests that an overloaded run
    left in its backlog (their clients gave up; sync workers still serve
    them), so that they do not weigh on the next case."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{portal.port}/bench/bare/",
                                   timeout=60).read()
        if time.perf_counter() - started < 0.1:
            return
        time.sleep(1)


def measure_open_loop(portal: Portal, targets: dict, paths: dict, duration: int,
                      capacity: dict) -> dict:
    """Each case at its nominal rate, or at half the throughput the closed
    loop measured for it in this run when that is lower (a rate above
    capacity only measures an ever-growing queue)."""
    documents = [f"/ru/archive/{slug}/" for slug in targets["documents"]]
    meetings = [f"/ru/meetings/{slug}/" for slug in targets["meetings"]]
    cases = [
        ("home /ru/ /en/", ["/ru/", "/en/"], 50, False, None, "home /ru/"),
        ("document pages", documents, 50, False, None, "document pages"),
        ("meeting pages", meetings, 50, False, None, "meeting pages"),
        ("search, rare terms, unique URLs", paths["rare"], 20, True, None,
         "rare, unique URLs, c16"),
        ("search, common terms, unique URLs", paths["common"], 20, True, None,
         "common, unique URLs, c16"),
        ("search, visitor mix", paths["mix"], 50, False, None, "visitor mix"),
        ("coordinator dashboard", ["/ru/registration/"], 50, False,
         {"Cookie": targets["cookie"]}, "coordinator dashboard /ru/registration/, c16"),
    ]
    out = {}
    for name, case_paths, nominal, unique, headers, closed in cases:
        measured = next((row["rps"] for key, row in capacity.items()
                         if key.startswith(closed)), None)
        rate = nominal if not measured else max(1.0, min(nominal, round(measured / 2, 1)))
        key = f"{name} @ {rate:g}/s"
        drain(portal)
        out[key] = open_loop(portal, case_paths, rate, duration, unique=unique,
                             headers=headers)
        out[key]["nominal_rate"] = nominal
        log(f"open loop {key}: {out[key]}")
    drain(portal)
    return out


def measure_during_inserts(portal: Portal, paths: dict, tmp: Path, duration: int,
                           documents: int) -> dict:
    """Search (unique URLs, open loop at 20/s and closed loop c16) before and
    while a generator process adds documents (chunks of 500, each inserted and
    indexed in one transaction)."""
    mixed = paths["rare"] + paths["common"]
    file = write_paths(tmp, "search-inserts", mixed)
    drain(portal)
    before = wrk(portal, file, duration=duration, unique=True)
    rate = max(1.0, min(20, round(before["rps"] / 2, 1)))
    drain(portal)
    out = {"before, c16": before,
           f"before, open loop {rate:g}/s": open_loop(portal, mixed, rate, duration,
                                                       unique=True)}
    count_before = portal.django(
        "import json; from archive.models import Document; "
        "print(json.dumps(Document.objects.count()))")
    adder = subprocess.Popen(
        [PYTHON, "-m", "bench.generate", "--documents", str(documents + 20_000),
         "--workers", "1", "--chunk", "20"], cwd=ROOT, env=portal.env,
        stderr=subprocess.DEVNULL)
    try:
        count_code = ("import json; from archive.models import Document; "
                      "print(json.dumps(Document.objects.count()))")
        deadline = time.monotonic() + 120
        while portal.django(count_code) == count_before and time.monotonic() < deadline:
            time.sleep(1)  # until the adder commits its first documents
        drain(portal)
        out["during inserts, c16"] = wrk(portal, file, duration=duration, unique=True)
        drain(portal)
        out[f"during inserts, open loop {rate:g}/s"] = open_loop(portal, mixed, rate, duration,
                                                                 unique=True)
    finally:
        adder.terminate()
        adder.wait(timeout=60)
    count_after = portal.django(
        "import json; from archive.models import Document; "
        "print(json.dumps(Document.objects.count()))")
    out["documents added during the runs"] = count_after - count_before
    # Leave the dataset at its size: remove what the adder committed.
    portal.django(
        "import json; from archive.models import Document; "
        f"n = Document.objects.filter(slug__startswith='bench-').order_by('pk')[{documents}:]"
        ".values_list('pk', flat=True); "
        "print(json.dumps(Document.objects.filter(pk__in=list(n)).delete()[0]))")
    for name, row in out.items():
        log(f"inserts {name}: {row}")
    return out


def generate(portal: Portal, documents: int, workers: int) -> dict:
    started = time.perf_counter()
    portal.run("-m", "bench.generate", "--documents", str(documents), "--workers", str(workers))
    return {"documents": documents, "seconds": round(time.perf_counter() - started, 1)}


def create_database(servers: Servers, name: str) -> None:
    subprocess.run(
        ["psql", servers.database_url.rsplit("/", 1)[0] + "/postgres", "-qc",
         f"CREATE DATABASE {name}"], check=False, capture_output=True)


def machine() -> dict:
    meminfo = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "ram_gb": round(int(meminfo) / 1024 / 1024, 1),
            "python": platform.python_version(), "commit": commit,
            "uncommitted_changes": bool(dirty), "code": str(ROOT),
            "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
            .split("\n")[0], "workers": WORKERS,
            "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}


def markdown(results: dict) -> str:
    lines = [(f"Run {results['label']}: commit {results['machine']['commit'][:10]}, "
             f"{results['machine']['cores']} cores, {results['machine']['ram_gb']} GB, "
             f"load before {results['load_before']}, after {results.get('load_after')}"),
             "", "| page | req/s | p50 | p95 | p99 | share of bare | errors | load |",
             "|---|---|---|---|---|---|---|---|"]
    bare = results["pages"].get("bare view (all middleware)", {}).get("rps") or 1
    for name, row in results["pages"].items():
        lines.append(f"| {name} | {row['rps']:,.0f} | {row['p50']} ms | {row['p95']} ms | "
                     f"{row['p99']} ms | {row['rps'] / bare:.0%} | {row['errors']} | "
                     f"{row['load']} |")
    for size, search in results["search"].items():
        lines += ["", f"Archive search, {size} documents:", "",
                  "| search | req/s | p50 | p95 | p99 | errors | load |",
                  "|---|---|---|---|---|---|---|"]
        for name, row in search.items():
            lines.append(f"| {name} | {row['rps']:,.0f} | {row['p50']} ms | {row['p95']} ms | "
                         f"{row['p99']} ms | {row['errors']} | {row['load']} |")
    if results.get("open_loop"):
        lines += ["", "Open loop:", "", "| case | achieved req/s | p50 | p95 | p99 | errors |",
                  "|---|---|---|---|---|---|"]
        for name, row in results["open_loop"].items():
            lines.append(f"| {name} | {row['achieved_rps']} | {row['p50']} ms | {row['p95']} ms"
                         f" | {row['p99']} ms | {row['status'] + row['failed']} |")
    if results.get("inserts"):
        lines += ["", "Search while documents are added:", "", "```",
                  json.dumps(results["inserts"], indent=1, ensure_ascii=False), "```"]
    return "\n".join(lines)


PAGE_TARGET = "≥ 50% of bare, p95 ≤ 50 ms, p99 ≤ 100 ms"


def summary_rows(results: dict) -> list[dict]:
    """The figures for bench/run.py's table (metric, value, detail, target)."""
    rows = []
    bare = results["pages"].get("bare view (all middleware)", {}).get("rps") or 1
    for name, row in results["pages"].items():
        target = ""
        if "dashboard" in name:
            target = "≥ 300 req/s, p95 ≤ 150 ms at c50" if name.endswith("c50") else ""
        elif "bare" not in name and "unique" not in name:
            target = PAGE_TARGET
        rows.append({"metric": f"web: {name}", "value": f"{row['rps']:,.0f} req/s",
                     "detail": f"p50 {row['p50']} / p95 {row['p95']} / p99 {row['p99']} ms, "
                               f"{row['rps'] / bare:.0%} of bare, c{row['connections']}, "
                               f"errors {row['errors']}, load {row['load']}",
                     "target": target})
    for size, search in results["search"].items():
        for name, row in search.items():
            target = ""
            if size >= 100_000 and "unique" in name:
                target = ("p95 ≤ 30 ms" if name.startswith("rare") else
                          "p95 ≤ 150 ms" if name.startswith("common") else "")
            rows.append({"metric": f"web: search at {size:,} documents, {name}",
                         "value": f"{row['rps']:,.0f} req/s",
                         "detail": f"p50 {row['p50']} / p95 {row['p95']} / p99 {row['p99']} ms,"
                                   f" errors {row['errors']}, load {row['load']}",
                         "target": target})
    for name, row in results.get("open_loop", {}).items():
        rows.append({"metric": f"web: open loop, {name}",
                     "value": f"p95 {row['p95']} ms",
                     "detail": f"p50 {row['p50']} / p99 {row['p99']} ms, achieved "
                               f"{row['achieved_rps']} req/s, errors "
                               f"{row['status'] + row['failed']}, load {row['load']}",
                     "target": ""})
    for name, row in results.get("inserts", {}).items():
        if isinstance(row, dict):
            rows.append({"metric": f"web: search {name}", "value": f"p95 {row['p95']} ms",
                         "detail": f"p50 {row['p50']} ms, load {row['load']}",
                         "target": "p95 not doubling while inserts run"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Web benchmark (issue 11).")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--growth", default="1000,10000",
                        help="smaller sizes for the search growth, comma-separated ('' for none)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="wrk runs per case (median kept)")
    parser.add_argument("--workers", type=int, default=2, help="generator processes")
    parser.add_argument("--label", default="run")
    parser.add_argument("--only", default="", help="comma-separated: pages,search,open,inserts,"
                        "growth (default all)")
    parser.add_argument("--reindex", action="store_true",
                        help="reindex every document first (after a change of the index)")
    parser.add_argument("--resume", default="",
                        help="a results JSON whose pages and search figures this run keeps")
    parser.add_argument("--prepare", action="store_true",
                        help="only migrate, generate (and reindex) every database, measure nothing")
    args = parser.parse_args()
    # A SIGTERM (timeout, kill) stops gunicorn and the servers too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    only = set(filter(None, args.only.split(","))) or {
        "pages", "search", "open", "inserts", "growth"}

    servers = Servers()
    servers.start()
    portal = Portal(servers)
    results = {"label": args.label, "machine": machine(), "load_before": loadavg(),
               "pages": {}, "search": {}, "open_loop": {}, "inserts": {}, "generate": {},
               "command": " ".join(sys.argv)}
    if args.resume:
        earlier = json.loads(Path(args.resume).read_text())
        results["pages"] = earlier.get("pages", {})
        results["search"] = {int(k): v for k, v in earlier.get("search", {}).items()}
        results["resumed_from"] = args.resume
    tmp = Path(tempfile.mkdtemp(prefix="almaty-bench-"))
    out_file = servers.var / f"results-{args.label}-{int(time.time())}.json"
    try:
        portal.manage("migrate", "--no-input", "-v0")
        results["generate"][args.documents] = generate(portal, args.documents, args.workers)
        if args.reindex:
            started = time.perf_counter()
            portal.run("-m", "bench.generate", "--reindex", "--workers", str(args.workers))
            results["reindex_seconds"] = round(time.perf_counter() - started, 1)
        if args.prepare:
            for size in [int(s) for s in args.growth.split(",") if s]:
                create_database(servers, f"almaty_{size}")
                small = Portal(servers, f"almaty_{size}")
                small.manage("migrate", "--no-input", "-v0")
                generate(small, size, args.workers)
                if args.reindex:
                    small.run("-m", "bench.generate", "--reindex", "--workers", str(args.workers))
            log(f"prepared: {results}")
            return
        portal.manage("collectstatic", "--no-input", "-v0")
        servers.flush_redis()
        targets = fixed_terms(servers, "almaty", portal.django(TARGETS_CODE))
        results["targets"] = targets
        paths = search_paths(targets)
        results["search_paths"] = paths
        portal.start()
        try:
            if "pages" in only:
                measure_pages(portal, targets, tmp, args.duration, args.rounds, results)
            if "search" in only:
                results["search"][args.documents] = measure_search(
                    portal, paths, tmp, args.duration, args.rounds)
                results["search_sql"] = portal.django(
                    SQL_CODE % (COMMON_TERMS[:4] + targets["rare"]["ru"][:2]
                                + targets["rare"]["en"][:2],))
            if "open" in only:
                capacity = {**results["pages"],
                            **results["search"].get(args.documents, {})}
                results["open_loop"] = measure_open_loop(portal, targets, paths, args.duration,
                                                         capacity)
            if "inserts" in only:
                results["inserts"] = measure_during_inserts(portal, paths, tmp, args.duration,
                                                            args.documents)
        finally:
            portal.stop()
        out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        if "growth" in only:
            for size in [int(s) for s in args.growth.split(",") if s]:
                name = f"almaty_{size}"
                create_database(servers, name)
                small = Portal(servers, name)
                small.manage("migrate", "--no-input", "-v0")
                results["generate"][size] = generate(small, size, args.workers)
                if args.reindex:
                    small.run("-m", "bench.generate", "--reindex", "--workers", str(args.workers))
                small.manage("collectstatic", "--no-input", "-v0")
                servers.flush_redis()
                small_targets = fixed_terms(servers, name, small.django(TARGETS_CODE))
                small.start()
                try:
                    results["search"][size] = measure_search(
                        small, search_paths(small_targets), tmp, args.duration, args.rounds)
                finally:
                    small.stop()
                out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        results["load_after"] = loadavg()
        out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        print(markdown(results), file=sys.stderr if os.environ.get("BENCH_JSON") else sys.stdout)
        log(f"results in {out_file}")
        if os.environ.get("BENCH_JSON"):
            Path(os.environ["BENCH_JSON"]).write_text(
                json.dumps(summary_rows(results), ensure_ascii=False))
    finally:
        portal.stop()
        servers.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
