"""Demo data: a chairmanship history from 2013 built by the rotation service.

Only the election of a first Chair at the 2013 Ministerial Conference is in
the founding texts; everything here is invented, so every term and declined
turn is recorded ``illustrative`` and the pages mark it. Kazakhstan chairs
first (an illustrative choice), then the rotation runs among the participant
states of the membership demo, in English alphabetical order, up to the term
covering today: Kyrgyzstan, Pakistan, Tajikistan, Türkiye, then (the order
starting again) Azerbaijan, Afghanistan having declined the 2023 turn (so
the history shows how a skip looks; the 2023 Conference's conclusions in the
archive demo record it), then Iran. Each later term is confirmed by the
Ministerial Conference held every two years. The state due next after today
declines that turn, so the projection shows one too. Declining is the
"voluntary basis" of the Operational Mechanism, not an amendment of it.
Representatives are fictitious. Idempotent: runs again without adding
anything once the history reaches today."""

from __future__ import annotations

import datetime

from django.utils import timezone

from membership.demo import LAUNCH
from membership.models import ParticipantState

from .enums import ChairmanshipBasis
from .models import Chairmanship, TurnDeclination
from .selectors import last_term
from .services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_propose_next,
    turn_decline,
)

FIRST_CHAIR = "KAZ"
# iso3, turn start, declined on, (note ru, note en)
DECLINATIONS = [
    # Before the 2023 Ministerial Conference, whose conclusions (archive demo,
    # "ministerial-conclusions-2023") confirm Azerbaijan for the turn.
    ("AFG", datetime.date(2023, 6, 5), datetime.date(2023, 2, 15),
     ("Отказ от очереди председательства на добровольной основе (иллюстративная запись).",
      "Declined its turn to chair, on a voluntary basis (illustrative record).")),
]

# Fictitious representatives (made-up surnames, like the demo coordinators'),
# by iso3: (name ru, name en), (title ru, title en)
REPRESENTATIVES = {
    "AFG": (("Навид Примеров", "Navid Primerov"),
            ("Заместитель министра по делам беженцев и репатриации",
             "Deputy Minister of Refugees and Repatriation")),
    "AZE": (("Сабина Образцова", "Sabina Obraztsova"),
            ("Заместитель руководителя миграционной службы",
             "Deputy Head of the Migration Service")),
    "IRN": (("Дариуш Тестов", "Dariush Testov"),
            ("Директор бюро по делам иностранцев и иммигрантов",
             "Director of the Bureau for Aliens' and Foreign Immigrants' Affairs")),
    "KAZ": (("Айгерим Демонова", "Aigerim Demonova"),
            ("Заместитель министра иностранных дел", "Deputy Minister of Foreign Affairs")),
    "KGZ": (("Нурлан Образцов", "Nurlan Obraztsov"),
            ("Заместитель министра труда и миграции", "Deputy Minister of Labour and Migration")),
    "PAK": (("Салман Примеров", "Salman Primerov"),
            ("Секретарь министерства внутренних дел", "Secretary of the Interior")),
    "TJK": (("Мадина Тестова", "Madina Testova"),
            ("Руководитель миграционной службы", "Head of the Migration Service")),
    "TUR": (("Элиф Демонова", "Elif Demonova"),
            ("Генеральный директор по миграции", "Director General of Migration Management")),
}
ILLUSTRATIVE_RU = "Иллюстративные данные: срок председательства и представитель вымышлены."
ILLUSTRATIVE_EN = "Illustrative data: the term and the representative are invented."


def _details(state: ParticipantState) -> dict[str, str]:
    (name_ru, name_en), (title_ru, title_en) = REPRESENTATIVES.get(
        state.iso3, (("Представитель", "Representative"), ("", ""))
    )
    return {
        "representative_name_ru": name_ru, "representative_name_en": name_en,
        "representative_title_ru": title_ru, "representative_title_en": title_en,
        "notes_ru": ILLUSTRATIVE_RU, "notes_en": ILLUSTRATIVE_EN, "illustrative": True,
    }


def _declinations() -> None:
    for iso3, turn_start, declined_on, (note_ru, note_en) in DECLINATIONS:
        state = ParticipantState.objects.get(iso3=iso3)
        if Chairmanship.objects.filter(state=state, start=turn_start).exists():
            continue  # a database loaded by an older demo, where it took that turn
        if not TurnDeclination.objects.filter(state=state, turn_start=turn_start).exists():
            turn_decline(state=state, turn_start=turn_start, declined_on=declined_on,
                         note_ru=note_ru, note_en=note_en, illustrative=True)


def load() -> str:
    today = timezone.localdate()
    _declinations()
    if not Chairmanship.objects.exists():
        state = ParticipantState.objects.get(iso3=FIRST_CHAIR)
        chairmanship_create(
            state=state, start=LAUNCH, basis=ChairmanshipBasis.ELECTED,
            **{**_details(state),
               "notes_ru": "Иллюстративные данные: первый Председатель избран на Министерской "
                           "конференции 2013 г.; выбор Казахстана и представитель вымышлены.",
               "notes_en": "Illustrative data: the first Chair was elected at the 2013 "
                           "Ministerial Conference; the choice of Kazakhstan and the "
                           "representative are illustrative."},
        )
    while (term := last_term()).end < today:
        proposal = chairmanship_propose_next(after=term)
        # Ministerial Conferences meet every two years: each confirms the next
        # Chair (recorded as their outcomes by the meetings demo).
        chairmanship_create_from_proposal(proposal=proposal, **_details(proposal.state))
    # The state due next declines that turn, so the projection shows a skip.
    if not TurnDeclination.objects.filter(turn_start__gt=today).exists():
        upcoming = chairmanship_propose_next()
        turn_decline(
            state=upcoming.state, turn_start=upcoming.start,
            declined_on=min(today, upcoming.start),
            note_ru="Уведомление о переносе очереди (иллюстративная запись).",
            note_en="Notice that it will not take this turn (illustrative record).",
            illustrative=True,
        )
    terms = Chairmanship.objects.count()
    declinations = TurnDeclination.objects.count()
    return f"chairmanship: {terms} terms since {LAUNCH:%Y}, {declinations} declined turns"
