import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .enums import WorkingLanguage


def validate_time_zone(value: str) -> None:
    """An IANA time zone name, such as Asia/Almaty."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Asia/Almaty."),
            code="time_zone", params={"value": value},
        )


def validate_working_languages(value) -> None:
    """A non-empty list of known language codes, each once."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one working language."), code="languages_empty")
    known = set(WorkingLanguage.values)
    unknown = [code for code in value if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown working language: %(codes)s."),
            code="languages_unknown", params={"codes": ", ".join(map(str, unknown))},
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A working language is listed twice."), code="languages_twice")
