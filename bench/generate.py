"""The large dataset of issue 11: ``python -m bench.generate --documents N``.

Fills the database of DATABASE_URL (PostgreSQL) with, by default:
60 states (the demo's real ones first, from ``load_demo``, then plausible
others), 300 organisations, 2,000 meetings over 15 years with agendas,
~50,000 registered delegates (delegations of states and organisations,
Kazakhstan's demo coordinator among them, so that a coordinator's dashboard
has real rows) and N documents (default 100,000) with Russian and English
titles and summaries and 5–20 kB of extracted text each, spread over 15
years, with themes, states, access levels and some drafts.

Incremental and reproducible: every generated row is named ``bench-<n>`` and
drawn from a random generator seeded with its number, so ``--documents
10000`` on a database that has 1,000 adds the 9,000 missing ones, the same
ones a single run would have made. Documents are written in chunks (one
transaction each: insert, then index through the public
``archive.search.documents_reindex``), by ``--workers`` processes, so a
crash leaves whole chunks and memory stays bounded.

The texts come from bench/archive_search.py's TextMaker (inflected forms of
the domain's Russian lemmas from pymorphy3 and English words, Zipf-weighted),
so stemming matters.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import multiprocessing
import os
import random
import sys
import time
import zlib

DEFAULTS = {"states": 60, "organisations": 300, "meetings": 2000, "delegates": 50_000}
CHUNK = 500
YEARS = 15
DEMO_COORDINATOR_EMAIL = "coordinator.kaz@example.org"

# Plausible other states (iso2, iso3, en, ru): neighbours, partners, donors.
OTHER_STATES = [
    ("RU", "RUS", "Russia", "Россия"), ("CN", "CHN", "China", "Китай"),
    ("IN", "IND", "India", "Индия"), ("MN", "MNG", "Mongolia", "Монголия"),
    ("GE", "GEO", "Georgia", "Грузия"), ("AM", "ARM", "Armenia", "Армения"),
    ("UZ", "UZB", "Uzbekistan", "Узбекистан"), ("BY", "BLR", "Belarus", "Беларусь"),
    ("UA", "UKR", "Ukraine", "Украина"), ("MD", "MDA", "Moldova", "Молдова"),
    ("IQ", "IRQ", "Iraq", "Ирак"), ("SY", "SYR", "Syria", "Сирия"),
    ("JO", "JOR", "Jordan", "Иордания"), ("LB", "LBN", "Lebanon", "Ливан"),
    ("SA", "SAU", "Saudi Arabia", "Саудовская Аравия"),
    ("AE", "ARE", "United Arab Emirates", "Объединённые Арабские Эмираты"),
    ("QA", "QAT", "Qatar", "Катар"), ("KW", "KWT", "Kuwait", "Кувейт"),
    ("OM", "OMN", "Oman", "Оман"), ("BH", "BHR", "Bahrain", "Бахрейн"),
    ("EG", "EGY", "Egypt", "Египет"), ("BD", "BGD", "Bangladesh", "Бангладеш"),
    ("NP", "NPL", "Nepal", "Непал"), ("LK", "LKA", "Sri Lanka", "Шри-Ланка"),
    ("ID", "IDN", "Indonesia", "Индонезия"), ("MY", "MYS", "Malaysia", "Малайзия"),
    ("KR", "KOR", "Republic of Korea", "Республика Корея"), ("JP", "JPN", "Japan", "Япония"),
    ("DE", "DEU", "Germany", "Германия"), ("FR", "FRA", "France", "Франция"),
    ("IT", "ITA", "Italy", "Италия"), ("ES", "ESP", "Spain", "Испания"),
    ("PL", "POL", "Poland", "Польша"), ("CZ", "CZE", "Czechia", "Чехия"),
    ("SE", "SWE", "Sweden", "Швеция"), ("NO", "NOR", "Norway", "Норвегия"),
    ("FI", "FIN", "Finland", "Финляндия"), ("DK", "DNK", "Denmark", "Дания"),
    ("NL", "NLD", "Netherlands", "Нидерланды"), ("BE", "BEL", "Belgium", "Бельгия"),
    ("CH", "CHE", "Switzerland", "Швейцария"), ("AT", "AUT", "Austria", "Австрия"),
    ("GB", "GBR", "United Kingdom", "Соединённое Королевство"),
    ("US", "USA", "United States", "Соединённые Штаты"), ("CA", "CAN", "Canada", "Канада"),
    ("AU", "AUS", "Australia", "Австралия"), ("GR", "GRC", "Greece", "Греция"),
    ("BG", "BGR", "Bulgaria", "Болгария"), ("RO", "ROU", "Romania", "Румыния"),
    ("HU", "HUN", "Hungary", "Венгрия"), ("RS", "SRB", "Serbia", "Сербия"),
    ("LV", "LVA", "Latvia", "Латвия"), ("LT", "LTU", "Lithuania", "Литва"),
    ("EE", "EST", "Estonia", "Эстония"), ("PH", "PHL", "Philippines", "Филиппины"),
    ("TH", "THA", "Thailand", "Таиланд"), ("VN", "VNM", "Viet Nam", "Вьетнам"),
]

RU_CITIES = ["Алматы", "Астана", "Бишкек", "Душанбе", "Ашхабад", "Баку", "Анкара", "Исламабад",
             "Тегеран", "Кабул", "Стамбул", "Ош", "Худжанд", "Шымкент"]
EN_CITIES = ["Almaty", "Astana", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Ankara",
             "Islamabad", "Tehran", "Kabul", "Istanbul", "Osh", "Khujand", "Shymkent"]
SURNAMES = [("Иванов", "Ivanov"), ("Ахмедов", "Akhmedov"), ("Каримова", "Karimova"),
            ("Сулейменов", "Suleimenov"), ("Рахимова", "Rakhimova"), ("Юсупов", "Yusupov"),
            ("Алиева", "Alieva"), ("Назаров", "Nazarov"), ("Садыкова", "Sadykova"),
            ("Исмаилов", "Ismailov"), ("Хасанова", "Khasanova"), ("Омаров", "Omarov")]
GIVEN = [("Айгуль", "Aigul"), ("Бахтияр", "Bakhtiyar"), ("Дильноза", "Dilnoza"),
         ("Ерлан", "Erlan"), ("Фарида", "Farida"), ("Гульнара", "Gulnara"),
         ("Ильхом", "Ilkhom"), ("Жанна", "Zhanna"), ("Камол", "Kamol"), ("Лейла", "Leyla")]


def log(message: str) -> None:
    print(f"[generate {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _rng(kind: str, n: int, seed: int) -> random.Random:
    return random.Random(f"{seed}-{kind}-{n}")


# --- reference data and the small tables ------------------------------------

def reference_data(*, states: int, organisations: int, seed: int) -> None:
    """The demo (real states, organisations, coordinators, chairmanship,
    About texts, thematic areas from the migrations), then states and
    organisations up to the counts, each state with a coordinator in office
    who has an account."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from membership.enums import MembershipStatus, OrganisationKind
    from membership.models import (
        MembershipPeriod,
        NationalCoordinator,
        Organisation,
        ParticipantState,
        User,
    )

    if not User.objects.filter(email=DEMO_COORDINATOR_EMAIL).exists():
        started = time.perf_counter()
        call_command("load_demo", allow_production=True, verbosity=0)
        log(f"demo data loaded in {time.perf_counter() - started:.1f} s")
    have = ParticipantState.objects.count()
    new_states = []
    for iso2, iso3, en, ru in OTHER_STATES:
        if have + len(new_states) >= states:
            break
        if ParticipantState.objects.filter(iso3=iso3).exists():
            continue
        new_states.append(ParticipantState(
            iso2=iso2, iso3=iso3, name=ru, name_ru=ru, name_en=en, rotation_key=en,
            official_name=ru, official_name_ru=ru, official_name_en=en,
        ))
    ParticipantState.objects.bulk_create(new_states)
    periods, users, coordinators = [], [], []
    for state in new_states:
        rng = _rng("state", zlib.crc32(state.iso3.encode()), seed)
        start = datetime.date(2013, 6, 5) + datetime.timedelta(days=rng.randint(0, 3000))
        status = rng.choices([MembershipStatus.PARTICIPANT, MembershipStatus.PENDING],
                             weights=[9, 1])[0]
        periods.append(MembershipPeriod(
            state=state, status=status, start=start,
            deadline=start + datetime.timedelta(days=90) if status == "pending" else None,
            end=start + datetime.timedelta(days=90) if status == "pending" else None,
        ))
        email = f"coordinator.{state.iso3.lower()}@example.org"
        users.append(User(email=email, full_name=f"Coordinator {state.name_en}",
                          password=make_password(None), preferred_language="ru"))
    MembershipPeriod.objects.bulk_create(periods)
    User.objects.bulk_create(users)
    for state, user in zip(new_states, users, strict=True):
        surname, given = SURNAMES[state.pk % len(SURNAMES)], GIVEN[state.pk % len(GIVEN)]
        coordinators.append(NationalCoordinator(
            state=state, user=user, start=datetime.date(2020, 1, 1), email=user.email,
            full_name=f"{given[0]} {surname[0]}", full_name_ru=f"{given[0]} {surname[0]}",
            full_name_en=f"{given[1]} {surname[1]}",
            position="Начальник отдела", position_ru="Начальник отдела",
            position_en="Head of Division",
        ))
    NationalCoordinator.objects.bulk_create(coordinators)
    kinds = [OrganisationKind.INTERNATIONAL, OrganisationKind.REGIONAL,
             OrganisationKind.CIVIL_SOCIETY, OrganisationKind.STATE]
    existing = Organisation.objects.count()
    organisations_new = []
    for n in range(existing, organisations):
        rng = _rng("organisation", n, seed)
        topic_ru, topic_en = rng.choice([
            ("миграционной политики", "Migration Policy"),
            ("защиты беженцев", "Refugee Protection"),
            ("трудовой миграции", "Labour Migration"), ("прав мигрантов", "Migrants' Rights"),
            ("развития", "Development"), ("гуманитарной помощи", "Humanitarian Aid"),
        ])
        organisations_new.append(Organisation(
            slug=f"bench-{n}", kind=rng.choice(kinds),
            name=f"Центр {topic_ru} № {n}", name_ru=f"Центр {topic_ru} № {n}",
            name_en=f"Centre for {topic_en} No. {n}", acronym_en=f"C{n}", acronym_ru=f"Ц{n}",
        ))
    Organisation.objects.bulk_create(organisations_new)
    log(f"{ParticipantState.objects.count()} states, {Organisation.objects.count()} "
        f"organisations, {NationalCoordinator.objects.count()} coordinator terms")


def meetings(*, count: int, delegates: int, seed: int) -> None:
    """Meetings over 15 years up to a year ahead (those ahead open for
    registration or planned), each with an agenda of 4–12 items and, for
    ``delegates`` in all, delegations of states and organisations."""
    from django.utils import timezone

    from archive.models import Theme
    from meetings.enums import (
        Accreditation,
        DelegateRole,
        DelegationStatus,
        MeetingKind,
        MeetingStatus,
    )
    from meetings.models import AgendaItem, Delegate, Delegation, Meeting
    from membership.models import Organisation, ParticipantState

    existing = Meeting.objects.filter(slug__startswith="bench-").count()
    if existing >= count:
        return
    started = time.perf_counter()
    today = timezone.localdate()
    now = timezone.now()
    first = today - datetime.timedelta(days=365 * (YEARS - 1))
    span = (today + datetime.timedelta(days=365) - first).days
    states = list(ParticipantState.objects.order_by("pk"))
    kaz = next(s for s in states if s.iso3 == "KAZ")
    organisations = list(Organisation.objects.order_by("pk")[:40])
    themes = list(Theme.objects.all())
    kinds = [k for k, _ in MeetingKind.choices]
    made = []
    for n in range(existing, count):
        rng = _rng("meeting", n, seed)
        start = first + datetime.timedelta(days=int(span * n / count) + rng.randint(0, 5))
        end = start + datetime.timedelta(days=rng.randint(0, 2))
        kind = rng.choice(kinds)
        city = rng.randrange(len(RU_CITIES))
        fields = {}
        if start > today:
            if start - today < datetime.timedelta(days=120) and rng.random() < 0.6:
                fields = {"status": MeetingStatus.REGISTRATION_OPEN,
                          "registration_opens": now - datetime.timedelta(days=30),
                          "registration_closes": timezone.make_aware(datetime.datetime.combine(
                              start - datetime.timedelta(days=3), datetime.time(18)))}
            else:
                fields = {"status": MeetingStatus.PLANNED}
        else:
            fields = {"status": rng.choices([MeetingStatus.HELD, MeetingStatus.CANCELLED],
                                            weights=[19, 1])[0]}
        host = rng.choice(states)
        title_ru = (f"{MeetingKind(kind).label} № {n}: вопросы миграции "
                    f"в регионе, {RU_CITIES[city]}")
        made.append(Meeting(
            slug=f"bench-{n}", kind=kind, start=start, end=end, host_state=host,
            title=title_ru, title_ru=title_ru,
            title_en=f"Meeting No. {n} on migration in the region, {EN_CITIES[city]}",
            description_ru="Обсуждение сотрудничества в области миграции и защиты беженцев.",
            description_en="Discussion of cooperation on migration and refugee protection.",
            city=RU_CITIES[city], city_ru=RU_CITIES[city], city_en=EN_CITIES[city],
            time_zone="Asia/Almaty", **fields,
        ))
    Meeting.objects.bulk_create(made, batch_size=500)
    links, items = [], []
    for meeting in made:
        rng = _rng("agenda", meeting.pk, seed)
        for theme in rng.sample(themes, k=min(len(themes), rng.randint(1, 3))):
            links.append(Meeting.themes.through(meeting=meeting, theme=theme))
        for position in range(rng.randint(4, 12)):
            title_ru = f"Пункт {position + 1}: обзор сотрудничества по вопросам миграции"
            items.append(AgendaItem(
                meeting=meeting, position=position, day=meeting.start,
                start_time=datetime.time(9 + position % 8, 0),
                end_time=datetime.time(9 + position % 8, 45),
                title=title_ru, title_ru=title_ru,
                title_en=f"Item {position + 1}: review of cooperation on migration",
            ))
    Meeting.themes.through.objects.bulk_create(links, batch_size=2000)
    AgendaItem.objects.bulk_create(items, batch_size=2000)
    delegations, members = [], []
    for meeting in made:
        rng = _rng("delegations", meeting.pk, seed)
        if meeting.status == MeetingStatus.CANCELLED:
            continue
        # Kazakhstan (the demo coordinator's state) takes part in a third of them.
        parties = rng.sample(states, k=min(len(states), 7))
        if kaz not in parties and rng.random() < 0.33:
            parties.append(kaz)
        parties = [("state", s) for s in parties]
        parties += [("organisation", o) for o in rng.sample(organisations, k=2)]
        for key, party in parties:
            size = min(rng.randint(2, 4), delegates - len(members))
            if size <= 0:
                break
            submitted = rng.random() < 0.8
            delegation = Delegation(
                meeting=meeting, **{key: party},
                status=DelegationStatus.SUBMITTED if submitted else DelegationStatus.DRAFT,
                submitted_at=now if submitted else None,
            )
            delegations.append(delegation)
            for m in range(size):
                surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
                members.append((delegation, Delegate(
                    meeting=meeting, surname_cyrillic=surname[0], given_names_cyrillic=given[0],
                    surname_latin=surname[1], given_names_latin=given[1],
                    position="Head of Division", agency="Ministry of Labour",
                    email=f"d{meeting.pk}-{len(delegations)}-{m}@example.org",
                    role=DelegateRole.HEAD if m == 0 else DelegateRole.DELEGATE,
                    preferred_language=rng.choice(["ru", "en"]),
                    accreditation=rng.choice([Accreditation.APPROVED, Accreditation.PENDING]),
                )))
    Delegation.objects.bulk_create(delegations, batch_size=2000)
    for delegation, member in members:
        member.delegation = delegation
    Delegate.objects.bulk_create([m for _, m in members], batch_size=2000)
    log(f"{len(made)} meetings, {len(items)} agenda items, {len(delegations)} delegations, "
        f"{len(members)} delegates in {time.perf_counter() - started:.1f} s")


# --- documents ---------------------------------------------------------------

_maker = None


def _text_maker():
    global _maker
    if _maker is None:
        from bench.archive_search import TextMaker

        _maker = TextMaker()
        _maker.ru_bytes = [len(s.encode()) + 1 for s, _ in _maker.ru_pool]
        _maker.en_bytes = [len(s.encode()) + 1 for s, _ in _maker.en_pool]
    return _maker


def _text(rng: random.Random, pool, sizes, target: int) -> str:
    out, size = [], 0
    while size < target:
        i = rng.randrange(len(pool))
        out.append(pool[i][0])
        size += sizes[i]
    return " ".join(out)


def _documents(first: int, last: int, seed: int, refs: dict):
    """Document rows [first, last) with their files and m2m links, built in
    memory for one chunk only."""
    from archive.enums import AccessLevel, DocumentType, FileLanguage, PublicationStatus
    from archive.models import Document

    maker = _text_maker()
    types = [t for t, _ in DocumentType.choices]
    access_levels = [AccessLevel.PUBLIC, AccessLevel.OBSERVERS, AccessLevel.PARTICIPANTS,
                     AccessLevel.SECRETARIAT]
    statuses = [PublicationStatus.PUBLISHED, PublicationStatus.DRAFT,
                PublicationStatus.WITHDRAWN]
    today = refs["today"]
    span = 365 * YEARS
    documents, files, themes, states = [], [], [], []
    for n in range(first, last):
        rng = _rng("document", n, seed)
        maker.rng = rng  # TextMaker draws its titles from maker.rng
        title_ru = maker.ru_title().rstrip(".")
        title_en = maker.en_title().rstrip(".")
        one_language = rng.random()
        if one_language < 0.1:
            title_en = ""
        elif one_language < 0.15:
            title_ru = ""
        status = rng.choices(statuses, weights=[92, 6, 2])[0]
        date = today - datetime.timedelta(days=rng.randint(0, span))
        documents.append(Document(
            title=title_ru or title_en, title_ru=title_ru, title_en=title_en,
            summary_ru=_text(rng, maker.ru_pool, maker.ru_bytes, 600) if title_ru else "",
            summary_en=_text(rng, maker.en_pool, maker.en_bytes, 400) if title_en else "",
            slug=f"bench-{n}", doc_type=rng.choice(types), date=date,
            reference=f"AP/{date.year}/{n}",
            access=rng.choices(access_levels, weights=[80, 8, 7, 5])[0], status=status,
            published_at=refs["now"] - datetime.timedelta(days=(today - date).days)
            if status == PublicationStatus.PUBLISHED else None,
        ))
        total = rng.randint(5_000, 20_000)
        parts = []
        if title_ru and title_en:
            parts = [(FileLanguage.RUSSIAN, int(total * 0.6)), (FileLanguage.ENGLISH,
                                                                  int(total * 0.4))]
        elif title_ru:
            parts = [(FileLanguage.RUSSIAN, total)]
        else:
            parts = [(FileLanguage.ENGLISH, total)]
        texts = []
        for language, size in parts:
            if language == FileLanguage.RUSSIAN:
                text = _text(rng, maker.ru_pool, maker.ru_bytes, size)
            else:
                text = _text(rng, maker.en_pool, maker.en_bytes, size)
            texts.append((language, text))
        files.append(texts)
        themes.append(rng.sample(refs["themes"], k=min(len(refs["themes"]), rng.randint(1, 3))))
        states.append(rng.sample(refs["states"], k=rng.choice([0, 0, 1, 1, 2, 3])))
    return documents, files, themes, states


def _insert_chunk(args) -> tuple[int, int, float, float]:
    """Insert and index documents [first, last) in one transaction; returns
    (documents, bytes of text, seconds inserting, seconds indexing)."""
    first, last, seed = args
    from django.db import connection, transaction
    from django.utils import timezone

    from archive.models import Document, DocumentFile, Theme
    from archive.search import documents_reindex
    from membership.models import ParticipantState

    refs = {"today": timezone.localdate(), "now": timezone.now(),
            "themes": list(Theme.objects.order_by("pk").values_list("pk", flat=True)),
            "states": list(ParticipantState.objects.order_by("pk").values_list("pk", flat=True))}
    started = time.perf_counter()
    documents, files, themes, states = _documents(first, last, seed, refs)
    size = 0
    with transaction.atomic():
        Document.objects.bulk_create(documents, batch_size=250)
        rows, theme_links, state_links = [], [], []
        for document, texts, theme_ids, state_ids in zip(documents, files, themes, states,
                                                          strict=True):
            for language, text in texts:
                encoded = len(text.encode())
                size += encoded
                digest = hashlib.sha256(f"bench-{document.slug}-{language}".encode()).hexdigest()
                rows.append(DocumentFile(
                    document=document, language=language, file=f"archive/{digest}",
                    original_filename=f"{document.slug}-{language}.pdf", size=encoded,
                    sha256=digest, mime_type="application/pdf", extracted_text=text,
                    extraction_status="done", page_count=max(1, encoded // 3000),
                ))
            theme_links += [Document.themes.through(document=document, theme_id=t)
                            for t in theme_ids]
            state_links += [Document.states.through(document=document, participantstate_id=s)
                            for s in state_ids]
        DocumentFile.objects.bulk_create(rows, batch_size=100)
        Document.themes.through.objects.bulk_create(theme_links)
        Document.states.through.objects.bulk_create(state_links)
        inserted = time.perf_counter()
        documents_reindex(queryset=Document.objects.filter(pk__in=[d.pk for d in documents]),
                          batch_size=100)
    indexed = time.perf_counter()
    connection.close()
    return len(documents), size, inserted - started, indexed - inserted


def _worker_init() -> None:
    setup_django()


def documents(*, count: int, seed: int, workers: int, chunk: int = CHUNK) -> dict:
    """Adds the documents missing up to ``count``; returns throughput figures."""
    from django.db import connection

    from archive.models import Document

    existing = Document.objects.filter(slug__startswith="bench-").count()
    if existing >= count:
        log(f"{existing} generated documents already, nothing to add")
        return {"added": 0}
    chunks = []
    first = existing
    while first < count:
        last = min(count, (first // chunk + 1) * chunk)
        chunks.append((first, last, seed))
        first = last
    connection.close()
    log(f"adding documents {existing}..{count - 1} in {len(chunks)} chunks, {workers} workers")
    started = time.perf_counter()
    done = size = 0
    insert_s = index_s = 0.0
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_worker_init) if workers > 1 else _Serial() as pool:
        for n, b, i, x in pool.imap_unordered(_insert_chunk, chunks):
            done += n
            size += b
            insert_s += i
            index_s += x
            elapsed = time.perf_counter() - started
            log(f"{existing + done}/{count} documents, {done / elapsed:.0f} docs/s, "
                f"{size / elapsed / 1e6:.1f} MB/s of text "
                f"(per process: generate+insert {insert_s:.0f} s, index {index_s:.0f} s)")
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE archive_document")
        cursor.execute("VACUUM ANALYZE archive_documentfile")
    figures = {"added": done, "seconds": round(elapsed, 1), "docs_per_s": round(done / elapsed, 1),
               "text_mb": round(size / 1e6, 1), "workers": workers,
               "generate_insert_s": round(insert_s, 1), "index_s": round(index_s, 1)}
    log(f"added {done} documents ({size / 1e6:.0f} MB of text) in {elapsed:.0f} s: "
        f"{done / elapsed:.1f} docs/s with {workers} workers; {figures}")
    return figures


def _reindex_range(bounds: tuple[int, int]) -> int:
    from django.db import connection

    from archive.models import Document
    from archive.search import documents_reindex

    first, last = bounds
    done = documents_reindex(queryset=Document.objects.filter(pk__gte=first, pk__lte=last),
                             batch_size=100)
    connection.close()
    return done


def reindex(*, workers: int) -> dict:
    """Every document through ``documents_reindex``, ``workers`` processes on
    ranges of CHUNK documents (after a change of what the index writes)."""
    from django.db import connection

    from archive.models import Document

    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    ranges = [(ids[i], ids[min(len(ids), i + CHUNK) - 1]) for i in range(0, len(ids), CHUNK)]
    connection.close()
    started = time.perf_counter()
    done = 0
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_worker_init) if workers > 1 else _Serial() as pool:
        for n in pool.imap_unordered(_reindex_range, ranges):
            done += n
            elapsed = time.perf_counter() - started
            log(f"reindexed {done}/{len(ids)}, {done / elapsed:.0f} docs/s")
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE archive_document")
    log(f"reindexed {done} documents in {elapsed:.0f} s: {done / elapsed:.1f} docs/s "
        f"with {workers} workers")
    return {"reindexed": done, "seconds": round(elapsed, 1)}


class _Serial:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def imap_unordered(self, function, items):
        return map(function, items)


def link_meeting_documents(seed: int) -> None:
    """Each generated meeting lists a few documents of its time (agenda,
    report, outcome), once."""
    from archive.models import Document
    from meetings.enums import MeetingDocumentRole
    from meetings.models import Meeting, MeetingDocument

    if MeetingDocument.objects.filter(meeting__slug__startswith="bench-").exists():
        return
    meetings_ = list(Meeting.objects.filter(slug__startswith="bench-").order_by("start"))
    docs = list(Document.objects.filter(slug__startswith="bench-", status="published",
                                        access="public").order_by("date")
                .values_list("pk", "date"))
    if not docs or not meetings_:
        return
    import bisect

    dates = [d for _, d in docs]
    links = []
    roles = [MeetingDocumentRole.AGENDA, MeetingDocumentRole.CONCEPT_NOTE,
             MeetingDocumentRole.OUTCOME, MeetingDocumentRole.PRESENTATION]
    for meeting in meetings_:
        rng = _rng("meeting-documents", meeting.pk, seed)
        at = bisect.bisect_left(dates, meeting.start)
        picks = {docs[min(len(docs) - 1, at + rng.randint(0, 20))][0]
                 for _ in range(rng.randint(1, 4))}
        links += [MeetingDocument(meeting=meeting, document_id=pk, role=roles[i % len(roles)],
                                  position=i) for i, pk in enumerate(sorted(picks))]
    MeetingDocument.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    log(f"{len(links)} meeting documents linked")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--states", type=int, default=DEFAULTS["states"])
    parser.add_argument("--organisations", type=int, default=DEFAULTS["organisations"])
    parser.add_argument("--meetings", type=int, default=DEFAULTS["meetings"])
    parser.add_argument("--delegates", type=int, default=DEFAULTS["delegates"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--chunk", type=int, default=CHUNK,
                        help="documents per transaction (insert + index)")
    parser.add_argument("--reindex", action="store_true",
                        help="only reindex every document (through documents_reindex)")
    parser.add_argument("--background", action="store_true",
                        help="run at the CPU priority of the portal's background work (a "
                             "Celery worker's, where production indexes new documents), "
                             "indexing at its pace (ARCHIVE_BULK_INDEX_SHARE)")
    args = parser.parse_args(argv)
    if not args.background:
        # Generating the dataset (nobody is searching it yet) indexes at full
        # speed; the adder of the inserts case (--background) paces itself as
        # production's bulk indexing does (ARCHIVE_BULK_INDEX_SHARE).
        os.environ.setdefault("ARCHIVE_BULK_INDEX_SHARE", "1")
    setup_django()
    if args.background:
        from archive.priority import lower_cpu_priority

        lower_cpu_priority()
    if args.reindex:
        return reindex(workers=args.workers)
    reference_data(states=args.states, organisations=args.organisations, seed=args.seed)
    meetings(count=args.meetings, delegates=args.delegates, seed=args.seed)
    figures = documents(count=args.documents, seed=args.seed, workers=args.workers,
                        chunk=args.chunk)
    link_meeting_documents(args.seed)
    return figures


if __name__ == "__main__":
    main()
