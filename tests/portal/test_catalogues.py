"""The interface catalogues: Russian complete, both valid for msgfmt (the
tool `make messages` compiles them with)."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_catalogue_passes_msgfmt_checks(lang):
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"

    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(po)],
        capture_output=True, text=True, check=False,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("selection", ["--untranslated", "--only-fuzzy"])
def test_russian_catalogue_has_no_untranslated_or_fuzzy_entries(selection):
    po = LOCALE / "ru" / "LC_MESSAGES" / "django.po"

    result = subprocess.run(
        ["msgattrib", selection, "--no-obsolete", "--no-location", str(po)],
        capture_output=True, text=True, check=True,
    )

    assert result.stdout == ""
