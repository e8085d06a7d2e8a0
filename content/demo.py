"""Demo content of the public pages, loaded by ``manage.py load_demo``
(idempotent: a second run changes nothing).

News: the seminar of the EU's BOMCA programme on the reintegration of
migrants (Nur-Sultan, 17 September 2019), from the seed news text: the
Russian title, date and body as written (the programme's boilerplate about
its consortium and the EU Delegation's address, which follow the body in
the seed, are left out); the English is our translation. It is not an
Almaty Process event, and its lead says so.

Partners: the reference rows come from a data migration; the demo links
those that are observers in the demo (membership's organisations, same
slug) to their observer records."""

from __future__ import annotations

import datetime
import zoneinfo

from membership.models import Organisation

from .models import NewsItem, Partner
from .richtext import sanitise_html
from .services import news_item_save, partner_save

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


def _link_observers() -> int:
    observers = {o.slug: o for o in Organisation.objects.all()}
    linked = 0
    for partner in Partner.objects.filter(observer__isnull=True, slug__in=list(observers)):
        partner.observer = observers[partner.slug]
        partner_save(partner=partner)
        linked += 1
    return linked


def load() -> str:
    news = _load_news()
    linked = _link_observers()
    partners = Partner.objects.count()
    return (
        f"content: {news} news item(s), {partners} partners "
        f"({linked} linked to observers now)"
    )
