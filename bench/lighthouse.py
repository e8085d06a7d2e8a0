"""Lighthouse scores of issue 25's pages: the portal under gunicorn with
production settings (bench/pages.py's demo database and gunicorn, page
cache on), audited by Lighthouse (npm, package.json; `make bench-lighthouse`
installs it) in Debian's Chromium.

    python -m bench.lighthouse [--label L] [--record] [--preset desktop]

Pages, in Russian and English: home, an archive search, a document, a
meeting, the action plan and the progress page; the four categories
(performance, accessibility, best practices, SEO). Lighthouse's default
form factor (mobile, simulated throttling) unless ``--preset desktop``.
Each page is fetched once first, so that Lighthouse sees what a visitor
after the first does (a page-cache hit). The host is ``localhost``, which a
browser treats as a secure origin, as it does the production site's HTTPS.

Front server (``--front``): nginx with deploy/nginx.conf (its gzip and
proxy settings, as docker-compose.yml runs it; tests/stack.py's
``nginx_prepare``) in front of gunicorn, by default; ``--front none``
audits gunicorn directly (HTML uncompressed).

Output: the scores (and the first paint, largest paint, blocking time,
layout shift and bytes) as a Markdown table, printed and written to
var/bench/lighthouse-<label>.md with the JSON beside it and each page's full
Lighthouse report in var/bench/lighthouse-<label>/; ``--record`` adds the
table to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from bench import pages, web
from bench.servers import Servers
from tests.stack import Loopback, free_port, nginx_prepare

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {  # audit id: (column, unit divisor, unit)
    "first-contentful-paint": ("FCP", 1000, "s"),
    "largest-contentful-paint": ("LCP", 1000, "s"),
    "total-blocking-time": ("TBT", 1, "ms"),
    "cumulative-layout-shift": ("CLS", 1, ""),
    "total-byte-weight": ("bytes", 1024, "KB"),
}
SEARCHES = {"ru": "миграция", "en": "migration"}


def paths(targets: dict) -> list[tuple[str, str]]:
    """(name, path) of every page audited, both languages."""
    out = []
    for lang in ("ru", "en"):
        query = urllib.parse.quote(SEARCHES[lang])
        out += [
            (f"home /{lang}/", f"/{lang}/"),
            (f"archive search ({lang})", f"/{lang}/archive/?q={query}"),
            (f"a document ({lang})", f"/{lang}/archive/{targets['document']}/"),
            (f"a meeting ({lang})", f"/{lang}/meetings/{targets['meeting']}/"),
            (f"the action plan ({lang})", f"/{lang}/action-plan/"),
            (f"the progress page ({lang})", f"/{lang}/action-plan/progress/"),
        ]
    return out


def summarise(report: dict) -> dict:
    """The scores (0-100) and the metrics of one Lighthouse JSON report, and
    the audits that did not pass (what to fix)."""
    scores = {key: (round(category["score"] * 100) if category.get("score") is not None
                    else None) for key, category in report["categories"].items()}
    metrics = {}
    for audit, (_column, divisor, _unit) in METRICS.items():
        value = report["audits"].get(audit, {}).get("numericValue")
        metrics[audit] = round(value / divisor, 2) if value is not None else None
    failing = sorted(
        (audit["id"] for audit in report["audits"].values()
         if audit.get("score") is not None and audit["score"] < 0.9
         and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")),
    )
    return {"scores": scores, "metrics": metrics, "failing": failing,
            "runtime_error": (report.get("runtimeError") or {}).get("message")}


def table(results: dict) -> list[str]:
    lines = ["| page | " + " | ".join(CATEGORIES) + " | "
             + " | ".join(f"{c} ({u})" if u else c for c, _d, u in METRICS.values())
             + " | below 90 |",
             "|---|" + "---|" * (len(CATEGORIES) + len(METRICS) + 1)]
    for name, row in results["pages"].items():
        if row.get("error") or row.get("runtime_error"):
            lines.append(f"| {name} | failed: {row.get('error') or row['runtime_error']} |")
            continue
        scores = [str(row["scores"].get(c, "")) for c in CATEGORIES]
        metrics = ["" if row["metrics"].get(a) is None else f"{row['metrics'][a]:g}"
                   for a in METRICS]
        lines.append(f"| {name} | " + " | ".join(scores + metrics) + " | "
                     + ", ".join(row["failing"]) + " |")
    return lines


def markdown(results: dict) -> str:
    m = results["machine"]
    return "\n".join([
        (f"Lighthouse {results['lighthouse']} ({results['preset']}), {results['chromium']}, "
        f"against gunicorn ({m['workers']} sync workers, production settings, page cache on, "
        f"the demo data) at commit {m['commit'][:10]}"
        f"{' with uncommitted changes' if m['uncommitted_changes'] else ''}; "
        f"{results['started']} to {results.get('finished', '?')}, load average before "
        f"{results['load_before']}, after {results.get('load_after', '?')}. "
        + FRONTS[results.get("front", "none")]),
        "", *table(results)])


FRONTS = {
    "nginx": ("In front: nginx with deploy/nginx.conf (HTML, CSS and scripts gzipped by it; "
              "static files arrive compressed by WhiteNoise)."),
    "none": "No front server: HTML uncompressed, static files compressed by WhiteNoise.",
}


class FrontServer:
    """nginx with deploy/nginx.conf in front of the bench's gunicorn."""

    def __init__(self, upstream_port: int):
        self.dir = Path(tempfile.mkdtemp(prefix="lighthouse-nginx-"))
        self.port = free_port()
        loopback = Loopback(tmp=self.dir, ports={"db": 0, "redis": 0, "web": upstream_port,
                                                 "nginx": self.port})
        argv = nginx_prepare(self.dir / "nginx", loopback)
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                pages.fetch(self.port, "/ru/")
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


def audit(port: int, path: str, report: Path, preset: str) -> dict:
    """Lighthouse on one page; again (3 tries in all) when its run failed, as
    it sometimes does at random (NO_NAVSTART: "Please run Lighthouse again")."""
    for attempt in range(1, 4):
        report.unlink(missing_ok=True)
        result = audit_once(port, path, report, preset)
        if not result.get("error") and not result.get("runtime_error"):
            break
        web.log(f"lighthouse {path}, try {attempt}: {result}")
    return {**result, "tries": attempt}


def audit_once(port: int, path: str, report: Path, preset: str) -> dict:
    command = ["node", str(CLI), f"http://localhost:{port}{path}", "--quiet",
               "--output=json", f"--output-path={report}",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if preset == "desktop":
        command.append("--preset=desktop")
    proc = subprocess.run(command, cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROME},
                          capture_output=True, text=True, timeout=300, check=False)
    if proc.returncode or not report.exists():
        return {"error": (proc.stderr.strip().splitlines() or ["no report"])[-1][:200]}
    return summarise(json.loads(report.read_text()))


def main() -> int:
    parser = argparse.ArgumentParser(description="Lighthouse scores of issue 25's pages.")
    parser.add_argument("--label", default=os.environ.get("BENCH_LABEL", "run"))
    parser.add_argument("--record", action="store_true", help="add the table to RESULTS.md")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--front", choices=tuple(FRONTS), default="nginx",
                        help="the front server before gunicorn (default: nginx, as deployed)")
    parser.add_argument("--only", default="",
                        help="comma-separated words: only the pages whose name has one")
    args = parser.parse_args()
    if not CLI.exists():
        raise SystemExit("Lighthouse is not installed: make node_modules/.package-lock.json")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    version = subprocess.run(["node", str(CLI), "--version"], capture_output=True,
                             text=True, check=True).stdout.strip()
    chromium = subprocess.run([CHROME, "--version"], capture_output=True,
                              text=True, check=False).stdout.strip()
    servers = Servers()
    servers.start()
    portal = front = None
    results = {"label": args.label, "preset": args.preset, "front": args.front,
               "lighthouse": version,
               "chromium": chromium, "machine": web.machine(), "load_before": web.loadavg(),
               "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
               "pages": {}}
    out = servers.var / f"lighthouse-{args.label}"
    out.mkdir(exist_ok=True)
    try:
        portal, targets = pages.prepare(servers)
        portal.restart()
        port = portal.port
        if args.front == "nginx":
            front = FrontServer(portal.port)
            port = front.port
        words = [w for w in args.only.split(",") if w]
        for number, (name, path) in enumerate(paths(targets)):
            if words and not any(word in name for word in words):
                continue
            pages.fetch(port, path)  # a visitor after the first: a cache hit
            report = out / f"{number:02d}.json"
            results["pages"][name] = {"path": path, **audit(port, path, report, args.preset)}
            web.log(f"lighthouse {name}: {results['pages'][name]}")
    finally:
        if front is not None:
            front.stop()
        if portal is not None:
            portal.stop()
        servers.stop()
    results["load_after"] = web.loadavg()
    results["finished"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    text = markdown(results)
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    out.with_suffix(".md").write_text(text + "\n")
    print(text)
    if args.record:
        pages.record(text, args.label, results["started"],
                     title="Issue 25: Lighthouse scores")
    return 1 if any(row.get("error") or row.get("runtime_error")
                    for row in results["pages"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
