"""Text and page count of an archived file, for search and for the listing.

One reader per accepted type (archive.uploads): pypdf for PDF (AES-encrypted
files with an empty user password too: ``cryptography`` is installed),
python-docx, openpyxl (read-only mode, row by row), python-pptx, odfpy, and
plain text decoded as UTF-8 (with or without a BOM) or else Windows-1251.

Page count: the PDF's pages; the slides of a presentation; for DOCX and ODT
the page count the word processor recorded when it saved the file (Word and
LibreOffice write it to docProps/app.xml or meta.xml; None when absent); None
for spreadsheets and plain text, which have no pages until printed.

The stored text is capped at MAX_TEXT_CHARS characters (2 million: several
hundred pages, far more than search needs); readers stop early once the cap
is reached, and ``Extraction.truncated`` says so. NUL characters, which
PostgreSQL cannot store in text, are dropped.

Bounded: ``extract`` never reads in the calling process. It runs
``python -m archive.extraction`` as a child process that limits its own
address space (RLIMIT_AS) and processor time (RLIMIT_CPU) before reading, and
the parent kills it after a wall-clock budget. Before parsing, the readers
refuse files no real document resembles: more pages than
ARCHIVE_EXTRACTION_MAX_PAGES, an Office or OpenDocument file that unpacks to
more than ARCHIVE_EXTRACTION_MAX_UNPACKED_SIZE, OpenDocument XML larger than
ARCHIVE_EXTRACTION_MAX_ODF_XML_SIZE (odfpy needs ~45 bytes of memory per
byte of XML). The settings and the reasons are in the README.

Any failure raises ExtractionError, whose text (translated in the language
active when it is turned into a string) is recorded on the file for the admin.

The package, by responsibility: ``limits`` (what an extraction may cost),
``errors`` (the codes and their translated messages), ``formats`` (one
reader per type, run in the child), ``sandbox`` (the bounded child: the
parent's ``extract`` and the child's ``main``, which ``__main__`` runs).
"""

from .errors import MESSAGES, ExtractionError
from .formats import READERS, Extraction, read
from .limits import MAX_TEXT_CHARS, Limits
from .sandbox import extract

__all__ = [
    "MAX_TEXT_CHARS", "MESSAGES", "READERS", "Extraction", "ExtractionError", "Limits",
    "extract", "read",
]
