"""Issue 25's page benchmark: every page of the portal's table beside a bare
view that goes through all middleware, in three modes, and the workers'
memory over 20,000 mixed requests.

    python -m bench.pages [--quick] [--label L] [--record] [--no-memory]

Steps: start PostgreSQL and Redis in BENCH_VAR (bench/servers.py), migrate a
database of its own (almaty_pages), load the demo (``manage.py load_demo``),
collectstatic into a temporary STATIC_ROOT and start gunicorn with
bench.settings (production settings plus /bench/bare/) and 3 sync workers
(bench/web.py's Portal), then, with ``wrk -t2 -c16 -d8s`` (2 s with
``--quick``), each page right after a run of the bare view in the same mode:

- cached: a visitor, page cache on (production's default);
- signed in: the demo coordinator (coordinator.kaz@example.org, a session
  created in the database, its cookie sent by wrk), bare view included, on
  the same gunicorn (the dashboard's own cache on, as in production);
- page cache off: gunicorn restarted with PAGE_CACHE_SECONDS=0, the
  caches of pieces of pages (core/fragments.py) and of the dashboard, which
  follow it unless set, kept at production's 600 s (OFF_ENV): only the whole
  page is rendered anew; ``--fragments-off`` turns the pieces' cache off too
  (what the first request after a change of content costs).

Each page is fetched once first: it must answer 200 (a signed-in page that
redirects to the sign-in would measure the redirect), and in the cached mode
its second answer must be a hit (X-Cache).

Memory (skipped with ``--no-memory``): gunicorn restarted afresh with the
page cache off, 20,000 requests (2,000 with ``--quick``) of the pages
above, anonymous and signed in, 4 at a time; each worker's VmRSS
(/proc/<pid>/status) after the first 1,000 and at the end.

Output: a Markdown table (req/s as a share of the bare view run just before,
p50) printed and written to var/bench/pages-<label>.md with the JSON beside
it; ``--record`` adds it to bench/RESULTS.md under a dated heading.
bench/run.py runs it as part of ``make bench`` (BENCH_JSON: its rows).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import http.client
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from bench import web
from bench.servers import Servers

ROOT = Path(__file__).resolve().parent.parent
RESULTS_MD = ROOT / "bench" / "RESULTS.md"
DATABASE = "almaty_pages"
MODES = {"cached": "cached", "off": "page cache off", "signed": "signed in as a coordinator"}
SEARCH = "/ru/archive/?q=" + urllib.parse.quote("миграция")
# Page cache off, the other caches as production has them.
OFF_ENV = {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "600",
           "DASHBOARD_CACHE_SECONDS": "600"}

TARGETS_CODE = r"""
import json
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from archive.models import Document
from meetings.models import Delegation, Meeting
from membership.models import User

user = User.objects.get(email="coordinator.kaz@example.org")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
documents = Document.objects.filter(status="published", access="public").exclude(title_ru="")
meetings = Meeting.objects.filter(status="held", document_links__isnull=False).distinct()
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
    "document": documents.order_by("-pk").values_list("slug", flat=True).first(),
    "meeting": (meetings.order_by("-pk").values_list("slug", flat=True).first()
                or Meeting.objects.order_by("-pk").values_list("slug", flat=True).first()),
    "delegation": Delegation.objects.filter(state__iso3="KAZ").order_by("-pk")
                  .values_list("meeting__slug", flat=True).first(),
}))
"""


def pages(targets: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, path, modes) of every row of the table."""
    public, everywhere = ("cached", "off"), ("cached", "off", "signed")
    meeting = f"/ru/meetings/{targets['meeting']}/"
    document = f"/ru/archive/{targets['document']}/"
    return [
        ("/ru/", "/ru/", everywhere),
        ("/en/about/", "/en/about/", public),
        ("/ru/states/", "/ru/states/", public),
        ("/ru/chairmanship/", "/ru/chairmanship/", public),
        ("/ru/meetings/", "/ru/meetings/", everywhere),
        ("a meeting page", meeting, everywhere),
        ("/ru/archive/", "/ru/archive/", everywhere),
        ("archive search", SEARCH, public),
        ("a document page", document, everywhere),
        ("/ru/action-plan/", "/ru/action-plan/", public),
        ("the progress page", "/ru/action-plan/progress/", public),
        ("/ru/news/", "/ru/news/", public),
        ("RSS", "/ru/archive/feed/rss/", public),
        ("sitemap", "/sitemap.xml", public),
        ("the coordinator's delegation page", f"/ru/registration/{targets['delegation']}/",
         ("signed",)),
        ("the action-plan report form", "/ru/action-plan/report/", ("signed",)),
        ("the coordinator's dashboard", "/ru/registration/", ("signed",)),
    ]


# --- the table (pure) -----------------------------------------------------------

def share(row: dict) -> float | None:
    bare = row.get("bare_rps")
    return row["rps"] / bare if bare else None


def cell(row: dict | None, *, figures: bool = True) -> str:
    """"5% (93 req/s, p50 165 ms)"; "" where the page was not measured."""
    if not row:
        return ""
    if row.get("failed"):
        return f"not measured: {row['failed']}"
    ratio = share(row)
    text = f"{ratio:.0%}" if ratio is not None else "?"
    if figures:
        text += f" ({row['rps']:,.0f} req/s, p50 {row['p50']:g} ms"
        text += f", {row['errors']} errors)" if row.get("errors") else ")"
    return text


def bare_cell(rows: list[dict]) -> str:
    """The bare view's runs of one mode: "100% (1,650–1,750 req/s)"."""
    values = sorted(r["bare_rps"] for r in rows if r.get("bare_rps"))
    if not values:
        return ""
    low, high = f"{values[0]:,.0f}", f"{values[-1]:,.0f}"
    return f"100% ({low} req/s)" if low == high else f"100% ({low}–{high} req/s)"


def table(results: dict) -> list[str]:
    """The issue's table: one row per page, one column per mode."""
    modes = list(MODES)
    lines = ["| page | " + " | ".join(MODES[m] for m in modes) + " |",
             "|---|" + "---|" * len(modes)]
    lines.append("| bare view | " + " | ".join(
        bare_cell([row[m] for row in results["pages"].values() if row.get(m)])
        for m in modes) + " |")
    for name, row in results["pages"].items():
        lines.append(f"| {name} | " + " | ".join(cell(row.get(m)) for m in modes) + " |")
    return lines


def memory_lines(memory: dict) -> list[str]:
    if not memory:
        return []
    lines = [(f"Worker memory: {memory['requests']:,} mixed requests ({memory['mix']}), "
             f"{memory['errors']} errors, {memory['seconds']} s; VmRSS of each gunicorn "
             "worker:"), "",
             f"| worker | after {memory['first']:,} | after {memory['requests']:,} | growth |",
             "|---|---|---|---|"]
    for pid, row in memory["workers"].items():
        growth = f"{row['growth_pct']:+.1f}%" if row.get("growth_pct") is not None else "?"
        lines.append(f"| {pid} | {_mb(row.get('first'))} | {_mb(row.get('last'))} | {growth} |")
    return lines


def _mb(kb: int | None) -> str:
    return f"{kb / 1024:.1f} MB" if kb else "gone"


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        (f"Label {results['label']}{' (quick: not figures to quote)' if results['quick'] else ''}"
        f": commit {m['commit'][:10]}"
        f"{' with uncommitted changes' if m['uncommitted_changes'] else ''}, "
        f"{m['cores']} cores, {m['workers']} gunicorn sync workers, production settings, "
        f"PostgreSQL and Redis, the demo data, `wrk -t2 -c16 -d{results['duration']}s`, one run "
        f"each, the bare view run just before each page in the same mode; page cache off: "
        f"{' '.join(f'{k}={v}' for k, v in results.get('off_env', {}).items())}; "
        f"{results['started']} to {results.get('finished', '?')}, load average before "
        f"{results['load_before']}, after {results.get('load_after', '?')}."),
        "", *table(results)]
    if results.get("memory"):
        lines += ["", *memory_lines(results["memory"])]
    if results.get("failed"):
        lines += ["", "FAILED: " + "; ".join(results["failed"])]
    return "\n".join(lines)


def summary_rows(results: dict) -> list[dict]:
    """The rows for bench/run.py's table (metric, value, detail, target)."""
    rows = []
    for name, row in results["pages"].items():
        for mode, figures in row.items():
            if figures.get("failed"):
                continue
            rows.append({"metric": f"pages: {name}, {MODES[mode]}",
                         "value": f"{figures['rps']:,.0f} req/s",
                         "detail": f"{cell(figures)}, bare {figures['bare_rps']:,.0f} req/s, "
                                   f"load {figures['load']}", "target": ""})
    for pid, row in (results.get("memory") or {}).get("workers", {}).items():
        rows.append({"metric": f"pages: worker {pid} VmRSS growth",
                     "value": f"{row.get('growth_pct')}%",
                     "detail": f"{_mb(row.get('first'))} → {_mb(row.get('last'))}",
                     "target": "within 10%"})
    return rows


def record(text: str, label: str, started: str,
           title: str = "Issue 25: pages beside the bare view") -> None:
    """Adds the run to bench/RESULTS.md above the newest section (the file
    lists runs newest first)."""
    day = datetime.datetime.fromisoformat(started)
    heading = f"## {title} ({label}), {day:%-d %B %Y, %H:%M} UTC"
    current = RESULTS_MD.read_text()
    head, sep, rest = current.partition("\n## ")
    RESULTS_MD.write_text(f"{head}\n{heading}\n\n{text}\n{sep}{rest}" if sep
                          else f"{current}\n{heading}\n\n{text}\n")


# --- the portal --------------------------------------------------------------------

class PagesPortal(web.Portal):
    """bench/web.py's Portal on the demo database, whose gunicorn restarts
    with other settings (the static files stay)."""

    def __init__(self, servers: Servers):
        super().__init__(servers, DATABASE)
        for name in ("media", "archive"):  # the demo's files, apart from bench/web.py's
            path = servers.var / f"pages-{name}"
            path.mkdir(parents=True, exist_ok=True)
            self.env[f"{name.upper()}_ROOT"] = str(path)

    def restart(self, **settings: str) -> None:
        self.stop_gunicorn()
        for key in OFF_ENV:
            self.env.pop(key, None)
        self.env.update(settings)
        self.servers.flush_redis()
        self.start()

    def stop_gunicorn(self) -> None:
        if self.gunicorn is not None:
            self.gunicorn.terminate()
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
                self.gunicorn.wait()
            self.gunicorn = None

    def workers(self) -> list[int]:
        """The gunicorn master's children."""
        master, pids = self.gunicorn.pid, []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                    pids.append(int(entry.name))
        return sorted(pids)


def rss_kb(pid: int) -> int | None:
    try:
        status = (Path("/proc") / str(pid) / "status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("VmRSS:")), None)


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[int, dict, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), len(body)
    finally:
        connection.close()


def check(portal: PagesPortal, path: str, mode: str, cookie: str) -> str:
    """Why the page cannot be measured in this mode, or ""."""
    status, headers, _size = fetch(portal.port, path, cookie if mode == "signed" else None)
    if status != 200:
        return f"answered {status} {headers.get('Location', '')}".strip()
    if mode == "cached":
        status, headers, _size = fetch(portal.port, path)
        if headers.get("X-Cache") != "hit":
            return f"not a page-cache hit (X-Cache: {headers.get('X-Cache')})"
    elif headers.get("X-Cache") == "hit":
        return "answered from the page cache"
    return ""


def measure_mode(portal: PagesPortal, mode: str, rows, cookie: str, duration: int,
                 results: dict) -> None:
    headers = {"Cookie": cookie} if mode == "signed" else None
    for name, path, modes in rows:
        if mode not in modes:
            continue
        entry = results["pages"].setdefault(name, {})
        why = check(portal, path, mode, cookie)
        if why:
            entry[mode] = {"failed": why, "path": path}
            results["failed"].append(f"{name} ({MODES[mode]}): {why}")
            web.log(f"{name}, {mode}: {why}")
            continue
        web.drain(portal)
        bare = web.wrk(portal, "/bench/bare/", duration=duration, headers=headers)
        web.drain(portal)
        figures = web.wrk(portal, path, duration=duration, headers=headers)
        entry[mode] = {**figures, "path": path, "bare_rps": bare["rps"],
                       "bare_p50": bare["p50"], "bare_errors": bare["errors"]}
        web.log(f"{name}, {mode}: {cell(entry[mode])}")


def measure_memory(portal: PagesPortal, rows, cookie: str, total: int, first: int) -> dict:
    """``total`` requests of the pages (anonymous and signed in, in turn), 4
    at a time, on fresh workers; VmRSS of each after ``first`` and at the end."""
    mix = [(path, cookie if mode == "signed" else None)
           for _name, path, modes in rows for mode in modes if mode != "cached"]
    pids = portal.workers()
    lock, errors = threading.Lock(), [0]
    counter = itertools.count()

    def work(limit: int) -> None:
        while True:
            with lock:
                n = next(counter)
            if n >= limit:
                return
            path, with_cookie = mix[n % len(mix)]
            try:
                status, _headers, _size = fetch(portal.port, path, with_cookie)
            except OSError:
                status = 0
            if status != 200:
                with lock:
                    errors[0] += 1

    started = time.monotonic()
    sizes: dict[int, dict] = {pid: {} for pid in pids}
    for phase, limit in (("first", first), ("last", total)):
        counter = itertools.count(0 if phase == "first" else first)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(work, [limit] * 4))
        for pid in pids:
            sizes[pid][phase] = rss_kb(pid)
        web.log(f"memory after {limit:,} requests: {sizes}")
    for row in sizes.values():
        if row.get("first") and row.get("last"):
            row["growth_pct"] = round((row["last"] - row["first"]) / row["first"] * 100, 1)
    return {"requests": total, "first": first, "errors": errors[0],
            "seconds": round(time.monotonic() - started),
            "mix": f"{len(mix)} URLs in turn, page cache off",
            "workers": {str(pid): row for pid, row in sizes.items()},
            "workers_after": portal.workers()}


def prepare(servers: Servers) -> tuple[PagesPortal, dict]:
    """The demo database migrated and loaded, static files collected, and
    the targets (the coordinator's session cookie, the slugs)."""
    web.create_database(servers, DATABASE)
    portal = PagesPortal(servers)
    portal.manage("migrate", "--no-input", "-v0")
    portal.manage("load_demo", "--allow-production", "-v0")
    portal.manage("collectstatic", "--no-input", "-v0")
    return portal, portal.django(TARGETS_CODE)


def main() -> int:
    parser = argparse.ArgumentParser(description="Issue 25's pages beside the bare view.")
    parser.add_argument("--quick", action="store_true",
                        default=os.environ.get("BENCH_QUICK", "") not in ("", "0"),
                        help="2 s wrk runs and 2,000 memory requests: a check of the pipeline")
    parser.add_argument("--label", default=os.environ.get("BENCH_LABEL", "run"))
    parser.add_argument("--record", action="store_true", help="add the table to RESULTS.md")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory run")
    parser.add_argument("--fragments-off", action="store_true",
                        help="page cache off: the cache of pieces of pages off too")
    args = parser.parse_args()
    duration = 2 if args.quick else 8
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    servers = Servers()
    servers.start()
    portal = None
    results = {"label": args.label, "quick": args.quick, "duration": duration,
               "machine": web.machine(), "load_before": web.loadavg(),
               "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
               "command": " ".join(sys.argv), "pages": {}, "failed": [], "memory": {}}
    out = servers.var / f"pages-{args.label}"
    try:
        portal, targets = prepare(servers)
        results["targets"] = {k: v for k, v in targets.items() if k != "cookie"}
        rows, cookie = pages(targets), targets["cookie"]
        portal.restart()
        for mode in ("cached", "signed"):
            measure_mode(portal, mode, rows, cookie, duration, results)
        off = {**OFF_ENV, **({"FRAGMENT_CACHE_SECONDS": "0"} if args.fragments_off else {})}
        results["off_env"] = off
        portal.restart(**off)
        measure_mode(portal, "off", rows, cookie, duration, results)
        if not args.no_memory:
            portal.restart(**off)
            total = 2_000 if args.quick else 20_000
            results["memory"] = measure_memory(portal, rows, cookie, total, 1_000)
    finally:
        if portal is not None:
            portal.stop()
        servers.stop()
    results["load_after"] = web.loadavg()
    results["finished"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    text = markdown(results)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    out.with_suffix(".md").write_text(text + "\n")
    print(text, file=sys.stderr if os.environ.get("BENCH_JSON") else sys.stdout)
    web.log(f"results in {out}.md and .json")
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(
            {"rows": summary_rows(results), "markdown": text}, ensure_ascii=False))
    if args.record:
        record(text, args.label, results["started"])
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
