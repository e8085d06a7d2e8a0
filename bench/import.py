# ruff: noqa: N999 -- the name issue 27 gives it; run as `python -m bench.import`, never imported.
"""Bulk import of an existing archive (issue 27): ``python -m bench.import``
(``make bench-import``).

Generates N documents (``--documents``, default 5,000; ``BENCH_IMPORT_DOCUMENTS``)
as a manifest and its files, a Russian and an English plain-text file of
each (bench/archive_search.py's TextMaker: inflected Russian and English
domain words, a few kB each), and imports them into a throwaway PostgreSQL
(the test plugin's server) through ``archive_import_from_command``, the
path of ``manage.py archive_import``. Measures:

- the import's wall time and rows per second (each row's file read twice,
  checked and hashed: by the plan, then by ``document_file_add``; each
  document in its own transaction through the archive's services);
- the importing process's peak memory (``ru_maxrss``), beside its size
  before the import;
- the archive's search latency while the import runs, from another process
  (``documents_search`` over the published documents, first page of 20,
  Russian and English queries), beside the same queries once it is done;
- a second run of the same manifest (everything unchanged).

Tasks run in-process (eager): each document is indexed (titles, summaries)
as it commits, so the searches see the import's documents. The text
extraction each file queues (a sandboxed child process per file, a worker's
backlog in production) is left out of the import's time: the figure given
for it is a sample of files extracted one after the other afterwards.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.plugins import services

QUERIES = ["миграция", "беженцев защита", "трудовых мигрантов", "граница", "labour migration",
           "refugee protection", "border management", "migrants rights", "сотрудничество",
           "national coordinators"]
THEMES = ["refugee-protection", "labour-migration", "border-management", "mass-influx",
          "migration-development"]
TYPES = ["report", "study", "statement", "concept_note", "fact_sheet", "news"]
EXTRACTION_SAMPLE = 40


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings.test")
    import django

    django.setup()


def _defer_extraction() -> None:
    """Tasks run in-process (eager), so each imported document is indexed
    (titles, summaries) as it commits, and the search sees it; the text
    extraction each file queues is left out of the import's time (a
    worker's backlog), measured on a sample afterwards."""
    from archive.tasks import extract_file

    extract_file.apply_async = lambda *args, **kwargs: None


def _write_dataset(folder: Path, count: int) -> tuple[Path, int]:
    """The manifest and its files; returns the manifest and the bytes written."""
    from bench.archive_search import TextMaker

    maker, rng = TextMaker(), random.Random(27)
    files = folder / "files"
    files.mkdir(parents=True)
    size = 0
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["symbol", "title_ru", "title_en", "summary_ru", "summary_en", "date",
                         "type", "access", "themes", "language", "file"])
        for n in range(count):
            symbol = f"BENCH/IMP/{n}"
            title_ru, title_en = maker.ru_title().rstrip("."), maker.en_title().rstrip(".")
            date = f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            themes = ";".join(rng.sample(THEMES, rng.randint(0, 2)))
            for language, text in (("ru", maker.ru_text(400)), ("en", maker.en_text(350))):
                path = files / f"{n // 1000:02d}" / f"doc-{n}-{language}.txt"
                path.parent.mkdir(exist_ok=True)
                data = f"{symbol}\n{text}\n".encode()
                path.write_bytes(data)
                size += len(data)
                first = language == "ru"
                writer.writerow([
                    symbol, title_ru if first else "", title_en if first else "",
                    maker.ru_text(40) if first else "", maker.en_text(35) if first else "",
                    date if first else "", rng.choice(TYPES) if first else "",
                    "public" if first else "", themes if first else "", language,
                    path.relative_to(files).as_posix(),
                ])
    return manifest, size


def _search_loop(url: str, stop, results) -> None:
    """Another process: the archive's search, over and over, until told to stop."""
    _setup_django(url)
    from archive.models import Document
    from archive.search import documents_search

    timings = []
    index = 0
    while not stop.is_set():
        query = QUERIES[index % len(QUERIES)]
        index += 1
        started = time.perf_counter()
        list(documents_search(Document.objects.filter(status="published"), query)[:20])
        timings.append((time.perf_counter() - started) * 1000)
        time.sleep(0.2)
    results.put(timings)


def _start_searcher(url: str):
    """The search process, forked without this process's connections."""
    from django.db import connections

    connections.close_all()
    stop, results = multiprocessing.Event(), multiprocessing.Queue()
    process = multiprocessing.Process(target=_search_loop, args=(url, stop, results))
    process.start()
    return process, stop, results


def _measure_search(url: str, seconds: float) -> list[float]:
    process, stop, results = _start_searcher(url)
    time.sleep(seconds)
    stop.set()
    timings = results.get()
    process.join()
    return timings


def _summary(timings: list[float]) -> dict:
    if not timings:
        return {"queries": 0}
    ordered = sorted(timings)
    return {"queries": len(ordered), "median_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max_ms": round(ordered[-1], 1)}


def _extraction_sample() -> float:
    """Seconds per file, extracting a sample one after the other."""
    from archive.models import DocumentFile
    from archive.services import document_file_extract, document_file_extraction_attempt_start

    ids = list(DocumentFile.objects.order_by("pk").values_list("pk", flat=True)[
        :EXTRACTION_SAMPLE])
    started = time.perf_counter()
    for file_id in ids:
        document_file_extraction_attempt_start(file_id=file_id)
        document_file_extract(file_id=file_id)
    return (time.perf_counter() - started) / max(1, len(ids))


def run(count: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="almaty-bench-import-"))
    tmp.chmod(0o755)
    services._state["tmp"] = tmp
    try:
        url = services._start_postgresql(tmp)
        from bench.archive_search import _create_database

        _create_database(url)
        os.environ["ARCHIVE_ROOT"] = str(tmp / "archive")
        os.environ["ARCHIVE_IMPORT_WORK_DIR"] = str(tmp / "imports")
        _setup_django(url)
        from django.core.management import call_command

        from archive.imports import archive_import_from_command
        from archive.models import Document

        call_command("migrate", verbosity=0)
        _defer_extraction()
        started = time.perf_counter()
        manifest, size = _write_dataset(tmp / "dataset", count)
        print(f"generated {count} documents ({2 * count} files, {size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)

        rss_before = _rss_mb()
        searcher, stop, results = _start_searcher(url)
        started = time.perf_counter()
        archive_import = archive_import_from_command(
            manifest=manifest, files_dir=tmp / "dataset" / "files", dry_run=False)
        elapsed = time.perf_counter() - started
        stop.set()
        during = results.get()
        searcher.join()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"imported in {elapsed:.1f} s: {archive_import.created_count} created, "
              f"{archive_import.refused_count} refused", file=sys.stderr)

        after = _measure_search(url, 20)
        started = time.perf_counter()
        again = archive_import_from_command(
            manifest=manifest, files_dir=tmp / "dataset" / "files", dry_run=False)
        rerun = time.perf_counter() - started
        per_file = _extraction_sample()
        return {
            "documents": count, "rows": archive_import.rows_total,
            "bytes": size, "status": archive_import.status,
            "created": archive_import.created_count, "refused": archive_import.refused_count,
            "seconds": round(elapsed, 1), "rows_per_second": round(
                archive_import.rows_total / elapsed, 1),
            "rss_before_mb": round(rss_before), "peak_rss_mb": round(peak),
            "search_during": _summary(during), "search_after": _summary(after),
            "rerun_seconds": round(rerun, 1), "rerun_unchanged": again.unchanged_count,
            "rerun_created": again.created_count,
            "extraction_seconds_per_file": round(per_file, 2),
            "documents_in_archive": Document.objects.count(),
            "load_average": os.getloadavg(),
        }
    finally:
        services._stop_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=int,
                        default=int(os.environ.get("BENCH_IMPORT_DOCUMENTS", 5000)))
    options = parser.parse_args()
    print(json.dumps(run(options.documents), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
