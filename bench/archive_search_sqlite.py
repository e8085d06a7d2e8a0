"""The archive search benchmark on the SQLite fallback (the embedded
default): bench/archive_search.py with BENCH_DB=sqlite, 1,000 documents."""

import os

os.environ["BENCH_DB"] = "sqlite"

# Imported after setting BENCH_DB, which the module reads at import.
from bench.archive_search import main

if __name__ == "__main__":
    main()
