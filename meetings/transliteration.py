"""Latin forms of Cyrillic names, as passports print them.

ICAO Doc 9303 (machine-readable travel documents) is the transliteration
Russian and Kazakh passports use since 2013; the iuliia package implements
it. ICAO has no table for the Kazakh letters beyond the Russian alphabet:
they are first written as the nearest Russian letters (ә → а, қ → к, ...),
the way Kazakhstan's passport office renders them in the Latin line."""

from __future__ import annotations

import iuliia

_KAZAKH_TO_RUSSIAN = str.maketrans({
    "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н",
    "ө": "о", "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х",
    "і": "и", "І": "И",
})


def latin_name(cyrillic: str) -> str:
    """The passport (ICAO Doc 9303) Latin form of a Cyrillic name:
    «Юлия Щукина» → "Iuliia Shchukina". Latin letters pass unchanged."""
    text = (cyrillic or "").strip().translate(_KAZAKH_TO_RUSSIAN)
    return iuliia.ICAO_DOC_9303.translate(text)
