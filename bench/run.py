"""Run every benchmark of bench/ in one go (``make bench``), print one table
and write one results JSON and one Markdown file.

    python bench/run.py [--quick] [--only web,briefing_packs] [--label NAME]

The benchmarks (BENCHMARKS) each run in their own process, so that peak
memory is their own and a crash in one does not stop the others:

- archive_search / archive_search_sqlite: the search's query shape on a
  generated archive of its own (throwaway PostgreSQL, then SQLite);
- briefing_packs: build time and peak memory of packs of 10, 30 and 100
  documents beside bare WeasyPrint + pypdf;
- web: the portal under gunicorn on the large dataset in BENCH_VAR
  (var/bench by default, generated when missing): pages, search (with its
  growth where the smaller databases exist, and the same searches in
  direct SQL), open loop, pages and searches while a briefing pack builds,
  search and pages while documents are added (bench/web.py);
- pages: every page of issue 25's table beside the bare view, cached, with
  the page cache off and signed in as a coordinator, on the demo data, and
  the gunicorn workers' memory over 20,000 requests (bench/pages.py);
- backup_roundtrip: `manage.py backup` of the web benchmark's dataset and
  `manage.py restore` of it into an empty database, timed (bench/backup_roundtrip.py);
- load: 50 users for 2 minutes through nginx on the production stack of
  docker-compose.yml with the demo data (bench/load.py, tests/stack.py).

Each writes its figures to $BENCH_JSON: a list of rows (metric, value,
detail, target), or for the web benchmark {"rows", "results", "markdown"}.
The combined file is ``<BENCH_VAR>/bench-<label>-<time>.json`` (every row,
the web run's whole results, the machine, the command) with a ``.md``
beside it (the table, then the web benchmark's tables); bench/RESULTS.md
says how to read them.

``--quick`` (or BENCH_QUICK=1) runs every case with short durations and
small datasets (see QUICK_ENV): a check that the whole pipeline works, in a
few minutes on a small web dataset (e.g. ``BENCH_VAR=/tmp/bench-small
BENCH_WEB_DOCUMENTS=2000``), not figures to quote.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:  # `python bench/run.py` from the Makefile
    sys.path.insert(0, str(ROOT))

BENCHMARKS = [
    "archive_search", "archive_search_sqlite", "briefing_packs", "web", "pages",
    "backup_roundtrip", "load",
]
# Short runs, small datasets: the environment of each benchmark in --quick
# mode (a value already in the environment wins).
QUICK_ENV = {
    "archive_search": {"BENCH_DOCUMENTS": "300", "BENCH_REPEATS": "1"},
    "archive_search_sqlite": {"BENCH_DOCUMENTS": "200", "BENCH_REPEATS": "1"},
    "briefing_packs": {"BENCH_PACK_SIZES": "10"},
    "web": {"BENCH_QUICK": "1"},
    "pages": {"BENCH_QUICK": "1"},
    "load": {"BENCH_LOAD_USERS": "10", "BENCH_LOAD_SECONDS": "20"},
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_module(name: str, *, quick: bool) -> dict:
    env = {**os.environ}
    if quick:
        env = {**QUICK_ENV.get(name, {}), **env}
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        env["BENCH_JSON"] = out.name
        started, load = time.monotonic(), loadavg()
        proc = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT, env=env,
                              check=False, stdout=subprocess.DEVNULL)
        elapsed = time.monotonic() - started
        text = Path(out.name).read_text()
    data = json.loads(text) if text.strip() else []
    if isinstance(data, list):
        data = {"rows": data}
    return {**data, "seconds": round(elapsed), "exit_code": proc.returncode,
            "load_before": load, "load_after": loadavg()}


def table(rows: list[dict]) -> list[str]:
    lines = ["| metric | value | target | detail |", "|---|---|---|---|"]
    lines += [f"| {r.get('metric', '')} | {r.get('value', '')} | {r.get('target', '')} | "
              f"{r.get('detail', '')} |" for r in rows]
    return lines


def machine() -> dict:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()

    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "commit": git("rev-parse", "HEAD"),
            "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
            "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}


def main() -> int:
    parser = argparse.ArgumentParser(description="Every benchmark of bench/ in one go.")
    parser.add_argument("--quick", action="store_true",
                        default=os.environ.get("BENCH_QUICK", "") not in ("", "0"),
                        help="every case, short durations, small datasets")
    parser.add_argument("--only", default="",
                        help="comma-separated benchmarks (default all): " + ",".join(BENCHMARKS))
    parser.add_argument("--label", default=os.environ.get("BENCH_LABEL", ""))
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or BENCHMARKS
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    label = args.label or ("quick" if args.quick else "run")
    os.environ.setdefault("BENCH_LABEL", label)

    from bench.servers import var_dir

    out_dir = var_dir()
    stem = out_dir / f"bench-{label}-{int(time.time())}"
    run = {"label": label, "quick": args.quick, "machine": machine(), "load_before": loadavg(),
           "command": " ".join([Path(sys.executable).name, *sys.argv]),
           "environment": {k: v for k, v in os.environ.items() if k.startswith("BENCH_")},
           "benchmarks": {}}
    rows: list[dict] = []
    started = time.monotonic()
    for name in names:
        log(f"== bench/{name}.py{' (quick)' if args.quick else ''}")
        result = run_module(name, quick=args.quick)
        run["benchmarks"][name] = result
        rows += result.get("rows", [])
        rows.append({"metric": f"{name}: wall time", "value": f"{result['seconds']} s",
                     "detail": "exit code 0" if not result["exit_code"]
                     else f"FAILED (exit code {result['exit_code']})", "target": ""})
        stem.with_suffix(".json").write_text(json.dumps(run, indent=1, ensure_ascii=False))
    run["seconds"] = round(time.monotonic() - started)
    run["load_after"] = loadavg()
    failed = [n for n, r in run["benchmarks"].items() if r["exit_code"]]
    run["failed"] = failed
    stem.with_suffix(".json").write_text(json.dumps(run, indent=1, ensure_ascii=False))
    m = run["machine"]
    markdown = [
        f"# Benchmark run {label}{' (quick: not figures to quote)' if args.quick else ''}", "",
        f"Commit {m['commit'][:10]}"
        f"{' with uncommitted changes' if m['uncommitted_changes'] else ''}, "
        f"{m['cores']} cores, Python {m['python']}, started {m['started']}, "
        f"{run['seconds'] // 60} min {run['seconds'] % 60} s; load average before "
        f"{run['load_before']}, after {run['load_after']}. Command: `{run['command']}`"
        + (f" with {' '.join(f'{k}={v}' for k, v in run['environment'].items())}"
           if run["environment"] else "") + ".",
        "", *table(rows),
    ]
    web = run["benchmarks"].get("web", {})
    if web.get("markdown"):
        markdown += ["", "## Web benchmark", "", web["markdown"]]
    if failed:
        markdown += ["", f"FAILED: {', '.join(failed)}"]
    stem.with_suffix(".md").write_text("\n".join(markdown) + "\n")
    print("\n".join(markdown))
    log(f"results: {stem}.json and {stem}.md ({run['seconds']} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
