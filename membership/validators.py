import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_iso2(value: str) -> None:
    if not re.fullmatch(r"[A-Z]{2}", value or ""):
        raise ValidationError(
            _("Enter the two capital letters of the ISO 3166 alpha-2 code, e.g. KZ."),
            code="iso2",
        )


def validate_iso3(value: str) -> None:
    if not re.fullmatch(r"[A-Z]{3}", value or ""):
        raise ValidationError(
            _("Enter the three capital letters of the ISO 3166 alpha-3 code, e.g. KAZ."),
            code="iso3",
        )
