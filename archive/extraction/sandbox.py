"""The bounded child process: ``extract`` never reads in the calling
process. It runs ``python -m archive.extraction`` (``__main__.py``, which
calls ``main`` here) as a child that limits its own address space
(RLIMIT_AS) and processor time (RLIMIT_CPU) before reading, and the parent
kills it after a wall-clock budget. The child answers with one JSON object
on stdout; the parent turns it, or the way the child ended, into an
``Extraction`` or an ``ExtractionError``."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .. import uploads
from .errors import MESSAGES, ExtractionError
from .formats import READERS, Extraction, read
from .limits import MEGABYTE, Limits, megabytes

# The project root, so that the child finds the ``archive`` package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
# How much of a crashed child's stderr is kept in the message.
DETAIL_CHARS = 300


# --- The parent's side ---------------------------------------------------------------

@contextlib.contextmanager
def _path_of(file: IO[bytes]) -> Iterator[str]:
    """A filesystem path holding ``file``'s bytes: the file's own path when
    it is an open file of the local storage, else a temporary copy."""
    inner = getattr(file, "file", file)  # Django's File wraps the real file object
    name = getattr(inner, "name", None)
    if isinstance(name, str) and Path(name).is_absolute() and Path(name).is_file():
        yield name
        return
    with tempfile.NamedTemporaryFile(prefix="archive-extraction-") as copy:
        file.seek(0)
        shutil.copyfileobj(file, copy, uploads.CHUNK_SIZE)
        copy.flush()
        yield copy.name


def _child_environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def _seconds(value: float) -> str:
    return f"{value:g}"


def _outcome(done: subprocess.CompletedProcess, limits: Limits) -> Extraction:
    """The child's answer, or what its end says about it."""
    if done.returncode == 0:
        try:
            payload = json.loads(done.stdout)
        except ValueError:
            payload = {"error": "crashed", "params": {"detail": "no result"}}
        if "error" not in payload:
            return Extraction(text=payload["text"], page_count=payload["page_count"],
                              truncated=payload["truncated"])
        if payload["error"] in MESSAGES:
            raise ExtractionError(payload["error"], **payload["params"])
        raise ExtractionError("crashed", detail=str(payload["error"])[:DETAIL_CHARS])
    stderr = done.stderr.decode("utf-8", errors="replace").strip()
    if done.returncode == -signal.SIGXCPU:
        raise ExtractionError("cpu", seconds=limits.cpu_seconds)
    if "MemoryError" in stderr:
        raise ExtractionError("memory", limit=megabytes(limits.memory_bytes))
    if done.returncode < 0:
        detail = signal.Signals(-done.returncode).name
    else:
        detail = (stderr.splitlines() or [f"exit status {done.returncode}"])[-1]
    raise ExtractionError("crashed", detail=detail[:DETAIL_CHARS])


def extract(file: IO[bytes], *, mime_type: str, limits: Limits | None = None) -> Extraction:
    """Read the text and page count of ``file`` (binary, seekable) in a
    child process bounded by ``limits`` (by default the settings'); raise
    ExtractionError when the file cannot be read or a limit is reached."""
    limits = limits or Limits.from_settings()
    if mime_type not in READERS:
        raise ExtractionError("unknown_type", mime_type=mime_type)
    with _path_of(file) as path:
        command = [sys.executable, "-m", "archive.extraction", path, mime_type,
                   json.dumps(dataclasses.asdict(limits))]
        try:
            done = subprocess.run(  # noqa: S603 (our own interpreter and module, no shell)
                command, stdin=subprocess.DEVNULL, capture_output=True, check=False,
                timeout=limits.time_seconds, cwd=PROJECT_ROOT, env=_child_environment(),
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError("timeout", seconds=_seconds(limits.time_seconds)) from exc
    return _outcome(done, limits)



# --- The child's side ----------------------------------------------------------------

def _limit_this_process(limits: Limits) -> None:
    """Lower this process's address space and processor time limits (past
    the soft CPU limit the kernel sends SIGXCPU, a second later SIGKILL)."""
    import resource

    def lower(kind: int, soft: int, hard: int) -> None:
        _, current_hard = resource.getrlimit(kind)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        resource.setrlimit(kind, (soft, hard))

    lower(resource.RLIMIT_AS, limits.memory_bytes, limits.memory_bytes)
    lower(resource.RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + 1)


def _used_the_memory_allowed(limits: Limits) -> bool:
    """Did this process's address space peak near its limit? Parsers such
    as lxml report a failed allocation as a syntax error ("unknown error")."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("VmPeak:"):
            peak = int(line.split()[1]) * 1024
            return peak >= limits.memory_bytes - max(32 * MEGABYTE, limits.memory_bytes // 10)
    return False


def main(argv: list[str]) -> int:
    """``python -m archive.extraction PATH MIME_TYPE LIMITS_JSON``: one JSON
    object on stdout, the extraction or {"error": code, "params": {...}}."""
    path, mime_type, limits_json = argv
    limits = Limits(**json.loads(limits_json))
    _limit_this_process(limits)
    try:
        with Path(path).open("rb") as file:
            result = read(file, mime_type=mime_type, limits=limits)
        payload = {"text": result.text, "page_count": result.page_count,
                   "truncated": result.truncated}
    except ExtractionError as exc:
        payload = {"error": exc.code, "params": exc.params}
        if exc.code == "unreadable" and _used_the_memory_allowed(limits):
            payload = {"error": "memory",
                       "params": {"limit": megabytes(limits.memory_bytes)}}
    except MemoryError:
        payload = {"error": "memory", "params": {"limit": megabytes(limits.memory_bytes)}}
    sys.stdout.write(json.dumps(payload))
    return 0

