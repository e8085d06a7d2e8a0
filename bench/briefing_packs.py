"""Benchmark of briefing packs: build time and peak memory of a pack of 10,
30 and 100 documents of 10 pages each (30 documents = 300 appended pages,
the issue's reference pack), beside a bare WeasyPrint + pypdf run on the
same content (the same HTML laid out once, the same PDFs appended, no
second layout of the contents, no page numbers stamped, no database).

Each measurement runs in its own child process (``--child MODE SIZE``) on a
copy of one migrated SQLite database, so that its peak RSS is its own (what
a worker process would need) and nothing is cached from a previous run.
The documents' PDFs are real text pages laid out by WeasyPrint (five
distinct 10-page PDFs, reused with a unique trailer comment so that each
file has its own hash).

Run alone with ``python -m bench.briefing_packs`` (from the project root) or
through ``make bench``. With BENCH_JSON=<path> the figures are also written
there as JSON rows.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = [int(n) for n in os.environ.get("BENCH_PACK_SIZES", "10,30,100").split(",")]
PAGES_PER_DOCUMENT = 10
TARGET_SECONDS = 10  # the 30-document pack
TARGET_MB = 400
ROOT = Path(__file__).resolve().parent.parent


def _setup(tmp: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ["ARCHIVE_ROOT"] = str(tmp / "archive")
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "almaty_portal.settings.test")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def _source_pdfs(tmp: Path) -> list[bytes]:
    """Five distinct documents of PAGES_PER_DOCUMENT text pages each."""
    from weasyprint import HTML

    paragraph = (
        "Смешанные миграционные потоки в Центральной Азии требуют согласованных мер защиты "
        "беженцев и трудовых мигрантов. Mixed migration flows call for coordinated "
        "protection of refugees and labour migrants. "
    ) * 6
    pdfs = []
    for number in range(5):
        html = (
            "<style>@font-face{font-family:N;src:url(fonts/NotoSans-Regular.ttf)}"
            "html{font-family:N;font-size:10.5pt} section{break-after:page}</style>"
            + "".join(f"<section><h1>Документ {number}, страница {page + 1}</h1>"
                      + f"<p>{paragraph}</p>" * 2 + "</section>"
                      for page in range(PAGES_PER_DOCUMENT))
        )
        pdfs.append(HTML(string=html, base_url=str(ROOT / "static") + "/").write_pdf())
    return pdfs


def _dataset(size: int, sources: list[bytes]):
    """A held meeting with an agenda and ``size`` selected documents."""
    import datetime
    import hashlib

    from django.core.files.base import ContentFile

    from archive.enums import AccessLevel, DocumentType, PublicationStatus
    from archive.models import Document, DocumentFile
    from briefings.models import PackDocument
    from meetings.enums import MeetingKind, MeetingStatus
    from meetings.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(
        kind=MeetingKind.SENIOR_OFFICIALS, title_ru="Совещание старших должностных лиц",
        title_en="Senior Officials' Meeting", title="Совещание старших должностных лиц",
        slug=f"som-{size}", status=MeetingStatus.HELD, start=datetime.date(2024, 10, 15),
        end=datetime.date(2024, 10, 16), city_ru="Алматы", city_en="Almaty",
    )
    for position in range(12):
        AgendaItem.objects.create(
            meeting=meeting, position=position, day=meeting.start,
            title_ru=f"Пункт повестки дня {position + 1}", title_en=f"Agenda item {position + 1}",
            title=f"Пункт повестки дня {position + 1}",
        )
    for number in range(size):
        document = Document.objects.create(
            title_ru=f"Доклад о смешанной миграции № {number}", title=f"Доклад № {number}",
            title_en=f"Report on mixed migration no. {number}",
            summary_ru="Краткое содержание доклада о беженцах и трудовых мигрантах. " * 3,
            slug=f"doc-{size}-{number}", doc_type=DocumentType.REPORT,
            date=datetime.date(2024, 9, 1), access=AccessLevel.PUBLIC,
            status=PublicationStatus.PUBLISHED,
        )
        content = sources[number % len(sources)] + f"\n%bench {size}-{number}\n".encode()
        DocumentFile.objects.create(
            document=document, language="ru", file=ContentFile(content, name="d.pdf"),
            original_filename="d.pdf", size=len(content),
            sha256=hashlib.sha256(content).hexdigest(), mime_type="application/pdf",
        )
        PackDocument.objects.create(meeting=meeting, document=document, position=number)
    return meeting


def _child(mode: str, size: int, tmp: Path) -> dict:
    _setup(tmp)
    from briefings import pdf
    from briefings.models import BriefingPack
    from briefings.services import pack_layout_inputs, pack_request

    meeting = _dataset(size, json_sources(tmp))
    baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if mode == "full":
        started = time.perf_counter()
        pack = pack_request(meeting=meeting, language="ru")  # runs in-process (eager)
        elapsed = time.perf_counter() - started
        pack = BriefingPack.objects.get(pk=pack.pk)
        assert pack.status == "done", pack.error
        pages = pack.page_count
    else:
        from django.utils import translation
        from pypdf import PdfWriter

        pack = BriefingPack.objects.create(meeting=meeting, language="ru")
        started = time.perf_counter()
        with translation.override("ru"):
            context, _sections, appendices, _record = pack_layout_inputs(
                pack, lambda *args: None)
            engine = pdf.PdfEngine()
            front = engine.layout("briefings/pdf/front.html", {**context, "toc": []},
                                  language="ru")
            body = engine.layout("briefings/pdf/body.html", context, language="ru")
            writer = PdfWriter()
            for reader in (engine.to_reader(front), engine.to_reader(body)):
                for page in reader.pages:
                    writer.add_page(page)
            for appendix in appendices:
                for page in appendix.reader.pages:
                    writer.add_page(page)
            with (tmp / "bare.pdf").open("wb") as out:
                writer.write(out)
        elapsed = time.perf_counter() - started
        pages = len(writer.pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "size": size, "seconds": elapsed, "pages": pages,
            "peak_mb": peak, "before_mb": baseline_rss}


def json_sources(tmp: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted((tmp.parent / "sources").glob("*.pdf"))]


def run() -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix="almaty-bench-packs-"))
    try:
        template = work / "template"
        template.mkdir()
        _setup(template)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        (work / "sources").mkdir()
        for number, content in enumerate(_source_pdfs(work)):
            (work / "sources" / f"{number}.pdf").write_bytes(content)
        results = []
        for size in SIZES:
            for mode in ("full", "bare"):
                tmp = work / f"{mode}-{size}"
                shutil.copytree(template, tmp)
                proc = subprocess.run(
                    [sys.executable, "-m", "bench.briefing_packs", "--child", mode, str(size),
                     str(tmp)],
                    cwd=ROOT, capture_output=True, text=True, check=False,
                    env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
                )
                if proc.returncode:
                    raise RuntimeError(proc.stderr[-3000:])
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"{mode:4} {size:3} documents: {result['pages']} pages in "
                      f"{result['seconds']:.2f} s, peak {result['peak_mb']:.0f} MB "
                      f"(before the build {result['before_mb']:.0f} MB)", file=sys.stderr)
                results.append(result)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    by = {(r["mode"], r["size"]): r for r in results}
    for size in SIZES:
        full, bare = by[("full", size)], by[("bare", size)]
        rows.append({
            "metric": f"briefing pack, {size} documents x {PAGES_PER_DOCUMENT} pages",
            "value": f"{full['seconds']:.1f} s, {full['peak_mb']:.0f} MB",
            "detail": f"{full['pages']} pages; bare WeasyPrint + pypdf {bare['seconds']:.1f} s, "
                      f"{bare['peak_mb']:.0f} MB ({bare['pages']} pages)",
            "target": f"< {TARGET_SECONDS} s, < {TARGET_MB} MB" if size == 30 else "",
        })
    return rows


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, size, tmp = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
        print(json.dumps(_child(mode, size, tmp)))
        return
    rows = run()
    width = max(len(r["metric"]) for r in rows)
    for row in rows:
        print(f"{row['metric']:{width}}  {row['value']:>16}  {row['detail']}")
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
