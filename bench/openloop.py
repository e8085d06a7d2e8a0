"""Open-loop load at a fixed rate (wrk2 is not in Debian).

Request i is *scheduled* at start + i / rate whatever happened to the
earlier ones, each on its own connection (gunicorn's sync workers close the
connection after every response anyway), and its latency is measured from
its scheduled time to the last byte of the response. A server that falls
behind therefore shows the queueing its visitors would see, instead of the
client politely waiting for it (the "coordinated omission" of closed-loop
tools such as wrk). The client runs in one asyncio loop; its own lag counts
against the server, so the figures are, if anything, pessimistic.

    python -m bench.openloop --port 8000 --rate 50 --duration 10 /ru/ /en/
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from collections.abc import Callable


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _one(host: str, port: int, path: str, headers: str, timeout: float) -> int:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}"
                     "Connection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    return int(data[9:12]) if data.startswith(b"HTTP/1.") else 0


async def run(*, host: str, port: int, paths: list[str], rate: float, duration: float,
              headers: dict[str, str] | None = None, unique: bool = False,
              timeout: float = 10.0, max_in_flight: int = 256,
              group_of: Callable[[str], str] | None = None) -> dict:
    """``group_of``: a name for each path (e.g. "search" or "page"), to
    report the percentiles of each group beside those of all requests."""
    header_lines = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    loop = asyncio.get_running_loop()
    count = int(rate * duration)
    start = loop.time() + 0.2
    latencies: list[float] = []
    groups: dict[str, list[float]] = {}
    errors = {"status": 0, "failed": 0}
    slots = asyncio.Semaphore(max_in_flight)
    cycle = itertools.cycle(paths)

    async def one(i: int, path: str) -> None:
        scheduled = start + i / rate
        delay = scheduled - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        group = groups.setdefault(group_of(path), []) if group_of else []
        if unique:
            path += ("&" if "?" in path else "?") + f"_o={i}-{time.monotonic_ns()}"
        async with slots:
            try:
                status = await _one(host, port, path, header_lines, timeout)
            except (TimeoutError, OSError):
                errors["failed"] += 1
                latencies.append(timeout)
                group.append(timeout)
                return
        latencies.append(loop.time() - scheduled)
        group.append(latencies[-1])
        if status >= 400 or status == 0:
            errors["status"] += 1

    await asyncio.gather(*(one(i, next(cycle)) for i in range(count)))
    elapsed = loop.time() - start
    ms = [x * 1000 for x in latencies]
    out = {
        "rate": rate, "sent": count, "achieved_rps": round(count / elapsed, 1),
        "p50": round(percentile(ms, 0.50), 1), "p90": round(percentile(ms, 0.90), 1),
        "p95": round(percentile(ms, 0.95), 1), "p99": round(percentile(ms, 0.99), 1),
        "max": round(max(ms), 1) if ms else None, **errors,
    }
    if group_of:
        out["groups"] = {
            name: {"requests": len(values),
                   **{f"p{q}": round(percentile([x * 1000 for x in values], q / 100), 1)
                      for q in (50, 95, 99)}}
            for name, values in sorted(groups.items())
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Open-loop load at a fixed rate.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--unique", action="store_true")
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    headers = dict(h.split(": ", 1) for h in args.header)
    print(json.dumps(asyncio.run(run(host=args.host, port=args.port, paths=args.paths,
                                     rate=args.rate, duration=args.duration,
                                     headers=headers, unique=args.unique))))


if __name__ == "__main__":
    main()
