"""Demo data: the states and observer organisations named in the founding
documents, with an illustrative membership history. Idempotent."""

import datetime

from .enums import MembershipStatus, OrganisationKind
from .models import MembershipPeriod, Organisation, ParticipantState

LAUNCH = datetime.date(2013, 6, 5)  # the 2013 Ministerial Conference (illustrative date)
NO_OBJECTION_DEADLINE = datetime.date(2013, 8, 31)

# iso2, iso3, (short en, short ru), (official en, official ru)
STATES = [
    ("AF", "AFG", ("Afghanistan", "Афганистан"),
     ("Islamic Republic of Afghanistan", "Исламская Республика Афганистан")),
    ("AZ", "AZE", ("Azerbaijan", "Азербайджан"),
     ("Republic of Azerbaijan", "Азербайджанская Республика")),
    ("IR", "IRN", ("Iran", "Иран"),
     ("Islamic Republic of Iran", "Исламская Республика Иран")),
    ("KZ", "KAZ", ("Kazakhstan", "Казахстан"),
     ("Republic of Kazakhstan", "Республика Казахстан")),
    ("KG", "KGZ", ("Kyrgyzstan", "Кыргызстан"),
     ("Kyrgyz Republic", "Кыргызская Республика")),
    ("PK", "PAK", ("Pakistan", "Пакистан"),
     ("Islamic Republic of Pakistan", "Исламская Республика Пакистан")),
    ("TJ", "TJK", ("Tajikistan", "Таджикистан"),
     ("Republic of Tajikistan", "Республика Таджикистан")),
    ("TR", "TUR", ("Türkiye", "Турция"),
     ("Republic of Türkiye", "Турецкая Республика")),
    ("TM", "TKM", ("Turkmenistan", "Туркменистан"),
     ("Turkmenistan", "Туркменистан")),
]

# iso3 -> list of (status, start, end, deadline, note)
HISTORY = {
    "IRN": [
        (MembershipStatus.PENDING, LAUNCH, NO_OBJECTION_DEADLINE, NO_OBJECTION_DEADLINE,
         "Participation awaiting an internal procedure (no-objection procedure)."),
        (MembershipStatus.PARTICIPANT, datetime.date(2013, 9, 1), None, None, ""),
    ],
    "PAK": [
        (MembershipStatus.PENDING, LAUNCH, NO_OBJECTION_DEADLINE, NO_OBJECTION_DEADLINE,
         "Participation awaiting an internal procedure (no-objection procedure)."),
        (MembershipStatus.PARTICIPANT, datetime.date(2013, 9, 1), None, None, ""),
    ],
    "TKM": [
        (MembershipStatus.PARTICIPANT, datetime.date(2014, 3, 1), None, None,
         "Joined after the launch of the process."),
    ],
}

# slug, kind, (name en, name ru), (acronym en, acronym ru), website
ORGANISATIONS = [
    ("iom", OrganisationKind.INTERNATIONAL,
     ("International Organization for Migration", "Международная организация по миграции"),
     ("IOM", "МОМ"), "https://www.iom.int/"),
    ("unhcr", OrganisationKind.INTERNATIONAL,
     ("Office of the United Nations High Commissioner for Refugees",
      "Управление Верховного комиссара ООН по делам беженцев"),
     ("UNHCR", "УВКБ ООН"), "https://www.unhcr.org/"),
    ("osce", OrganisationKind.REGIONAL,
     ("Organization for Security and Co-operation in Europe",
      "Организация по безопасности и сотрудничеству в Европе"),
     ("OSCE", "ОБСЕ"), "https://www.osce.org/"),
    ("unrcca", OrganisationKind.INTERNATIONAL,
     ("United Nations Regional Centre for Preventive Diplomacy for Central Asia",
      "Региональный центр ООН по превентивной дипломатии для Центральной Азии"),
     ("UNRCCA", "РЦПДЦА"), "https://unrcca.unmissions.org/"),
    ("eu", OrganisationKind.REGIONAL,
     ("European Union", "Европейский союз"), ("EU", "ЕС"), "https://european-union.europa.eu/"),
    ("icmpd", OrganisationKind.INTERNATIONAL,
     ("International Centre for Migration Policy Development",
      "Международный центр по развитию миграционной политики"),
     ("ICMPD", "МЦРМП"), "https://www.icmpd.org/"),
]


def load() -> str:
    for iso2, iso3, (short_en, short_ru), (official_en, official_ru) in STATES:
        state, _created = ParticipantState.objects.update_or_create(
            iso3=iso3,
            defaults={
                "iso2": iso2,
                "name_en": short_en, "name_ru": short_ru, "name": short_ru,
                "official_name_en": official_en, "official_name_ru": official_ru,
                "official_name": official_ru,
            },
        )
        if state.membership_periods.exists():
            continue
        history = HISTORY.get(iso3, [(MembershipStatus.PARTICIPANT, LAUNCH, None, None, "")])
        for status, start, end, deadline, note in history:
            MembershipPeriod.objects.create(
                state=state, status=status, start=start, end=end, deadline=deadline, note=note
            )
    for slug, kind, (name_en, name_ru), (acr_en, acr_ru), website in ORGANISATIONS:
        Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind, "website": website,
                "name_en": name_en, "name_ru": name_ru, "name": name_ru,
                "acronym_en": acr_en, "acronym_ru": acr_ru, "acronym": acr_ru,
            },
        )
    return f"membership: {len(STATES)} states, {len(ORGANISATIONS)} organisations"
