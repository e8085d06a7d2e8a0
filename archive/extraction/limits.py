"""What one extraction may cost (``Limits``) and the cap on the stored
text. Shared by the parent, which reads the settings, and the child, which
gets them as JSON on its command line and has no Django settings."""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT_CHARS = 2_000_000
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one extraction may cost; ``from_settings`` reads the
    ARCHIVE_EXTRACTION_* settings."""

    time_seconds: float = 120
    cpu_seconds: int = 100
    memory_bytes: int = 1024 * MEGABYTE
    max_pages: int = 10_000
    max_unpacked_size: int = 256 * MEGABYTE
    max_odf_xml_size: int = 16 * MEGABYTE
    max_text_chars: int = MAX_TEXT_CHARS

    @classmethod
    def from_settings(cls) -> Limits:
        from django.conf import settings

        return cls(
            time_seconds=settings.ARCHIVE_EXTRACTION_TIME_LIMIT,
            cpu_seconds=settings.ARCHIVE_EXTRACTION_CPU_LIMIT,
            memory_bytes=settings.ARCHIVE_EXTRACTION_MEMORY_LIMIT,
            max_pages=settings.ARCHIVE_EXTRACTION_MAX_PAGES,
            max_unpacked_size=settings.ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE,
            max_odf_xml_size=settings.ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE,
        )


def megabytes(size: int) -> str:
    """``size`` in megabytes as the messages show it (``256``, ``0.5``)."""
    return f"{size / MEGABYTE:g}"
