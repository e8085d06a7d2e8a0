"""Demo data: the states and observer organisations named in the founding
documents, with an illustrative membership history, and national
coordinators and an observer's focal point who are clearly fictitious
people (made-up names, @example.org addresses). Idempotent.

Only the eight states the Operational Mechanism names are recorded: no
founding text says another state (Turkmenistan, whose coordinator took part
in adopting the 2012 Framework, included) joined. The dates of the history
(the launch date, Iran's and Pakistan's participation after their
no-objection procedure) are invented, so every period is recorded
``illustrative`` and the pages mark it."""

import datetime

from . import services
from .enums import Language, MembershipStatus, OrganisationKind
from .models import (
    FocalPoint,
    MembershipPeriod,
    NationalCoordinator,
    Organisation,
    ParticipantState,
    User,
)

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
     ("Republic of Türkiye", "Республика Турция")),  # «Республика Турция» as in the OM
]

# The Central Asian participant states, as the Operational Mechanism names
# them. The demo's texts count them as three.
CENTRAL_ASIAN_STATES = ("KAZ", "KGZ", "TJK")

# A period's note is one field, shown on both language versions of the state
# page: Russian, then English, in the Operational Mechanism's terms.
PENDING_NOTE = (
    "Участие ожидало внутренней процедуры: оформление на основе процедуры невозражения "
    "не позднее 31 августа 2013 г. / Participation awaited an internal procedure: "
    "formalised on the basis of the no-objection procedure by 31 August 2013."
)

# iso3 -> list of (status, start, end, deadline, note)
HISTORY = {
    "IRN": [
        (MembershipStatus.PENDING, LAUNCH, NO_OBJECTION_DEADLINE, NO_OBJECTION_DEADLINE,
         PENDING_NOTE),
        (MembershipStatus.PARTICIPANT, datetime.date(2013, 9, 1), None, None, ""),
    ],
    "PAK": [
        (MembershipStatus.PENDING, LAUNCH, NO_OBJECTION_DEADLINE, NO_OBJECTION_DEADLINE,
         PENDING_NOTE),
        (MembershipStatus.PARTICIPANT, datetime.date(2013, 9, 1), None, None, ""),
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


# The demo coordinator's account: same password as load_demo's administrator.
DEMO_COORDINATOR_EMAIL = "coordinator.kaz@example.org"
DEMO_PASSWORD = "almaty-demo-2026"  # noqa: S105 - printed for the demo, DEBUG only

_MFA = ("Министерство иностранных дел", "Ministry of Foreign Affairs")
_LABOUR = ("Министерство труда и социальной защиты", "Ministry of Labour and Social Protection")
_MIGRATION = ("Государственная миграционная служба", "State Migration Service")
_INTERIOR = ("Министерство внутренних дел", "Ministry of Internal Affairs")
_HEAD = ("Начальник отдела", "Head of Division")
_ADVISER = ("Главный советник", "Senior Adviser")

# iso3 -> terms, oldest first: ((name ru, name en), position, agency, start, phone).
# Each term ends the day before the next one starts; the last is in office.
COORDINATORS = {
    "AFG": [(("Ахмад Тестов", "Ahmad Testov"), _HEAD, _MIGRATION, LAUNCH, "+93 20 000 0001")],
    "AZE": [(("Лейла Примерова", "Leyla Primerova"), _ADVISER, _MIGRATION, LAUNCH,
             "+994 12 000 0002")],
    "IRN": [(("Реза Образцов", "Reza Obraztsov"), _HEAD, _INTERIOR, LAUNCH, "+98 21 0000 0003")],
    "KAZ": [
        (("Серик Примеров", "Serik Primerov"), _HEAD, _LABOUR, LAUNCH, "+7 717 200 00 04"),
        (("Айгерим Тестова", "Aigerim Testova"), _ADVISER, _MFA, datetime.date(2019, 3, 1),
         "+7 717 200 00 05"),
    ],
    "KGZ": [
        (("Бакыт Демонов", "Bakyt Demonov"), _HEAD, _MIGRATION, LAUNCH, "+996 312 00 00 06"),
        (("Нургуль Образцова", "Nurgul Obraztsova"), _HEAD, _LABOUR, datetime.date(2017, 9, 1),
         "+996 312 00 00 07"),
    ],
    "PAK": [(("Имран Тестов", "Imran Testov"), _ADVISER, _INTERIOR, LAUNCH, "+92 51 000 0008")],
    "TJK": [(("Фарход Примеров", "Farkhod Primerov"), _HEAD, _MIGRATION, LAUNCH,
             "+992 37 000 00 09")],
    "TUR": [(("Эмре Образцов", "Emre Obraztsov"), _ADVISER, _INTERIOR, LAUNCH,
             "+90 312 000 00 10")],
}

# organisation slug -> (name ru, name en), (position ru, position en), email
FOCAL_POINTS = {
    "iom": (("Мария Образцова", "Maria Obraztsova"), ("Сотрудник программ", "Programme Officer"),
            "focal.iom@example.org"),
}


def _load_coordinators() -> int:
    created = 0
    for state in ParticipantState.objects.filter(iso3__in=COORDINATORS):
        if NationalCoordinator.objects.filter(state=state).exists():
            continue
        for index, (names, position, agency, start, phone) in enumerate(COORDINATORS[state.iso3]):
            fields = {
                "start": start, "full_name_ru": names[0], "full_name_en": names[1],
                "position_ru": position[0], "position_en": position[1],
                "agency_ru": agency[0], "agency_en": agency[1], "phone": phone,
                "email": f"coordinator.{state.iso3.lower()}"
                         f"{'' if index == len(COORDINATORS[state.iso3]) - 1 else index + 1}"
                         "@example.org",
            }
            appoint = services.coordinator_replace if index else services.coordinator_appoint
            appoint(state=state, **fields)
            created += 1
    return created


def _demo_coordinator_account() -> User:
    """The account of Kazakhstan's coordinator in office, to try the role."""
    coordinator = NationalCoordinator.objects.in_office().get(state__iso3="KAZ")
    user = User.objects.filter(email__iexact=DEMO_COORDINATOR_EMAIL).first() or User(
        email=DEMO_COORDINATOR_EMAIL
    )
    user.full_name = coordinator.full_name_ru
    user.preferred_language = Language.RUSSIAN
    user.is_active = True
    user.set_password(DEMO_PASSWORD)
    user.save()
    if coordinator.user_id != user.pk:
        coordinator.user = user
        coordinator.save(update_fields=["user"])
    return user


def _load_focal_points() -> None:
    for organisation in Organisation.objects.filter(slug__in=FOCAL_POINTS):
        if FocalPoint.objects.filter(organisation=organisation).exists():
            continue
        names, position, email = FOCAL_POINTS[organisation.slug]
        services.focal_point_appoint(
            organisation=organisation, start=datetime.date(2020, 1, 15),
            full_name_ru=names[0], full_name_en=names[1],
            position_ru=position[0], position_en=position[1], email=email,
        )


def _upsert(model, lookup: dict, fields: dict, create_only: dict | None = None):
    """Create the row, or bring it to ``fields``, saving only when something
    differs: every save writes an audit history row, and a second run of the
    demo must add nothing."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **fields, **(create_only or {}))
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, fields[name])
        instance.save(update_fields=changed)
    return instance


def load() -> str:
    for iso2, iso3, (short_en, short_ru), (official_en, official_ru) in STATES:
        names = {
            "iso2": iso2,
            "name_en": short_en, "name_ru": short_ru, "name": short_ru,
            "official_name_en": official_en, "official_name_ru": official_ru,
            "official_name": official_ru,
        }
        state = _upsert(ParticipantState, {"iso3": iso3}, names, {"rotation_key": short_en})
        if state.membership_periods.exists():
            continue
        history = HISTORY.get(iso3, [(MembershipStatus.PARTICIPANT, LAUNCH, None, None, "")])
        for status, start, end, deadline, note in history:
            MembershipPeriod.objects.create(
                state=state, status=status, start=start, end=end, deadline=deadline, note=note,
                illustrative=True,
            )
    for slug, kind, (name_en, name_ru), (acr_en, acr_ru), website in ORGANISATIONS:
        _upsert(Organisation, {"slug": slug}, {
            "kind": kind, "website": website,
            "name_en": name_en, "name_ru": name_ru, "name": name_ru,
            "acronym_en": acr_en, "acronym_ru": acr_ru, "acronym": acr_ru,
        })
    _load_coordinators()
    _load_focal_points()
    _demo_coordinator_account()
    return (
        f"membership: {len(STATES)} states, {len(ORGANISATIONS)} organisations, "
        f"{NationalCoordinator.objects.count()} coordinator terms; demo coordinator of "
        f"Kazakhstan: {DEMO_COORDINATOR_EMAIL} / {DEMO_PASSWORD}"
    )
