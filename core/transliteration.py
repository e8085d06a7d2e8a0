"""Cyrillic in Latin letters, as passports print it: the portal's one
transliteration.

ICAO Doc 9303 (Machine Readable Travel Documents, Part 3, the table of
Cyrillic characters) is what Russian and Kazakh passports have used since
2013; the iuliia package implements its Russian alphabet: «Юлия Щукина» →
"Iuliia Shchukina", х → "kh", ц → "ts", ъ → "ie", ё → "e". Latin letters,
digits and punctuation pass unchanged.

ICAO's table has no row for the letters Kazakh, Kyrgyz, Tajik and Uzbek add
to the Russian alphabet (ә ғ қ ң ө ұ ү һ і, and ӣ ӯ ҳ ҷ ў). They are first
written as the nearest Russian letter, the practice of Kazakhstan's passport
office (and of the airlines' booking tables), then transliterated by ICAO:
қ → к → "k" (Тоқаев → "Tokaev"), ә → а → "a", ң → н → "n", һ → х → "kh",
і → и → "i"; Tajik ҳ and ҷ as х and ч, Uzbek ў as у (ICAO's own row for ў).

The portal had two copies that disagreed: the archive's slugs wrote қ as
"q" and һ as "h" (the Kazakh Latin alphabet's spelling, not a passport's),
the delegate form wrote "k" and "kh". The delegate form's Latin name must
match the passport, so its rules are the ones kept; slugs and download names
of new documents follow them too (stored slugs do not change).
"""

from __future__ import annotations

import iuliia

# The letters ICAO Doc 9303 does not list, as the Russian letters
# Kazakhstan's passport office writes them as.
_TO_RUSSIAN = str.maketrans({
    # Kazakh (ң ө ү are Kyrgyz letters too)
    "ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н", "Ң": "Н",
    "ө": "о", "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У", "һ": "х", "Һ": "Х",
    "і": "и", "І": "И",
    # Tajik (ғ қ as in Kazakh) and Uzbek (ў ғ қ ҳ)
    "ӣ": "и", "Ӣ": "И", "ӯ": "у", "Ӯ": "У", "ҳ": "х", "Ҳ": "Х", "ҷ": "ч", "Ҷ": "Ч",
    "ў": "у", "Ў": "У",
})


def to_latin(text: str | None) -> str:
    """The passport (ICAO Doc 9303) Latin form of ``text``, trimmed:
    «Қасым-Жомарт Тоқаев» → "Kasym-Zhomart Tokaev". Case is kept (a word
    in capitals stays in capitals); for a slug, pass the result to
    ``slugify``."""
    return iuliia.ICAO_DOC_9303.translate((text or "").strip().translate(_TO_RUSSIAN))
