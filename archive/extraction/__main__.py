"""``python -m archive.extraction PATH MIME_TYPE LIMITS_JSON``: the bounded
child that ``archive.extraction.extract`` starts (see ``sandbox.main``)."""

import sys

from .sandbox import main

sys.exit(main(sys.argv[1:]))
