"""Bulk import of a plan version from a structured file (see the README):

- JSON: the structure of ``actionplan/data/plan_2012.json`` (version, title
  {ru, en}, status, adopted_on, sections, areas with objectives, actions,
  expected_results, good_practices, each text {ru, en}).
- CSV (UTF-8, header row): ``area, area_title_ru, area_title_en,
  declaration_paragraphs, kind, heading_ru, heading_en, level, text_ru,
  text_en`` where kind is objective, action, result or practice; the
  version and title come from the import form. Rows keep their order.
"""

from __future__ import annotations

import csv
import io
import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CSV_COLUMNS = [
    "area", "area_title_ru", "area_title_en", "declaration_paragraphs", "kind",
    "heading_ru", "heading_en", "level", "text_ru", "text_en",
]
KIND_KEYS = {
    "objective": "objectives", "action": "actions", "result": "expected_results",
    "practice": "good_practices",
}
MAX_BYTES = 5 * 1024 * 1024


def parse_plan_file(*, content: bytes, filename: str, version=None, title_ru="",
                    title_en="") -> dict:
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("The file must be UTF-8 text.")) from exc
    if filename.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(_("The JSON file cannot be read: %(error)s")
                                  % {"error": exc}) from exc
        if not isinstance(data, dict):
            raise ValidationError(_("The JSON file must hold one plan (an object)."))
        if version:
            data["version"] = version
        return data
    if filename.lower().endswith(".csv"):
        return _parse_csv(text, version=version, title_ru=title_ru, title_en=title_en)
    raise ValidationError(_("Upload a .json or a .csv file."))


def _parse_csv(text: str, *, version, title_ru: str, title_en: str) -> dict:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(_("Missing CSV columns: %(columns)s")
                              % {"columns": ", ".join(missing)})
    areas: dict[int, dict] = {}
    for line, row in enumerate(reader, start=2):
        try:
            number = int(row["area"])
        except ValueError as exc:
            raise ValidationError(_("Line %(line)s: the area must be a number.")
                                  % {"line": line}) from exc
        area = areas.setdefault(number, {
            "number": number, "title": {"ru": row["area_title_ru"], "en": row["area_title_en"]},
            "declaration_paragraphs": [
                int(n) for n in row["declaration_paragraphs"].replace(";", ",").split(",")
                if n.strip().isdigit()
            ],
            "objectives": [], "actions": [], "expected_results": [], "good_practices": [],
        })
        key = KIND_KEYS.get(row["kind"].strip().lower())
        if key is None:
            raise ValidationError(_("Line %(line)s: unknown kind %(kind)s.")
                                  % {"line": line, "kind": row["kind"]})
        item = {"ru": row["text_ru"], "en": row["text_en"]}
        if key in ("actions", "good_practices"):
            item["heading"] = {"ru": row["heading_ru"], "en": row["heading_en"]}
        if key == "actions":
            item["level"] = row["level"].strip()
        area[key].append(item)
    return {"version": version, "title": {"ru": title_ru, "en": title_en},
            "areas": [areas[n] for n in sorted(areas)]}
