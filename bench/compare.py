"""Side-by-side tables of two web benchmark runs (for bench/RESULTS.md).

    python -m bench.compare var/bench/results-baseline-*.json var/bench/results-after-*.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PAGE_TARGET = (0.5, 50, 100)  # share of bare, p95 ms, p99 ms


def _fmt(row: dict | None) -> str:
    if not row:
        return "–"
    if not row.get("requests") and "rps" in row:
        return "no response in the run"
    if "bytes" in row:  # timed one request at a time
        return (f"{row['p50']:g} ms median of {row['requests']} "
                f"(max {row['max']:g} ms), {row['bytes'] / 1e6:.2f} MB")
    return f"{row['rps']:,.0f} req/s, p50 {row['p50']:g} / p95 {row['p95']:g} / p99 {row['p99']:g}"


def _verdict(name: str, row: dict | None, bare: float) -> str:
    if not row or not row.get("requests"):
        return "missed"
    if "dashboard" in name:
        if name.endswith("c50"):
            ok = row["rps"] >= 300 and row["p95"] <= 150
            return "met" if ok else "missed"
        return ""
    if "bare" in name or "unique" in name or "sitemap" in name:
        return ""
    share, p95, p99 = PAGE_TARGET
    ok = row["rps"] >= share * bare and row["p95"] <= p95 and row["p99"] <= p99
    return "met" if ok else "missed"


def _key(rows: dict, name: str) -> str | None:
    """The same case in another run (the URL counts in names may differ)."""
    head = name.split(" (")[0]
    return next((k for k in rows if k == name or k.split(" (")[0] == head), None)


def pages(before: dict, after: dict) -> list[str]:
    bare_b = before["pages"].get("bare view (all middleware)", {}).get("rps") or 1
    bare_a = after["pages"].get("bare view (all middleware)", {}).get("rps") or 1
    lines = [("| page (closed loop, c16 unless said) | before | share of bare | after |"
             " share of bare | target | after: met? |"), "|---|---|---|---|---|---|---|"]
    for name, row in after["pages"].items():
        old = before["pages"].get(_key(before["pages"], name) or "")
        target = ""
        if "dashboard" in name and name.endswith("c50"):
            target = "≥ 300 req/s, p95 ≤ 150"
        elif _verdict(name, row, bare_a):
            target = "≥ 50%, p95 ≤ 50, p99 ≤ 100"
        share_b = "" if not old or "bytes" in old else f"{old.get('rps', 0) / bare_b:.0%}"
        share_a = "" if "bytes" in row else f"{row.get('rps', 0) / bare_a:.0%}"
        lines.append(f"| {name} | {_fmt(old)} | {share_b} | {_fmt(row)} | {share_a} | {target} | "
                     f"{_verdict(name, row, bare_a)} |")
    return lines


def search(before: dict, after: dict) -> list[str]:
    lines = ["| documents | search | before | after | target (100,000) | after: met? |",
             "|---|---|---|---|---|---|"]
    sizes = sorted({int(s) for s in (*before["search"], *after["search"])})
    for size in sizes:
        old_rows = before["search"].get(str(size)) or before["search"].get(size) or {}
        new_rows = after["search"].get(str(size)) or after["search"].get(size) or {}
        names = [*new_rows, *(n for n in old_rows if _key(new_rows, n) is None)]
        for name in names:
            new = new_rows.get(_key(new_rows, name) or "")
            old = old_rows.get(_key(old_rows, name) or "")
            target = verdict = ""
            if size >= 100_000 and "unique" in name:
                limit = 30 if name.startswith("rare") else 150 if name.startswith("common") else 0
                if limit:
                    target = f"p95 ≤ {limit} ms"
                    verdict = "met" if new and new.get("requests") and new["p95"] <= limit \
                        else "missed"
            lines.append(f"| {size:,} | {name} | {_fmt(old)} | {_fmt(new)} | {target} | "
                         f"{verdict} |")
    return lines


def open_loop(run: dict) -> list[str]:
    lines = ["| case (rate) | achieved req/s | p50 | p95 | p99 | errors | load |",
             "|---|---|---|---|---|---|---|"]
    for name, row in run.get("open_loop", {}).items():
        lines.append(f"| {name} | {row['achieved_rps']} | {row['p50']:g} | {row['p95']:g} | "
                     f"{row['p99']:g} | {row['status'] + row['failed']} | {row['load']} |")
    return lines


def inserts(run: dict) -> list[str]:
    lines = [("| case (search: rare + common terms; pages: home and documents; unique URLs) "
             "| req/s | p50 | p95 | p99 | load |"),
             "|---|---|---|---|---|---|"]
    for name, row in run.get("inserts", {}).items():
        if not isinstance(row, dict):
            lines.append(f"| {name}: {row} | | | | | |")
            continue
        rps = row.get("rps", row.get("achieved_rps"))
        lines.append(f"| {name} | {rps} | {row['p50']:g} | {row['p95']:g} | {row['p99']:g} | "
                     f"{row['load']} |")
    return lines


def main() -> None:
    before, after = (json.loads(Path(p).read_text()) for p in sys.argv[1:3])
    out = ["### Pages", "", *pages(before, after), "", "### Archive search", "",
           *search(before, after), "", "### Open loop, before", "", *open_loop(before), "",
           "### Open loop, after", "", *open_loop(after), "",
           "### Search while documents are added, before", "", *inserts(before), "",
           "### Search while documents are added, after", "", *inserts(after)]
    print("\n".join(out))


if __name__ == "__main__":
    main()
