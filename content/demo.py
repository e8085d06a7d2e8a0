"""Demo content of the public pages, loaded by ``manage.py load_demo``
(idempotent: a second run changes nothing).

News: the seminar of the EU's BOMCA programme on the reintegration of
migrants (Nur-Sultan, 17 September 2019), from the seed news text: the
Russian title, date and body as written (the programme's boilerplate about
its consortium and the EU Delegation's address, which follow the body in
the seed, are left out); the English is our translation. It is not an
Almaty Process event, and its lead says so. The seminar belongs to BOMCA's
9th phase (2015-2019), so the BOMCA 10 project (2021-2025, from the fact
sheet) does not list it among its documents.

Partners: the reference rows come from a data migration; the demo links
those that are observers in the demo (membership's organisations, same
slug) to their observer records."""

from __future__ import annotations

import datetime
import zoneinfo

from archive.models import Document, Theme
from membership.models import Organisation, ParticipantState

from .models import ContactDetails, NewsItem, Partner, Project
from .richtext import sanitise_html
from .services import news_item_save, partner_save, project_save

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")

BOMCA_SEMINAR = {
    "slug": "bomca-reintegration-seminar-2019",
    "date": datetime.date(2019, 9, 17),
    "published_at": datetime.datetime(2019, 9, 17, 12, 0, tzinfo=ALMATY),
    "title_ru": "Лучшие способы реинтеграции мигрантов обсуждаются на семинаре программы БОМКА",
    "title_en": "Best ways to reintegrate migrants discussed at a BOMCA programme seminar",
    "lead_ru": (
        "Нур-Султан, 17 сентября 2019 года. Региональный семинар Программы содействия "
        "управлению границами в Центральной Азии (БОМКА) о стратегиях реинтеграции мигрантов: "
        "мероприятие программы ЕС, а не Алматинского процесса."
    ),
    "lead_en": (
        "Nur-Sultan, 17 September 2019. A regional seminar of the Border Management Programme "
        "in Central Asia (BOMCA) on strategies for the reintegration of migrants: an event of "
        "the EU's programme, not of the Almaty Process."
    ),
    "body_ru": (
        "<p>17 сентября в г. Нур-Султан начался региональный семинар по стратегиям реинтеграции "
        "мигрантов, организованный финансируемой ЕС Программой содействия управлению границами "
        "в Центральной Азии (БОМКА). На данном мероприятии, проводимом экспертами "
        "Международного центра по разработке миграционной политики (МЦРМП), принимают участие "
        "20 представителей миграционных ведомств (Министерств иностранных дел, Министерств "
        "внутренних дел, Миграционных служб) из Казахстана, Кыргызстана, Таджикистана, "
        "Туркменистана, Узбекистана.</p>"
        "<p>Принимая во внимание потребности и проблемы, возникающие в связи с миграцией и ее "
        "последствиями в регионе ЦА, необходимо также обратить внимание на такой важный аспект "
        "миграции, как реинтеграция мигрантов. Поэтому основной целью семинара является "
        "представление лучших международных стратегий реинтеграции, а также выявление "
        "национальных краткосрочных и долгосрочных приоритетов и потребностей в этой сфере. "
        "Участники ЦА сообщат о существующих национальных процедурах и практиках реинтеграции "
        "и репатриации мигрантов, европейские эксперты, в свою очередь, представят "
        "международные и европейские стандарты и подходы. Особое внимание будет уделено "
        "правовой базе для реинтеграции, поддержке мигрантов по прибытии, механизмам оказания "
        "помощи. Будут также рассмотрены практические примеры содержания консультационных "
        "центров в странах происхождения.</p>"
        "<p>Первые мероприятия БОМКА прошли в 2003 году, с тех пор программа укрепила "
        "партнерство с правительствами стран Центральной Азии в сфере содействия управлению "
        "границами. На период 2003-2019 гг. на реализацию программы БОМКА Европейским Союзом "
        "было выделено 40,1 миллионов евро, из них более 6,6 миллионов евро на реализацию 9-ой "
        "фазы (2015-2019 гг).</p>"
        "<p>Более подробную информацию можно получить, посетив сайт "
        '<a href="https://www.bomca-eu.org">www.bomca-eu.org</a> или связавшись с Жанной '
        "Ташиевой, национальным координатором БОМКА в Кыргызстане – "
        '<a href="mailto:janna.tashieva@icmpd.org">janna.tashieva@icmpd.org</a></p>'
    ),
    "body_en": (
        "<p>On 17 September a regional seminar on strategies for the reintegration of migrants "
        "opened in Nur-Sultan, organised by the EU-funded Border Management Programme in "
        "Central Asia (BOMCA). The event, conducted by experts of the International Centre for "
        "Migration Policy Development (ICMPD), is attended by 20 representatives of migration "
        "authorities (Ministries of Foreign Affairs, Ministries of Internal Affairs, Migration "
        "Services) from Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.</p>"
        "<p>Given the needs and challenges that migration and its consequences raise in the "
        "Central Asian region, attention must also be paid to an important aspect of "
        "migration: the reintegration of migrants. The main aim of the seminar is therefore to "
        "present the best international reintegration strategies and to identify national "
        "short-term and long-term priorities and needs in this field. The Central Asian "
        "participants will report on existing national procedures and practices for the "
        "reintegration and repatriation of migrants; European experts in turn will present "
        "international and European standards and approaches. Particular attention will be "
        "paid to the legal framework for reintegration, support for migrants on arrival and "
        "assistance mechanisms. Practical examples of running counselling centres in countries "
        "of origin will also be considered.</p>"
        "<p>The first BOMCA activities took place in 2003; since then the programme has "
        "strengthened its partnership with the governments of Central Asia in support of "
        "border management. For 2003-2019 the European Union allocated 40.1 million euros to "
        "the BOMCA programme, of which more than 6.6 million euros went to its 9th phase "
        "(2015-2019).</p>"
        "<p>More information is available on the website "
        '<a href="https://www.bomca-eu.org">www.bomca-eu.org</a> or from Zhanna Tashieva, '
        "BOMCA national coordinator in Kyrgyzstan – "
        '<a href="mailto:janna.tashieva@icmpd.org">janna.tashieva@icmpd.org</a></p>'
    ),
}

NEWS = [BOMCA_SEMINAR]


def _load_news() -> int:
    for data in NEWS:
        # Compared as the service stores them (links get rel="noopener ..."),
        # so that a second run finds nothing to change.
        fields = {
            key: sanitise_html(value) if key.startswith("body_") else value
            for key, value in data.items() if key != "slug"
        }
        item = NewsItem.objects.filter(slug=data["slug"]).first()
        if item is None:
            item = NewsItem(slug=data["slug"], is_published=True, **fields)
            news_item_save(item=item)
            continue
        changed = {name: value for name, value in fields.items() if getattr(item, name) != value}
        if changed or not item.is_published:
            for name, value in changed.items():
                setattr(item, name, value)
            item.is_published = True
            news_item_save(item=item)
    return len(NEWS)


D = datetime.date

# slug -> fields; relations: "states", "themes", "partners", "documents" (slugs/codes)
PROJECTS = {
    "bomca-10": {
        "name_ru": "Программа содействия управлению границами в Центральной Азии",
        "name_en": "Border Management Programme in Central Asia",
        "acronym_ru": "БОМКА 10", "acronym_en": "BOMCA 10",
        "goal_ru": (
            "Повышение безопасности, стабильности и устойчивого роста в регионе, а также "
            "поддержка приграничного сотрудничества и улучшение условий жизни людей в "
            "приграничных районах стран Центральной Азии."
        ),
        "goal_en": (
            "To increase security, stability and sustainable growth in the region, and to "
            "support cross-border cooperation and improve the living conditions of people in "
            "the border areas of the Central Asian countries."
        ),
        "implementing_partners_ru": (
            "Консорциум партнеров во главе с Государственной пограничной охраной Латвийской "
            "Республики"
        ),
        "implementing_partners_en": (
            "A consortium of partners led by the State Border Guard of the Republic of Latvia"
        ),
        "thematic_partners_ru": (
            "Тематические партнеры: Государственная пограничная охрана Латвийской республики "
            "(лидирующий партнер и компонент 1), Государственная пограничная служба Литовской "
            "Республики (компонент 2), Служба государственных доходов Латвийской Республики "
            "(компонент 3) и ICMPD (Секретариат и компонент 4).\n"
            "Участвующие партнеры: Министерство внутренних дел Венгрии, Продовольственная и "
            "ветеринарная служба Латвийской Республики, Пограничная служба Республики Польша, "
            "Главное управление иммиграционной и пограничной полиции Итальянской Республики, "
            "Рижский технический университет."
        ),
        "thematic_partners_en": (
            "Thematic partners: the State Border Guard of the Republic of Latvia (lead partner "
            "and component 1), the State Border Guard Service of the Republic of Lithuania "
            "(component 2), the State Revenue Service of the Republic of Latvia (component 3) "
            "and ICMPD (Secretariat and component 4).\n"
            "Participating partners: the Ministry of the Interior of Hungary, the Food and "
            "Veterinary Service of the Republic of Latvia, the Border Guard of the Republic of "
            "Poland, the Central Directorate for Immigration and Border Police of the Italian "
            "Republic, Riga Technical University."
        ),
        "donor_ru": "Европейский союз", "donor_en": "European Union",
        "other_countries_ru": "Туркменистан, Узбекистан",
        "other_countries_en": "Turkmenistan, Uzbekistan",
        "start": D(2021, 4, 1), "end": D(2025, 9, 30),
        "website": "https://www.bomca-eu.org/", "contact_email": "bomca@icmpd.org",
        "contact_ru": "fb/linkedin/twitter/instagram/telegram: @BOMCAPROGRAMME",
        "contact_en": "fb/linkedin/twitter/instagram/telegram: @BOMCAPROGRAMME",
        "states": ("KAZ", "KGZ", "TJK"), "themes": ("border-management",),
        # No documents: the archive's BOMCA news (17 September 2019) is of the
        # programme's 9th phase (2015-2019), not of BOMCA 10.
        "partners": ("eu", "icmpd"),
    },
    "mobilaze-2": {
        "name_ru": "Поддержка реализации Партнерства по мобильности с Азербайджаном",
        "name_en": "Support to the Implementation of the Mobility Partnership with Azerbaijan",
        "acronym_ru": "MOBILAZE 2", "acronym_en": "MOBILAZE 2",
        "goal_ru": (
            "Способствовать разработке и реализации научно обоснованной программы политики в "
            "области миграции и управления границами в Азербайджанской Республике."
        ),
        "goal_en": (
            "To contribute to the development and implementation of an evidence-based policy "
            "agenda on migration and border management in the Republic of Azerbaijan."
        ),
        "implementing_partners_ru": "ICMPD", "implementing_partners_en": "ICMPD",
        "start": D(2021, 6, 1), "end": D(2024, 5, 31),
        "contact_email": "mobilaze@icmpd.org",
        "contact_ru": "fb: @ICMPDinAzerbaijan", "contact_en": "fb: @ICMPDinAzerbaijan",
        "states": ("AZE",), "themes": ("border-management", "migration-development"),
        "partners": ("icmpd",),
    },
    "protect": {
        "name_ru": (
            "Совершенствование управления миграцией и защиты мигрантов в отдельных странах "
            "Шелкового пути"
        ),
        "name_en": (
            "Improving Migration Management and Migrant Protection in Selected Silk Routes "
            "Countries"
        ),
        "acronym_ru": "PROTECT", "acronym_en": "PROTECT",
        "goal_ru": (
            "Содействие защите мигрантов в целевых странах, охватывающее все этапы миграции "
            "(внутри страны и за ее пределами), включая противодействие и предотвращение "
            "незаконной миграции, торговле людьми и незаконному ввозу мигрантов."
        ),
        "goal_en": (
            "To contribute to the protection of migrants in the target countries at every "
            "stage of migration (within the country and beyond it), including countering and "
            "preventing irregular migration, trafficking in human beings and migrant "
            "smuggling."
        ),
        "implementing_partners_ru": "ICMPD", "implementing_partners_en": "ICMPD",
        "other_countries_ru": "Отдельные страны Шелкового пути",
        "other_countries_en": "Selected Silk Routes countries",
        "start": D(2023, 6, 1), "end": D(2026, 5, 31),
        "contact_email": "protect@icmpd.org",
        "themes": ("migrant-smuggling", "refugee-protection"), "partners": ("icmpd",),
    },
    "pp-data": {
        "name_ru": "Пражский процесс: Диалог, анализ и обучение в действии",
        "name_en": "Prague Process: Dialogue, Analysis and Training in Action",
        "acronym_ru": "PP DATA", "acronym_en": "PP DATA",
        "goal_ru": (
            "Поддержание и дальнейшее укрепление установившегося сотрудничества в области "
            "миграции и предоставления убежища между 50 государствами-участниками Пражского "
            "процесса посредством постоянного диалога, а также разнообразных мероприятий и "
            "результатов деятельности Миграционной обсерватории и Учебной академии, "
            "запущенных в 2018 году."
        ),
        "goal_en": (
            "To maintain and further strengthen the established cooperation on migration and "
            "asylum among the 50 participating states of the Prague Process through continuous "
            "dialogue and through the activities and results of the Migration Observatory and "
            "the Training Academy, launched in 2018."
        ),
        "implementing_partners_ru": "Секретариат Пражского процесса в ICMPD",
        "implementing_partners_en": "The Prague Process Secretariat at ICMPD",
        "thematic_partners_ru": "Ведущее государство: Чехия",
        "thematic_partners_en": "Lead state: Czechia",
        "donor_ru": "Европейский союз (Механизм партнерства в области миграции)",
        "donor_en": "European Union (Migration Partnership Facility)",
        "other_countries_ru": "и другие государства — участники Пражского процесса",
        "other_countries_en": "and the other participating states of the Prague Process",
        "start": D(2018, 1, 1), "end": D(2023, 12, 31),
        "website": "https://www.pragueprocess.eu/", "contact_email": "pragueprocess@icmpd.org",
        "contact_ru": "fb: @PragueProcess, linkedin: prague-process",
        "contact_en": "fb: @PragueProcess, linkedin: prague-process",
        "states": ("AZE", "KAZ", "KGZ", "TJK", "TUR"),
        "themes": ("data-exchange", "refugee-protection", "labour-migration"),
        "partners": ("prague-process", "icmpd", "eu"),
    },
}
_RELATIONS = {
    "states": (ParticipantState, "iso3"), "themes": (Theme, "slug"),
    "partners": (Partner, "slug"), "documents": (Document, "slug"),
}


def _load_projects() -> int:
    added = 0
    for slug, data in PROJECTS.items():
        fields = {k: v for k, v in data.items() if k not in _RELATIONS}
        relations = {
            name: list(model.objects.filter(**{f"{key}__in": data.get(name, ())}))
            for name, (model, key) in _RELATIONS.items()
        }
        project = Project.objects.filter(slug=slug).first()
        if project is None:
            project_save(project=Project(slug=slug, **fields), **relations)
            added += 1
            continue
        changed = {k: v for k, v in fields.items() if getattr(project, k) != v}
        stored = {
            name: set(getattr(project, name).values_list("pk", flat=True))
            for name in _RELATIONS
        }
        new = {name: {obj.pk for obj in objs} for name, objs in relations.items()}
        if changed or stored != new:
            for name, value in changed.items():
                setattr(project, name, value)
            project_save(project=project, **relations)
    return added


def _link_observers() -> int:
    observers = {o.slug: o for o in Organisation.objects.all()}
    linked = 0
    for partner in Partner.objects.filter(observer__isnull=True, slug__in=list(observers)):
        partner.observer = observers[partner.slug]
        partner_save(partner=partner)
        linked += 1
    return linked


# The Support Unit's email and phone are not in the founding texts: the
# reference data (migration 0006) gives its city only. The demo fills them
# with clearly fictitious ones (example.org, a number of zeros), so that the
# contact page and a pack's practical information show where they go; the
# secretariat's own replace them in the admin. Filled only where empty.
DEMO_CONTACT = {"email": "support-unit@example.org", "phone": "+7 727 000 00 00"}


def _load_contact_details() -> bool:
    details, _ = ContactDetails.objects.get_or_create(pk=1, defaults={
        "address_ru": "Алматы, Казахстан", "address_en": "Almaty, Kazakhstan"})
    missing = {field: value for field, value in DEMO_CONTACT.items()
               if not getattr(details, field)}
    if missing:
        ContactDetails.objects.filter(pk=1).update(**missing)
    return bool(missing)


def load() -> str:
    _load_contact_details()
    news = _load_news()
    linked = _link_observers()
    partners = Partner.objects.count()
    added = _load_projects()
    return (
        f"content: {news} news item(s), {partners} partners "
        f"({linked} linked to observers now), {len(PROJECTS)} projects ({added} added now)"
    )
