"""Run every benchmark under bench/ and print one table (``make bench``).

Each module ``bench/<name>.py`` (other than this one) runs in its own
process, so that its peak memory is its own and a crash in one does not stop
the others. A module writes its figures as JSON rows to $BENCH_JSON (keys
metric, value, detail, target); its progress goes to stderr, shown as it
runs. Figures and targets are recorded in bench/RESULTS.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


# Modules of bench/ that serve the benchmarks and are not benchmarks: the
# dataset generator, the servers, the settings and URLs of the web
# benchmark, the open-loop client, the side-by-side tables.
HELPERS = {"run", "__init__", "generate", "servers", "settings", "urls", "openloop", "compare"}


def modules() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("*.py") if p.stem not in HELPERS)


def run_module(name: str) -> tuple[list[dict], float, int]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", f"bench.{name}"], cwd=ROOT,
            env={**os.environ, "BENCH_JSON": out.name}, check=False,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.monotonic() - started
        text = Path(out.name).read_text()
    rows = json.loads(text) if text.strip() else []
    return rows, elapsed, proc.returncode


def main() -> int:
    table: list[dict] = []
    failed = []
    for name in modules():
        print(f"== bench/{name}.py", file=sys.stderr, flush=True)
        rows, elapsed, code = run_module(name)
        if code:
            failed.append(name)
        table += rows
        table.append({"metric": f"{name}: wall time", "value": f"{elapsed:.0f} s",
                      "detail": "exit code 0" if not code else f"FAILED (exit code {code})",
                      "target": ""})
    headers = ("metric", "value", "target", "detail")
    widths = [max(len(h), *(len(str(r.get(h, ""))) for r in table)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print("  ".join(str(row.get(h, "")).ljust(w) for h, w in zip(headers, widths, strict=True)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
