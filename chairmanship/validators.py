"""Term arithmetic and checks that need no other rows."""

import datetime
import unicodedata

TERM_YEARS = 2


def term_end_for(start: datetime.date) -> datetime.date:
    """The last day (inclusive) of a two-year term that starts on ``start``.

    The next term starts on the same calendar day two years later; a term
    starting on 29 February hands over on 1 March.
    """
    try:
        handover = start.replace(year=start.year + TERM_YEARS)
    except ValueError:  # 29 February -> a year without one
        handover = datetime.date(start.year + TERM_YEARS, 3, 1)
    return handover - datetime.timedelta(days=1)


def rotation_sort_key(rotation_key: str) -> str:
    """Orders states by their rotation key (``ParticipantState.rotation_key``,
    the English short name recorded once), folding case and accents:
    "Türkiye" sorts as "turkiye", so before "Turkmenistan". Never pass the
    display name: correcting it must not reorder the rotation."""
    decomposed = unicodedata.normalize("NFKD", rotation_key)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
