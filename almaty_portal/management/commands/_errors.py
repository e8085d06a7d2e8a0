"""What backup and restore turn into a clear message instead of a traceback
(the leading underscore keeps this module from being a command)."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import DatabaseError

from almaty_portal.backup import BackupError


@contextmanager
def errors_as_messages() -> Iterator[None]:
    try:
        yield
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    except DatabaseError as exc:
        raise CommandError(f"Database error: {exc}".strip()) from exc
    except OSError as exc:
        raise CommandError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from exc
