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
- archive search: rare terms (each in ~0.5% of the documents), mid ones
  (1-9%), common ones (10% or more), with filters (each with unique URLs,
  so the search itself is measured) and the mix as visitors send it (40+
  URLs repeating: cache hits once a page cache exists);
- a coordinator's dashboard, signed in (a session created in the database),
  at 16 and 50 connections;
- open loop at fixed rates for the main pages and the searches;
- the same searches issued directly in SQL (bench/sql_search.py: the
  statements the archive list view sends for each URL, recorded from the
  view itself, then timed on the raw psycopg2 connection), beside the web
  figures one request at a time;
- pages and searches while a 30-document briefing pack is building (a real
  Celery worker building it again and again through the production task;
  bench/pack_load.py), against the same mix just before and after;
- search and uncached pages while documents are being added (a second
  generator process inserting and indexing chunks of 20) against the same
  just before;
- archive search at smaller sizes (--growth) in databases of their own, where
  they exist (``--prepare`` creates them).

``--quick`` (or BENCH_QUICK=1) runs every case with short durations (2 s wrk
runs, one round, 5 s open-loop and pack phases): a check of the whole
pipeline in a few minutes, not figures to quote.

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
import traceback
import urllib.error
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
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
# The pack measured while pages are served: the reference pack
# (30 documents of 10 pages), and the fixed, moderate rate of the page mix.
PACK_DOCUMENTS = int(os.environ.get("BENCH_PACK_DOCUMENTS", "30"))
PACK_RATE = float(os.environ.get("BENCH_PACK_RATE", "10"))

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
        # Production settings create no storage directory (manage.py check
        # reports a missing one): the bench's deployment makes its own.
        for directory in ("media", "archive"):
            (servers.var / directory).mkdir(parents=True, exist_ok=True)
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
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5):
                    break
            except urllib.error.HTTPError as answer:
                # Up, though unhealthy: the generated documents' file rows
                # have no bytes on disk (bench/generate.py), which /healthz's
                # storage check reports (503); the database must be fine.
                report = json.loads(answer.read() or b"{}")
                if report.get("database") == "ok":
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not answer /healthz within 120 s")
        # Warm every worker (imports, URL resolver, template loaders, and the
        # lemmatiser's dictionaries that a first search loads: ~0.5 s once
        # per worker, which would otherwise land in the first search case):
        # WORKERS requests at a time, so that each worker gets some.
        from urllib.parse import quote

        paths = [path for n in range(2 * WORKERS) for path in (
            "/ru/", "/en/", "/ru/archive/", "/bench/bare/",
            f"/ru/archive/?q={quote('миграции')}&_warm={n}",
            f"/en/archive/?q=migrants&_warm={n}")]

        def get(path: str) -> None:
            with contextlib.suppress(OSError), urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}{path}", timeout=120) as response:
                response.read()

        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(get, paths))

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

# Rare terms: words of the generator's vocabulary in exactly one sentence of
# its pools, so in about 0.5% of the documents' texts (each sentence is in
# that many), and whose lemma (or English stem: what the search matches) is
# in no other sentence either. "mid": the first runs' rare terms, unique as
# written only; a Russian one's lemma is often shared by other forms of the
# word in other sentences, and it matches 1-9% of the documents.
from archive.search.words import fold, lemma_of, plain_text
from bench.archive_search import TextMaker
maker = TextMaker()
rare, mid = {}, {}
for lang, pool in (("ru", maker.ru_pool), ("en", maker.en_pool)):
    counts, matched = collections.Counter(), collections.Counter()
    for sentence, _ in pool:
        words = set(w.lower() for w in re.findall(r"\w+", sentence))
        counts.update(words)
        matched.update(set(plain_text((lemma_of(fold(w)),)) for w in words))
    words = sorted(w for w, c in counts.items() if c == 1 and len(w) >= 7 and not w.isdigit())
    mid[lang] = words[:: max(1, len(words) // 10)][:10]
    words = [w for w in words if matched[plain_text((lemma_of(fold(w)),))] == 1]
    rare[lang] = words[:: max(1, len(words) // 10)][:10]
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
    "documents": documents, "meetings": meetings, "themes": themes, "rare": rare, "mid": mid,
    "counts": {"documents": Document.objects.count(), "meetings": Meeting.objects.count()},
}))
"""

def fixed_terms(servers: Servers, database: str, targets: dict) -> dict:
    """The rare and mid terms of the first run on this database, kept in
    var/bench: a later run (after bench/archive_search.py's vocabulary
    changed) must search the words the dataset was generated with. The mid
    terms keep the file name the rare ones had before they were told apart."""
    for key, name in (("rare", "rare-lemma-terms"), ("mid", "rare-terms")):
        path = servers.var / f"{name}-{database}.json"
        if path.exists():
            targets[key] = json.loads(path.read_text())
        else:
            path.write_text(json.dumps(targets[key], ensure_ascii=False))
    return targets


def search_paths(targets: dict) -> dict[str, list[str]]:
    from urllib.parse import quote

    def url(lang: str, query: str, extra: str = "") -> str:
        return f"/{lang}/archive/?q={quote(query)}" + (f"&{extra}" if extra else "")

    rare, mid = ([url("ru", w) for w in targets[key]["ru"]] +
                 [url("en", w) for w in targets[key]["en"]] for key in ("rare", "mid"))
    common = [url("ru" if i % 2 else "en", term) for i, term in enumerate(COMMON_TERMS)]
    filters = FILTERS + [f"theme={t}" for t in targets["themes"]]
    filtered = [url("ru", term, filters[i % len(filters)])
                for i, term in enumerate(COMMON_TERMS[:10] + targets["mid"]["ru"][:5])]
    filtered += [f"/ru/archive/?{f}" for f in filters]  # filters without a query
    return {"rare": rare, "mid": mid, "common": common, "filtered": filtered,
            "mix": rare + mid + common + filtered}


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
    def run(target: str, unique: bool) -> dict:
        drain(portal)  # what the previous run left queued is not this case's
        return wrk(portal, target, duration=duration, unique=unique)

    for name, target, unique in pages:
        runs = [run(target, unique) for _ in range(rounds)]
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
        runs = []
        for _ in range(rounds):
            drain(portal)
            runs.append(wrk(portal, "/ru/registration/", connections=connections,
                            duration=duration, headers=cookie))
        results["pages"][name] = best_of(runs)
        log(f"{name}: {results['pages'][name]}")


SEARCH_GROUPS = ("rare", "mid", "common", "filtered")


def measure_search_sql(portal: Portal, paths: dict[str, list[str]], tmp: Path,
                       web: dict, rounds: int) -> dict:
    """The searches of the c1 web cases issued directly in SQL
    (bench/sql_search.py: the statements the archive list view sends for
    each URL, timed on the raw driver connection, one at a time, warm),
    with the web p50/p95 of the same URLs and the ratios."""
    file = tmp / "sql-paths.json"
    file.write_text(json.dumps({g: paths[g] for g in SEARCH_GROUPS}, ensure_ascii=False))
    load = loadavg()
    sql = json.loads(portal.run("-m", "bench.sql_search", str(file), "--rounds", str(rounds),
                                capture=True).strip().splitlines()[-1])
    out = {}
    for group in SEARCH_GROUPS:
        row, direct = web.get(f"{group}, unique URLs, c1"), sql[group]
        out[group] = {
            "web_p50": row["p50"] if row else None, "web_p95": row["p95"] if row else None,
            "sql_p50": direct["p50"], "sql_p95": direct["p95"],
            "ratio_p50": _ratio(row and row["p50"], direct["p50"]),
            "ratio_p95": _ratio(row and row["p95"], direct["p95"]),
            "django_ratio_p50": _ratio(direct.get("django_p50"), direct["p50"]),
            "django_ratio_p95": _ratio(direct.get("django_p95"), direct["p95"]),
            **{f"sql_{k}": v for k, v in direct.items() if k not in ("p50", "p95")},
            "load": load,
        }
        log(f"search {group}, direct SQL: {out[group]}")
    return out


def _ratio(web: float | None, sql: float) -> float | None:
    return round(web / sql, 2) if web and sql else None


def measure_search(portal: Portal, paths: dict[str, list[str]], tmp: Path, duration: int,
                   rounds: int) -> dict:
    out = {}
    def run(file: str, connections: int) -> dict:
        # A c16 run ends with up to 13 searches queued in gunicorn: served
        # before the next run starts, not during its first requests.
        drain(portal)
        return wrk(portal, file, connections=connections, duration=duration, unique=True)

    for group in SEARCH_GROUPS:
        file = write_paths(tmp, f"search-{group}", paths[group])
        out[f"{group}, unique URLs, c1"] = best_of([run(file, 1) for _ in range(rounds)])
        out[f"{group}, unique URLs, c16"] = best_of([run(file, 16) for _ in range(rounds)])
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


def open_loop(portal: Portal, paths: list[str], rate: float, duration: float, *,
              unique: bool = False, headers: dict | None = None, group_of=None) -> dict:
    # At a low rate, run longer (up to 30 s) for at least 50 requests.
    if not QUICK:
        duration = min(30, max(duration, 50 / rate))
    load = loadavg()
    result = asyncio.run(openloop.run(host="127.0.0.1", port=portal.port, paths=paths,
                                      rate=rate, duration=duration, unique=unique,
                                      headers=headers, group_of=group_of))
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


def uncached_pages(targets: dict) -> list[str]:
    """Home pages and document pages, one after the other (with unique
    query strings from the client: what an editor sees after a change)."""
    documents = [f"/{lang}/archive/{slug}/" for slug in targets["documents"]
                 for lang in ("ru", "en")]
    return [path for n, document in enumerate(documents)
            for path in (("/ru/", "/en/")[n % 2], document)]


def _count(portal: Portal) -> int:
    return portal.django("import json; from archive.models import Document; "
                         "print(json.dumps(Document.objects.count()))")


def measure_during_inserts(portal: Portal, targets: dict, paths: dict, tmp: Path,
                           duration: int, documents: int) -> dict:
    """Search (rare and common terms) and uncached pages (home and document
    pages), all with unique URLs, in closed loop (c16) and open loop,
    before and while a generator process adds documents (chunks of 20, each
    inserted and indexed in one transaction), at the CPU priority production
    gives its Celery workers, which index new documents (--background:
    archive/priority.py). Open-loop rates: 20/s, or
    half the closed loop's throughput before the inserts when lower."""
    cases = {"search": paths["rare"] + paths["common"], "pages": uncached_pages(targets)}
    files = {name: write_paths(tmp, f"inserts-{name}", urls) for name, urls in cases.items()}
    rates, out = {}, {}

    def measure(phase: str) -> None:
        for name, urls in cases.items():
            prefix = f"{name}, "
            drain(portal)
            closed = out[f"{prefix}{phase}, c16"] = wrk(portal, files[name], duration=duration,
                                                       unique=True)
            rates.setdefault(name, max(1.0, min(20, round(closed["rps"] / 2, 1))))
            drain(portal)
            out[f"{prefix}{phase}, open loop {rates[name]:g}/s"] = open_loop(
                portal, urls, rates[name], duration, unique=True)

    measure("before")
    count_before = _count(portal)
    adder = subprocess.Popen(
        [PYTHON, "-m", "bench.generate", "--documents", str(documents + 20_000),
         "--workers", "1", "--chunk", "20", "--background"], cwd=ROOT, env=portal.env,
        stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _count(portal) == count_before and time.monotonic() < deadline:
            time.sleep(1)  # until the adder commits its first documents
        measure("during inserts")
    finally:
        adder.terminate()
        adder.wait(timeout=60)
    out["documents added during the runs"] = _count(portal) - count_before
    # Leave the dataset at its size: remove what the adder committed.
    portal.django(
        "import json; from archive.models import Document; "
        f"n = Document.objects.filter(slug__startswith='bench-').order_by('pk')[{documents}:]"
        ".values_list('pk', flat=True); "
        "print(json.dumps(Document.objects.filter(pk__in=list(n)).delete()[0]))")
    for name, row in out.items():
        log(f"inserts {name}: {row}")
    return out


def _page_kind(path: str) -> str:
    return "search" if "/archive/?" in path else "pages"


def measure_pack_load(portal: Portal, targets: dict, paths: dict, tmp: Path,
                      duration: float) -> dict:
    """Uncached pages and searches (document pages and rare and common
    searches, 2 : 1, unique URLs) in open loop at PACK_RATE, without, then
    while a briefing pack of PACK_DOCUMENTS documents builds again and
    again, then without again (bench/pack_load.py: a real Celery worker of
    the bench settings builds it through the task briefings.build_pack,
    the production path, WeasyPrint and pypdf; it is requested with
    briefings.services.pack_request as the admin does)."""
    documents = [f"/{lang}/archive/{slug}/" for slug in targets["documents"]
                 for lang in ("ru", "en")]
    searches = paths["rare"] + paths["common"]
    mix = [path for n, search in enumerate(searches)
           for path in (documents[2 * n % len(documents)],
                        documents[(2 * n + 1) % len(documents)], search)]
    setup = json.loads(portal.run("-m", "bench.pack_load", "setup", "--documents",
                                  str(PACK_DOCUMENTS), capture=True).strip().splitlines()[-1])
    log(f"pack: {setup}")
    portal.run("-m", "celery", "-A", "almaty_portal", "purge", "-f", capture=True)
    worker_log = tmp / "celery-worker.log"
    worker = driver = None
    stop, started = tmp / "pack-stop", tmp / "pack-started"
    out: dict = {"setup": setup, "rate": PACK_RATE, "mix": "document pages : searches (rare "
                 "and common) = 2 : 1, unique URLs"}
    try:
        with worker_log.open("w") as log_file:
            worker = subprocess.Popen(
                [PYTHON, "-m", "celery", "-A", "almaty_portal", "worker", "--concurrency=1",
                 "--loglevel=WARNING", "-n", f"bench-pack-{os.getpid()}@%h"],
                cwd=ROOT, env=portal.env, stdout=log_file, stderr=subprocess.STDOUT)
        # One build before measuring: the worker is warm as in production,
        # and a broken build fails here rather than measuring nothing.
        out["idle build"] = json.loads(portal.run(
            "-m", "bench.pack_load", "loop", "--meeting", str(setup["meeting"]), "--count", "1",
            capture=True).strip().splitlines()[-1])
        drain(portal)
        out["without"] = open_loop(portal, mix, PACK_RATE, duration, unique=True,
                                   group_of=_page_kind)
        driver = subprocess.Popen(
            [PYTHON, "-m", "bench.pack_load", "loop", "--meeting", str(setup["meeting"]),
             "--stop", str(stop), "--started", str(started)],
            cwd=ROOT, env=portal.env, stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while not started.exists() and time.monotonic() < deadline and driver.poll() is None:
            time.sleep(0.1)
        if not started.exists():
            raise RuntimeError(f"the pack did not start building; see {worker_log}")
        out["during"] = open_loop(portal, mix, PACK_RATE, duration, unique=True,
                                  group_of=_page_kind)
        stop.write_text("stop")
        stdout, _ = driver.communicate(timeout=600)
        driver = None
        out["builds during"] = json.loads(stdout.strip().splitlines()[-1])
        drain(portal)
        out["without, after"] = open_loop(portal, mix, PACK_RATE, duration, unique=True,
                                          group_of=_page_kind)
    finally:
        for process in (driver, worker):
            if process is not None and process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=60)
                if process.poll() is None:
                    process.kill()
        out["teardown"] = json.loads(portal.run("-m", "bench.pack_load", "teardown",
                                                capture=True).strip().splitlines()[-1])
    if out.get("without") and out.get("during"):
        out["p95_change_pct"] = round((out["during"]["p95"] / out["without"]["p95"] - 1) * 100, 1)
    for name, row in out.items():
        log(f"pack {name}: {row}")
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
    lines += sql_lines(results) + pack_lines(results) + insert_lines(results)
    if results.get("failed_cases"):
        lines += ["", "FAILED cases: " + "; ".join(
            f"{name}: {why}" for name, why in results["failed_cases"].items())]
    if results.get("growth_skipped"):
        lines += ["", "Growth not measured: " + "; ".join(
            f"{int(size):,}: {why}" for size, why in results["growth_skipped"].items())]
    return "\n".join(lines)


def _change(before: dict | None, during: dict | None, key: str = "p95") -> str:
    if not before or not during or not before.get(key):
        return "–"
    return f"{(during[key] / before[key] - 1) * 100:+.0f}%"


def _sql_verdict(row: dict, prefix: str = "") -> str:
    ratios = [row.get(f"{prefix}ratio_p50"), row.get(f"{prefix}ratio_p95")]
    if None in ratios:
        return ""
    return "met" if max(ratios) <= 2 else "missed"


def sql_lines(results: dict) -> list[str]:
    if not results.get("search_direct_sql"):
        return []
    lines = ["", ("Archive search, web (c1, unique URLs) beside the same statements in direct "
             "SQL (bench/sql_search.py), ms:"), "",
             ("| documents | search | web p50 / p95 | SQL p50 / p95 | web ÷ SQL p50 / p95 | "
             "≤ 2× | search through Django p50 / p95 | Django ÷ SQL p50 / p95 | ≤ 2× | "
             "all reads of the page in SQL p50 / p95 | statements (search / all) | load |"),
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for size, groups in results["search_direct_sql"].items():
        for group, row in groups.items():
            lines.append(
                f"| {int(size):,} | {group} | {row['web_p50']} / {row['web_p95']} | "
                f"{row['sql_p50']} / {row['sql_p95']} | {row['ratio_p50']} / {row['ratio_p95']} "
                f"| {_sql_verdict(row)} | {row.get('sql_django_p50')} / "
                f"{row.get('sql_django_p95')} | {row.get('django_ratio_p50')} / "
                f"{row.get('django_ratio_p95')} | {_sql_verdict(row, 'django_')} "
                f"| {row['sql_all_p50']} / {row['sql_all_p95']} | "
                f"{row['sql_search_statements']} / {row['sql_all_statements']} | "
                f"{row['load']} |")
    return lines


def pack_lines(results: dict) -> list[str]:
    pack = results.get("pack_load") or {}
    if not pack.get("without"):
        return []
    lines = ["", (f"Pages and searches while a {pack['setup']['documents']}-document briefing "
             f"pack builds (open loop at {pack['rate']:g}/s, {pack['mix']}), ms:"), "",
             ("| phase | achieved req/s | p50 | p95 | p99 | pages p95 | searches p95 | errors | "
             "load |"), "|---|---|---|---|---|---|---|---|---|"]
    for phase in ("without", "during", "without, after"):
        row = pack.get(phase)
        if not row:
            continue
        groups = row.get("groups", {})
        lines.append(
            f"| {phase} | {row['achieved_rps']} | {row['p50']} | {row['p95']} | {row['p99']} | "
            f"{groups.get('pages', {}).get('p95', '–')} | "
            f"{groups.get('search', {}).get('p95', '–')} | {row['status'] + row['failed']} | "
            f"{row['load']} |")
    builds, idle = pack.get("builds during") or {}, pack.get("idle build") or {}
    change = pack.get("p95_change_pct")
    lines += ["", (f"p95 during vs without: {'–' if change is None else f'{change:+g}'}% "
              "(target: less than +10%). "
              f"Builds during the phase: {builds.get('builds', '–')}, median "
              f"{builds.get('median_s', '–')} s, max {builds.get('max_s', '–')} s, "
              f"{builds.get('pages', '–')} pages, worker peak RSS "
              f"{builds.get('worker_peak_mb', '–')} MB; alone (before): "
              f"{idle.get('median_s', '–')} s.")]
    return lines


def insert_lines(results: dict) -> list[str]:
    inserts = results.get("inserts") or {}
    if not inserts:
        return []
    lines = ["", "Search and uncached pages while documents are added:", "",
             "| case | req/s | p50 | p95 | p99 | errors | load |", "|---|---|---|---|---|---|---|"]
    for name, row in inserts.items():
        if not isinstance(row, dict):
            lines.append(f"| {name}: {row} | | | | | | |")
            continue
        rps = row.get("rps", row.get("achieved_rps"))
        errors = row.get("errors", row.get("status", 0) + row.get("failed", 0))
        lines.append(f"| {name} | {rps} | {row['p50']} | {row['p95']} | {row['p99']} | "
                     f"{errors} | {row['load']} |")
    lines.append("")
    for before, during in insert_pairs(inserts):
        lines.append(f"- {during}: p95 {inserts[before]['p95']} → {inserts[during]['p95']} ms "
                     f"({_change(inserts[before], inserts[during])})")
    return lines


def insert_pairs(inserts: dict) -> list[tuple[str, str]]:
    """(case before, same case during the inserts) for every case measured."""
    return [(name, name.replace("before", "during inserts")) for name in inserts
            if "before" in name and name.replace("before", "during inserts") in inserts]


PAGE_TARGET = "≥ 50% of bare, p95 ≤ 50 ms, p99 ≤ 100 ms"


def summary_rows(results: dict) -> list[dict]:
    """The figures for bench/run.py's table (metric, value, detail, target)."""
    rows = []
    bare = results["pages"].get("bare view (all middleware)", {}).get("rps") or 1
    for name, row in results["pages"].items():
        target = ""
        if "dashboard" in name:
            target = "≥ 300 req/s, p95 ≤ 150 ms at c50" if name.endswith("c50") else ""
        elif not any(word in name for word in ("bare", "unique", "one request at a time")):
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
    inserts = results.get("inserts", {})
    for before, during in insert_pairs(inserts):
        rows.append({"metric": f"web: {during}",
                     "value": f"p95 {inserts[before]['p95']} → {inserts[during]['p95']} ms",
                     "detail": f"{_change(inserts[before], inserts[during])}; p50 "
                               f"{inserts[before]['p50']} → {inserts[during]['p50']} ms, load "
                               f"{inserts[during]['load']}",
                     "target": "p95 not doubling while inserts run"
                     if during.startswith("search") else ""})
    for size, groups in results.get("search_direct_sql", {}).items():
        for group, row in groups.items():
            rows.append({"metric": f"web vs direct SQL: search at {int(size):,} documents, "
                                   f"{group}, c1",
                         "value": f"{row['ratio_p50']}× / {row['ratio_p95']}×",
                         "detail": f"web p50 {row['web_p50']} / p95 {row['web_p95']} ms, SQL "
                                   f"p50 {row['sql_p50']} / p95 {row['sql_p95']} ms, load "
                                   f"{row['load']}",
                         "target": "≤ 2× the SQL"})
            rows.append({"metric": f"search through Django vs direct SQL at {int(size):,} "
                                   f"documents, {group}",
                         "value": f"{row.get('django_ratio_p50')}× / "
                                  f"{row.get('django_ratio_p95')}×",
                         "detail": f"the view's search (paginate_queryset) in process p50 "
                                   f"{row.get('sql_django_p50')} / p95 "
                                   f"{row.get('sql_django_p95')} ms, SQL p50 {row['sql_p50']} "
                                   f"/ p95 {row['sql_p95']} ms",
                         "target": "≤ 2× the SQL"})
    pack = results.get("pack_load") or {}
    if pack.get("during"):
        builds = pack.get("builds during") or {}
        rows.append({"metric": f"web: p95 while a {pack['setup']['documents']}-document pack "
                               f"builds (open loop {pack['rate']:g}/s)",
                     "value": f"{pack['without']['p95']} → {pack['during']['p95']} ms",
                     "detail": f"{pack.get('p95_change_pct', 0):+g}%; after: "
                               f"{pack.get('without, after', {}).get('p95')} ms; "
                               f"{builds.get('builds')} builds, median {builds.get('median_s')} s,"
                               f" load {pack['during']['load']}",
                     "target": "< +10%"})
    return rows


CASES = ("pages", "search", "sql", "open", "pack", "inserts", "growth")


def measure_growth(servers: Servers, name: str, size: int, args, tmp: Path, results: dict, *,
                   sql: bool, sql_rounds: int) -> None:
    """The search cases (and their direct SQL) on the smaller database."""
    small = Portal(servers, name)
    try:
        small.manage("migrate", "--no-input", "-v0")
        results["generate"][size] = generate(small, size, args.workers)
        if args.reindex:
            small.run("-m", "bench.generate", "--reindex", "--workers", str(args.workers))
        small.manage("collectstatic", "--no-input", "-v0")
        servers.flush_redis()
        small_paths = search_paths(fixed_terms(servers, name, small.django(TARGETS_CODE)))
        small.start()
        results["search"][size] = measure_search(
            small, small_paths, tmp, args.duration, args.rounds)
        if sql:
            results["search_direct_sql"][size] = measure_search_sql(
                small, small_paths, tmp, results["search"][size], sql_rounds)
    finally:
        small.stop()


def database_exists(servers: Servers, name: str) -> bool:
    proc = subprocess.run(
        ["psql", servers.database_url.rsplit("/", 1)[0] + "/postgres", "-tAc",
         "SELECT datname FROM pg_database"], check=False, capture_output=True, text=True)
    return name in proc.stdout.split()


def main() -> None:
    global QUICK
    parser = argparse.ArgumentParser(description="Web benchmark (issue 11).")
    parser.add_argument("--documents", type=int,
                        default=int(os.environ.get("BENCH_WEB_DOCUMENTS", "100000")))
    parser.add_argument("--growth", default=os.environ.get("BENCH_GROWTH", "1000,10000"),
                        help="smaller sizes for the search growth, comma-separated ('' for "
                        "none); measured where their database exists (--prepare makes them)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2, help="wrk runs per case (median kept)")
    parser.add_argument("--pack-duration", type=float, default=30,
                        help="seconds of each open-loop phase of the pack case")
    parser.add_argument("--quick", action="store_true", default=QUICK,
                        help="every case with short durations (a check of the pipeline)")
    parser.add_argument("--workers", type=int, default=2, help="generator processes")
    parser.add_argument("--label", default=os.environ.get("BENCH_LABEL", "run"))
    parser.add_argument("--only", default="", help="comma-separated: " + ",".join(CASES)
                        + " (default all)")
    parser.add_argument("--reindex", action="store_true",
                        help="reindex every document first (after a change of the index)")
    parser.add_argument("--resume", default="",
                        help="a results JSON whose pages and search figures this run keeps")
    parser.add_argument("--prepare", action="store_true",
                        help="only migrate, generate (and reindex) every database, measure nothing")
    args = parser.parse_args()
    if args.quick:
        QUICK = True
        args.duration, args.rounds, args.pack_duration = 2, 1, 5
    # A SIGTERM (timeout, kill) stops gunicorn and the servers too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    only = set(filter(None, args.only.split(","))) or set(CASES)
    unknown = only - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    sql_rounds = 1 if QUICK else 3

    servers = Servers()
    servers.start()
    portal = Portal(servers)
    results = {"label": args.label, "machine": machine(), "load_before": loadavg(),
               "pages": {}, "search": {}, "search_direct_sql": {}, "open_loop": {},
               "pack_load": {}, "inserts": {}, "generate": {}, "growth_skipped": {},
               "failed_cases": {}, "quick": QUICK, "command": " ".join(sys.argv)}
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

        def case(name: str, measure) -> None:
            """One case; a failure is recorded and the run goes on with the
            next (a single run at the end must not lose the other cases)."""
            if name not in only:
                return
            try:
                measure()
            except Exception as exc:
                log(f"case {name} FAILED: {exc!r}")
                traceback.print_exc()
                results["failed_cases"][name] = repr(exc)
                drain(portal)

        try:
            case("pages", lambda: measure_pages(portal, targets, tmp, args.duration,
                                                args.rounds, results))
            case("search", lambda: results["search"].__setitem__(args.documents, measure_search(
                portal, paths, tmp, args.duration, args.rounds)))
            case("sql", lambda: results["search_direct_sql"].__setitem__(
                args.documents, measure_search_sql(
                    portal, paths, tmp, results["search"].get(args.documents, {}), sql_rounds)))
            capacity = {**results["pages"], **results["search"].get(args.documents, {})}
            case("open", lambda: results.__setitem__("open_loop", measure_open_loop(
                portal, targets, paths, args.duration, capacity)))
            case("pack", lambda: results.__setitem__("pack_load", measure_pack_load(
                portal, targets, paths, tmp, args.pack_duration)))
            case("inserts", lambda: results.__setitem__("inserts", measure_during_inserts(
                portal, targets, paths, tmp, args.duration, args.documents)))
        finally:
            portal.stop()
        out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        if "growth" in only:
            for size in [int(s) for s in args.growth.split(",") if s]:
                name = f"almaty_{size}"
                if size >= args.documents or not database_exists(servers, name):
                    results["growth_skipped"][size] = (
                        f"no database {name}: `python -m bench.web --prepare` makes it"
                        if size < args.documents else "not smaller than --documents")
                    log(f"growth {size}: skipped ({results['growth_skipped'][size]})")
                    continue
                try:
                    measure_growth(servers, name, size, args, tmp, results, sql="sql" in only,
                                   sql_rounds=sql_rounds)
                except Exception as exc:
                    log(f"growth {size} FAILED: {exc!r}")
                    traceback.print_exc()
                    results["failed_cases"][f"growth {size}"] = repr(exc)
                out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        results["load_after"] = loadavg()
        out_file.write_text(json.dumps(results, indent=1, ensure_ascii=False))
        print(markdown(results), file=sys.stderr if os.environ.get("BENCH_JSON") else sys.stdout)
        log(f"results in {out_file}")
        if os.environ.get("BENCH_JSON"):
            # bench/run.py: the summary rows, and the whole run for its one JSON.
            Path(os.environ["BENCH_JSON"]).write_text(json.dumps(
                {"rows": summary_rows(results), "results": results,
                 "markdown": markdown(results), "results_file": str(out_file)},
                ensure_ascii=False))
        if results["failed_cases"]:
            sys.exit(1)
    finally:
        portal.stop()
        servers.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
