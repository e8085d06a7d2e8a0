"""The demo's content: the documents, with the text of their Russian and
English files (the thematic areas are reference data, loaded by archive
migration 0004). Written for the portal's demo, not official documents of
the Almaty Process, except the two taken from the seeds (their ``source``
says so): the Operational Mechanism and the BOMCA seminar news. The Almaty
Declaration is a record without a file: the seeds do not hold its text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..enums import AccessLevel, DocumentType
from .operational_mechanism import ENGLISH as OPERATIONAL_MECHANISM_EN
from .operational_mechanism import RUSSIAN as OPERATIONAL_MECHANISM_RU


@dataclass
class DemoDocument:
    slug: str
    doc_type: str
    date: datetime.date
    title: tuple[str, str]  # (ru, en); "" where the language version is missing
    summary: tuple[str, str]
    body: tuple[tuple[str, ...], tuple[str, ...]]  # paragraphs of the ru and en files
    reference: str = ""
    access: str = AccessLevel.PUBLIC
    published: bool = True
    themes: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    supersedes: str = ""
    languages: tuple[str, ...] = ("ru", "en")
    # (ru, en) where the text comes from a seed rather than being written for
    # the demo: the print template's closing note says so instead.
    source: tuple[str, str] = ("", "")


# The seeds under shared/seeds are the authority and no document contradicts
# them: the Operational Mechanism is its text as written (with an English
# translation) and has no amendment (declining a turn is its "voluntary
# basis"); the Regional Action Plan is the draft the 2012 Framework annexes;
# the BOMCA seminar news follows its Russian text. Only the first Chair was
# elected (2013); later Chairs come by rotation, confirmed by the Ministerial
# Conference before their term (as chairmanship.demo records them).
DOCUMENTS = [
    DemoDocument(
        # A real document whose text the seeds do not hold: the record only
        # (title, date, the conference, what the Operational Mechanism says
        # of it), no file, no reference number and no adopting states, none
        # of which the seeds give. A file written for the demo would put
        # invented words under the Declaration's name.
        slug="almaty-declaration", doc_type=DocumentType.DECLARATION,
        date=datetime.date(2011, 3, 16),
        title=("Алматинская декларация", "Almaty Declaration"),
        summary=(
            ("Принята единогласно на Региональной конференции по вопросам защиты беженцев и "
            "международной миграции (Алматы, 15–16 марта 2011 года). Согласно Операционному "
            "механизму, декларация признаёт постоянную необходимость совместного и "
            "скоординированного решения проблем, обусловленных сложной динамикой миграции и "
            "смешанных миграционных потоков в Центральной Азии и регионе. В демонстрационной "
            "базе — только сведения о документе: его текст не воспроизводится."),
            ("Adopted unanimously at the Regional Conference on Refugee Protection and "
            "International Migration (Almaty, 15–16 March 2011). According to the Operational "
            "Mechanism, it recognises the continuing need for joint, coordinated solutions to "
            "the problems that the complex dynamics of migration and mixed migratory movements "
            "raise in Central Asia and the region. The demo holds the record of the document "
            "only: its text is not reproduced."),
        ),
        body=((), ()),
        languages=(),
        themes=("refugee-protection", "labour-migration", "differentiated-procedures"),
    ),
    DemoDocument(
        # One document, as in the seed: the Framework the national coordinators
        # adopted, and its annex, the draft Regional Action Plan. Filed as
        # "Other": the types have no framework, and "Action plan" would
        # present the draft as an adopted plan.
        slug="regional-action-plan", doc_type=DocumentType.OTHER,
        date=datetime.date(2012, 9, 7), reference="AP/RAP/2012",
        title=(("Региональная рамочная программа сотрудничества и проект Регионального плана "
                "действий"),
               "Regional Cooperation Framework and the draft Regional Action Plan"),
        summary=(
            ("Региональная рамочная программа сотрудничества, принятая национальными "
            "координаторами Казахстана, Кыргызстана, Таджикистана и Туркменистана "
            "7 сентября 2012 года, и приложение к ней — проект Регионального плана действий "
            "по четырём сферам общих договорённостей."),
            ("The Regional Cooperation Framework adopted by the national coordinators of "
            "Kazakhstan, Kyrgyzstan, Tajikistan and Turkmenistan on 7 September 2012, and its "
            "annex, the draft Regional Action Plan for the four areas of common understanding."),
        ),
        body=(
            (
                ("Первая сфера общих договорённостей — управление границами и обеспечение "
                "безопасности с обеспечением защиты: пограничники должны распознавать беженцев "
                "среди прибывающих."),
                ("Вторая — дифференцированные процессы и процедуры для разных групп людей в "
                "пути: беженцев, мигрантов, жертв торговли людьми."),
                ("Третья — жизнеспособные решения для различных групп, в том числе беженцев и "
                "лиц без гражданства; четвёртая — развитие возможностей для законной миграции "
                "и разработка гендерно-чувствительной политики."),
                ("Проект Регионального плана действий, приложенный к программе, предлагает "
                "цели, мероприятия и ожидаемые результаты по каждой сфере. Это непрерывно "
                "развивающийся инструмент: его будут обсуждать на национальных консультациях "
                "и регулярно обновлять."),
            ),
            (
                ("The first area of common understanding is protection-sensitive border "
                "management and security: border officials should identify refugees among new "
                "arrivals."),
                ("The second covers differentiated processes and procedures for the different "
                "groups of people on the move: refugees, migrants, victims of trafficking."),
                ("The third seeks durable solutions for different groups, refugees and "
                "stateless persons among them; the fourth develops legal migration "
                "opportunities and gender-sensitive policy."),
                ("The draft Regional Action Plan annexed to the Framework proposes objectives, "
                "actions and expected results for each area. It is a living instrument: it will "
                "be discussed in national consultations and updated regularly."),
            ),
        ),
        themes=("border-management", "differentiated-procedures", "labour-migration", "gender"),
        states=("KAZ", "KGZ", "TJK"),
    ),
    DemoDocument(
        slug="operational-mechanism-2013", doc_type=DocumentType.OPERATIONAL_MECHANISM,
        date=datetime.date(2013, 6, 5), reference="AP/OM/2013",
        title=("Операционный механизм Алматинского процесса",
               "Operational Mechanism of the Almaty Process"),
        summary=(
            ("Цели процесса, членство (с процедурой невозражения), председательство, Служба "
            "поддержки, наблюдатели, формат совещаний, принятие решений консенсусом и "
            "порядок внесения поправок."),
            ("The objectives of the process, membership (with the no-objection procedure), "
            "the chairmanship, the Support Unit, observers, the format of meetings, decisions "
            "by consensus and how the Mechanism is amended. The English text is a translation "
            "made for the portal's demo."),
        ),
        body=(OPERATIONAL_MECHANISM_RU, OPERATIONAL_MECHANISM_EN),
        source=(
            ("Текст Операционного механизма приведён по исходному документу; файл создан для "
            "демонстрации портала."),
            ("The text of the Operational Mechanism, translated from the Russian source "
            "document for the portal's demo."),
        ),
    ),
    DemoDocument(
        slug="som-report-2019", doc_type=DocumentType.REPORT,
        date=datetime.date(2019, 10, 16), reference="AP/SOM/2019/R",
        title=("Доклад о совещании старших должностных лиц 2019 года",
               "Report of the 2019 Senior Officials' Meeting"),
        summary=(
            ("Обзор выполнения плана действий, доклады государств о трудовой миграции и "
            "защите беженцев."),
            ("A review of the action plan, with national reports on labour migration and "
            "refugee protection."),
        ),
        body=(
            (
                ("Делегации представили национальные доклады о численности трудовых мигрантов, "
                "о денежных переводах и о возвращении мигрантов на родину."),
                ("Несколько государств сообщили о новых процедурах определения статуса "
                "беженца и о подготовке пограничников."),
                ("Совещание рекомендовало подготовить региональное исследование о положении "
                "семей трудовых мигрантов."),
            ),
            (
                ("Delegations presented national reports on the number of labour migrants, on "
                "remittances and on migrants returning home."),
                ("Several states reported new refugee status determination procedures and "
                "training for border officials."),
                ("The meeting recommended a regional study on the situation of labour "
                "migrants' families."),
            ),
        ),
        access=AccessLevel.PARTICIPANTS,
        themes=("labour-migration", "refugee-protection", "data-exchange"),
    ),
    DemoDocument(
        slug="ministerial-conclusions-2023", doc_type=DocumentType.CONCLUSIONS,
        # Adopted on the Conference's last day (3–4 June 2023, meetings.demo),
        # the eve of the term it confirms (from 5 June 2023, chairmanship.demo).
        date=datetime.date(2023, 6, 4), reference="AP/MC/2023/C",
        title=("Выводы министерской конференции 2023 года",
               "Conclusions of the 2023 Ministerial Conference"),
        summary=(
            ("Министры договорились об обмене данными о смешанной миграции и о совместной "
            "подготовке к массовому притоку людей. Иллюстративный документ: конференция и "
            "текст вымышлены для демонстрации портала."),
            ("Ministers agreed to exchange data on mixed migration and to prepare jointly for "
            "a mass influx of people. An illustrative document: the conference and the text "
            "are invented for the portal's demo."),
        ),
        body=(
            (
                ("Министры отметили рост смешанной миграции в регионе и необходимость "
                "планов на случай массового притока беженцев."),
                ("Государства обменяются обезличенными данными о передвижениях через "
                "границы, соблюдая защиту персональных данных."),
                ("Изменение климата названо новой причиной вынужденных перемещений, "
                "требующей совместного анализа."),
                ("Министры приняли к сведению, что Афганистан на добровольной основе "
                "отказался от своей очереди председательства, и подтвердили, что с 5 июня "
                "2023 года на два года председательство по ротации переходит к Азербайджану."),
            ),
            (
                ("Ministers noted the growth of mixed migration in the region and the need for "
                "contingency plans for a mass influx of refugees."),
                ("States will exchange anonymised data on cross-border movements while "
                "protecting personal data."),
                ("Climate change was named as a new driver of forced displacement requiring "
                "joint analysis."),
                ("Ministers took note that Afghanistan, on a voluntary basis, declined its "
                "turn to chair, and confirmed that the chairmanship passes by rotation to "
                "Azerbaijan for two years from 5 June 2023."),
            ),
        ),
        access=AccessLevel.PARTICIPANTS,
        themes=("mass-influx", "data-exchange", "climate"),
    ),
    DemoDocument(
        slug="reintegration-seminar-concept-note", doc_type=DocumentType.CONCEPT_NOTE,
        date=datetime.date(2024, 4, 2), reference="AP/SEM/2024/CN",
        title=("Концептуальная записка: региональный семинар по реинтеграции мигрантов", ""),
        summary=(
            ("Цели, участники и программа семинара для должностных лиц центральноазиатских "
            "государств — участников процесса о реинтеграции возвращающихся мигрантов."),
            "",
        ),
        body=(
            (
                ("Семинар соберёт около двадцати должностных лиц из трёх государств "
                "Центральной Азии — участников процесса (Казахстана, Кыргызстана и "
                "Таджикистана), отвечающих за трудовую миграцию и занятость."),
                ("Участники обсудят, как помочь вернувшимся мигрантам найти работу, "
                "подтвердить квалификацию и получить доступ к медицинской помощи."),
                "Семинар организуется Председателем при помощи Службы поддержки.",
            ),
            (),
        ),
        themes=("labour-migration", "migration-development", "health"),
        states=("KAZ", "KGZ", "TJK"),
        languages=("ru",),
    ),
    DemoDocument(
        slug="border-management-fact-sheet", doc_type=DocumentType.FACT_SHEET,
        date=datetime.date(2023, 10, 12),
        title=("", "Fact sheet: protection-sensitive border management project"),
        summary=(
            "",
            ("A regional project training border guards to identify asylum-seekers and "
            "victims of trafficking at border crossing points."),
        ),
        body=(
            (),
            (
                ("The project trains border guards at crossing points between Central Asian "
                "states to recognise asylum-seekers, unaccompanied children and victims of "
                "trafficking."),
                ("Standard referral procedures connect border posts with asylum authorities "
                "and with organisations that assist refugees."),
                ("Since 2021 more than three hundred officers have taken part in the "
                "trainings."),
            ),
        ),
        themes=("border-management", "migrant-smuggling", "refugee-protection"),
        states=("KGZ", "TJK"),
        languages=("en",),
    ),
    DemoDocument(
        slug="reintegration-seminar-press-release", doc_type=DocumentType.PRESS_RELEASE,
        date=datetime.date(2024, 6, 18),
        title=("Пресс-релиз: в Алматы прошёл семинар по реинтеграции мигрантов",
               "Press release: a seminar on the reintegration of migrants held in Almaty"),
        summary=(
            ("Двадцать должностных лиц из трёх центральноазиатских государств — участников "
            "процесса обсудили поддержку возвращающихся трудовых мигрантов."),
            ("Twenty officials from the three Central Asian participant states discussed "
            "support for returning labour migrants."),
        ),
        body=(
            (
                "Семинар по реинтеграции мигрантов прошёл в Алматы 17–18 июня 2024 года.",
                ("Участники поделились опытом программ занятости для вернувшихся трудовых "
                "мигрантов и признания навыков, полученных за рубежом."),
            ),
            (
                ("The seminar on the reintegration of migrants was held in Almaty on "
                "17–18 June 2024."),
                ("Participants shared experience of employment programmes for returning labour "
                "migrants and of recognising skills gained abroad."),
            ),
        ),
        themes=("labour-migration", "migration-development"),
        states=("KAZ", "KGZ", "TJK"),
    ),
    DemoDocument(
        slug="labour-migrants-families-study", doc_type=DocumentType.STUDY,
        date=datetime.date(2022, 3, 30),
        title=("Исследование: семьи трудовых мигрантов из Центральной Азии",
               "Study: the families of labour migrants from Central Asia"),
        summary=(
            ("Как отъезд на заработки влияет на детей и супругов, остающихся дома, и какие "
            "меры поддержки работают."),
            ("How leaving for work abroad affects the children and spouses who stay at home, "
            "and which support measures work."),
        ),
        body=(
            (
                ("Исследование основано на опросе семей трудовых мигрантов в трёх "
                "государствах региона."),
                ("Женщины-мигранты чаще работают в неформальном секторе и реже защищены "
                "трудовыми договорами."),
                ("Дети мигрантов нуждаются в поддержке школ и социальных служб; денежные "
                "переводы покрывают основные расходы семьи, но не заменяют заботу."),
            ),
            (
                ("The study is based on a survey of the families of labour migrants in three "
                "states of the region."),
                ("Women migrants more often work in the informal sector and are less often "
                "protected by employment contracts."),
                ("Migrants' children need support from schools and social services; "
                "remittances cover the family's basic costs but do not replace care."),
            ),
        ),
        themes=("labour-migration", "gender", "migration-development"),
        states=("KGZ", "TJK", "AFG"),
    ),
    DemoDocument(
        # The news of the seed (Russian as written, without its contact
        # paragraph; the English is a translation made for the demo). A seminar
        # of the EU's BOMCA programme: the five Central Asian states whose
        # officials attended include Uzbekistan, which is not in the process.
        slug="bomca-reintegration-seminar-2019", doc_type=DocumentType.NEWS,
        date=datetime.date(2019, 9, 17),
        title=("Лучшие способы реинтеграции мигрантов обсуждаются на семинаре программы БОМКА",
               "Best ways to reintegrate migrants discussed at a BOMCA programme seminar"),
        summary=(
            ("Семинар программы БОМКА (не мероприятие Алматинского процесса): 20 представителей "
            "миграционных ведомств пяти государств Центральной Азии обсуждают стратегии "
            "реинтеграции мигрантов, Нур-Султан, 17 сентября 2019 года."),
            ("A seminar of the BOMCA programme (not an Almaty Process event): 20 officials of "
            "the migration authorities of five Central Asian states discuss strategies for the "
            "reintegration of migrants, Nur-Sultan, 17 September 2019."),
        ),
        body=(
            (
                "Нур-Султан, 17 сентября 2019 года",
                ("17 сентября в г. Нур-Султан начался региональный семинар по стратегиям "
                "реинтеграции мигрантов, организованный финансируемой ЕС Программой содействия "
                "управлению границами в Центральной Азии (БОМКА). На данном мероприятии, "
                "проводимом экспертами Международного центра по разработке миграционной "
                "политики (МЦРМП), принимают участие 20 представителей миграционных ведомств "
                "(Министерств иностранных дел, Министерств внутренних дел, Миграционных служб) "
                "из Казахстана, Кыргызстана, Таджикистана, Туркменистана, Узбекистана."),
                ("Принимая во внимание потребности и проблемы, возникающие в связи с миграцией и "
                "ее последствиями в регионе ЦА, необходимо также обратить внимание на такой "
                "важный аспект миграции, как реинтеграция мигрантов. Поэтому основной целью "
                "семинара является представление лучших международных стратегий реинтеграции, "
                "а также выявление национальных краткосрочных и долгосрочных приоритетов и "
                "потребностей в этой сфере. Участники ЦА сообщат о существующих национальных "
                "процедурах и практиках реинтеграции и репатриации мигрантов, европейские "
                "эксперты, в свою очередь, представят международные и европейские стандарты и "
                "подходы. Особое внимание будет уделено правовой базе для реинтеграции, "
                "поддержке мигрантов по прибытии, механизмам оказания помощи. Будут также "
                "рассмотрены практические примеры содержания консультационных центров в странах "
                "происхождения."),
                ("Первые мероприятия БОМКА прошли в 2003 году, с тех пор программа укрепила "
                "партнерство с правительствами стран Центральной Азии в сфере содействия "
                "управлению границами. На период 2003-2019 гг. на реализацию программы БОМКА "
                "Европейским Союзом было выделено 40,1 миллионов евро, из них более 6,6 "
                "миллионов евро на реализацию 9-ой фазы (2015-2019 гг)."),
            ),
            (
                "Nur-Sultan, 17 September 2019",
                ("On 17 September a regional seminar on migrant reintegration strategies opened "
                "in Nur-Sultan, organised by the EU-funded Border Management Programme in "
                "Central Asia (BOMCA). The event, conducted by experts of the International "
                "Centre for Migration Policy Development (ICMPD), is attended by 20 "
                "representatives of migration authorities (Ministries of Foreign Affairs, "
                "Ministries of Internal Affairs, Migration Services) from Kazakhstan, "
                "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan."),
                ("Given the needs and challenges that arise from migration and its consequences "
                "in the Central Asian region, attention must also be paid to an important "
                "aspect of migration: the reintegration of migrants. The main aim of the "
                "seminar is therefore to present the best international reintegration "
                "strategies and to identify national short-term and long-term priorities and "
                "needs in this field. The Central Asian participants will report on existing "
                "national procedures and practices of reintegration and repatriation of "
                "migrants; European experts in turn will present international and European "
                "standards and approaches. Particular attention will be paid to the legal "
                "framework for reintegration, support for migrants on arrival and assistance "
                "mechanisms. Practical examples of running counselling centres in countries of "
                "origin will also be considered."),
                ("The first BOMCA activities took place in 2003; since then the programme has "
                "strengthened its partnership with the governments of Central Asia in support "
                "of border management. For 2003-2019 the European Union allocated 40.1 million "
                "euros to the BOMCA programme, of which more than 6.6 million euros went to its "
                "9th phase (2015-2019)."),
            ),
        ),
        themes=("labour-migration", "migration-development", "border-management"),
        states=("KAZ", "KGZ", "TJK"),
        source=(
            ("Новость программы БОМКА приведена по исходному тексту (без контактов и "
            "концевых сведений); файл создан для демонстрации портала."),
            ("The BOMCA programme's news, translated from its Russian text (contacts and "
            "closing notes left out) for the portal's demo."),
        ),
    ),
    DemoDocument(
        slug="support-unit-activity-report-2024", doc_type=DocumentType.REPORT,
        date=datetime.date(2025, 1, 20), reference="AP/SU/2024/INT",
        title=("Отчёт Службы поддержки о деятельности за 2024 год",
               "Support Unit activity report 2024"),
        summary=(
            "Внутренний отчёт: переводы, подготовка совещаний, пополнение архива.",
            "Internal report: translations, meeting preparation, additions to the archive.",
        ),
        body=(
            (
                ("В 2024 году Служба поддержки перевела и распространила материалы к трём "
                "совещаниям и пополнила архив документами о беженцах и мигрантах."),
                "Отчёт предназначен только для секретариата.",
            ),
            (
                ("In 2024 the Support Unit translated and distributed the materials of three "
                "meetings and added documents on refugees and migrants to the archive."),
                "The report is for the secretariat only.",
            ),
        ),
        access=AccessLevel.SECRETARIAT,
        themes=("data-exchange",),
    ),
    DemoDocument(
        slug="som-2025-draft-agenda", doc_type=DocumentType.AGENDA,
        date=datetime.date(2025, 9, 15), reference="AP/SOM/2025/A",
        title=("Проект повестки дня совещания старших должностных лиц 2025 года",
               "Draft agenda of the 2025 Senior Officials' Meeting"),
        summary=(
            ("Черновик: миграция и изменение климата, обмен данными, подготовка Министерской "
            "конференции 2027 года."),
            ("Draft: migration and climate change, data exchange, preparation of the 2027 "
            "Ministerial Conference."),
        ),
        body=(
            (
                ("1. Открытие совещания. 2. Миграция, окружающая среда и изменение климата. "
                "3. Обмен данными о смешанной миграции. 4. Подготовка Министерской конференции "
                "2027 года по обзору и планированию; очередной срок председательства по ротации "
                "(с 5 июня 2027 года)."),
            ),
            (
                ("1. Opening. 2. Migration, environment and climate change. 3. Data exchange "
                "on mixed migration. 4. Preparation of the 2027 Ministerial Conference for review "
                "and planning; the next chairmanship term by rotation (from 5 June 2027)."),
            ),
        ),
        published=False,
        themes=("climate", "data-exchange"),
    ),
]
