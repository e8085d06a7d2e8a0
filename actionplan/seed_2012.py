"""The Regional Cooperation Framework adopted by the national coordinators
of Kazakhstan, the Kyrgyz Republic, Tajikistan and Turkmenistan on
7 September 2012, and its annex, the draft Regional Action Plan: the first
plan version of the portal (``manage.py actionplan_load_2012``, and the
demo).

The text is data, kept in ``actionplan/data/plan_2012.json`` (shipped with
the package) in the structure of the bulk import (see the README and
``actionplan.imports``): that file is itself a plan version the admin's
"Import a plan from a file" accepts. This module only reads it.

The Russian is the text as written (lines broken by the PDF rejoined,
footnote calls removed and the footnotes kept as notes); the English is the
Support Unit's working translation. Areas, objectives, actions, expected
results and good practices keep the order of the annex. Where the annex
groups actions under a level (operational, capacity building, cooperation
and coordination) ``level`` says so; elsewhere it groups them under a
thematic heading and the level is left to the secretariat (empty)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent / "data" / "plan_2012.json"


# Read once, when the loader (the management command, the demo) imports it.
PLAN: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
