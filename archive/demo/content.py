"""The demo's content: the thematic areas of the Action Plan and the
documents, with the text of their Russian and English files. Written for the
portal's demo; not official documents of the Almaty Process."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..enums import AccessLevel, DocumentType

# slug, Russian name, English name: the thematic areas of the Regional
# Action Plan, in its order.
THEMES = [
    ("mass-influx", "Готовность и реагирование на массовый приток",
     "Emergency preparedness and response to mass influx"),
    ("refugee-protection", "Защита беженцев", "Refugee protection"),
    ("border-management", "Управление границами", "Border management"),
    ("migrant-smuggling", "Незаконный ввоз мигрантов", "Migrant smuggling"),
    ("labour-migration", "Трудовая миграция", "Labour migration"),
    ("migration-development", "Миграция и развитие", "Migration and development"),
    ("data-exchange", "Сбор данных и обмен информацией",
     "Data collection and information exchange"),
    ("differentiated-procedures", "Дифференцированные процессы и процедуры",
     "Differentiated processes and procedures"),
    ("gender", "Гендер и миграция", "Gender and migration"),
    ("health", "Миграция и здоровье", "Migration and health"),
    ("climate", "Миграция, окружающая среда и изменение климата",
     "Migration, environment and climate change"),
]


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


DOCUMENTS = [
    DemoDocument(
        slug="almaty-declaration", doc_type=DocumentType.DECLARATION,
        date=datetime.date(2011, 3, 16), reference="AP/DECL/2011",
        title=("Алматинская декларация", "Almaty Declaration"),
        summary=(
            ("Итоговый документ Региональной конференции по защите беженцев и международной "
            "миграции (Алматы, 15–16 марта 2011 года), принятый единогласно."),
            ("The outcome of the Regional Conference on Refugee Protection and International "
            "Migration (Almaty, 15–16 March 2011), adopted unanimously."),
        ),
        body=(
            (
                ("Участники конференции признают, что смешанные миграционные потоки в "
                "Центральной Азии включают беженцев, лиц, ищущих убежища, трудовых мигрантов, "
                "жертв торговли людьми и лиц без гражданства."),
                ("Государства подтверждают обязательство обеспечивать доступ беженцев к "
                "процедурам предоставления убежища и соблюдать принцип невысылки."),
                ("Права трудовых мигрантов и членов их семей должны защищаться на всех этапах "
                "миграции: до отъезда, в пути, в стране назначения и после возвращения."),
                ("Участники договорились продолжать региональный диалог и обмен информацией "
                "о миграционных тенденциях и передовой практике."),
            ),
            (
                ("The participants recognise that mixed migratory movements in Central Asia "
                "include refugees, asylum-seekers, labour migrants, victims of trafficking and "
                "stateless persons."),
                ("States reaffirm their commitment to give refugees access to asylum "
                "procedures and to respect the principle of non-refoulement."),
                ("The rights of labour migrants and their families must be protected at every "
                "stage of migration: before departure, in transit, in the country of "
                "destination and after return."),
                ("The participants agreed to continue a regional dialogue and to exchange "
                "information on migration trends and good practice."),
            ),
        ),
        themes=("refugee-protection", "labour-migration", "differentiated-procedures"),
        states=("KAZ", "KGZ", "TJK", "AFG", "AZE", "TUR"),
    ),
    DemoDocument(
        slug="regional-action-plan", doc_type=DocumentType.ACTION_PLAN,
        date=datetime.date(2012, 9, 7), reference="AP/RAP/2012",
        title=("Региональная рамочная программа сотрудничества и план действий",
               "Regional Cooperation Framework and Action Plan"),
        summary=(
            ("Четыре направления общего понимания и план действий, принятые национальными "
            "координаторами 7 сентября 2012 года."),
            ("Four areas of common understanding and the action plan adopted by the national "
            "coordinators on 7 September 2012."),
        ),
        body=(
            (
                ("Первое направление — управление границами с учётом потребностей защиты и "
                "безопасности: пограничники должны распознавать беженцев среди прибывающих."),
                ("Второе направление — дифференцированные процессы и процедуры для разных "
                "групп людей в пути: беженцев, мигрантов, жертв торговли людьми."),
                ("Третье направление — долгосрочные решения для беженцев и лиц без "
                "гражданства; четвёртое — возможности легальной трудовой миграции и "
                "политика, учитывающая гендерные аспекты."),
            ),
            (
                ("The first area is protection-sensitive border management and security: "
                "border officials should identify refugees among new arrivals."),
                ("The second area covers differentiated processes and procedures for the "
                "different groups of people on the move: refugees, migrants, victims of "
                "trafficking."),
                ("The third area seeks durable solutions for refugees and stateless persons; "
                "the fourth opens legal labour migration opportunities and gender-sensitive "
                "policy."),
            ),
        ),
        themes=("border-management", "differentiated-procedures", "labour-migration", "gender"),
        states=("KAZ", "KGZ", "TJK", "TKM"),
    ),
    DemoDocument(
        slug="operational-mechanism-2013", doc_type=DocumentType.OPERATIONAL_MECHANISM,
        date=datetime.date(2013, 6, 5), reference="AP/OM/2013",
        title=("Операционный механизм Алматинского процесса",
               "Operational Mechanism of the Almaty Process"),
        summary=(
            ("Порядок работы процесса: председательство, совещания старших должностных лиц, "
            "министерские конференции и группа поддержки."),
            ("How the process works: the chairmanship, senior officials' meetings, "
            "ministerial conferences and the Support Unit."),
        ),
        body=(
            (
                ("Председательство открыто для каждого государства-участника на добровольной "
                "основе и переходит по английскому алфавиту каждые два года."),
                ("Совещания старших должностных лиц проводятся ежегодно; решения принимаются "
                "консенсусом."),
                ("Группа поддержки в Алматы хранит архив процесса и распространяет материалы "
                "для участников перед совещаниями."),
            ),
            (
                ("The chairmanship is open to every participant state on a voluntary basis and "
                "rotates in English alphabetical order every two years."),
                "Senior officials meet every year; decisions are taken by consensus.",
                ("The Support Unit in Almaty keeps the archive of the process and distributes "
                "materials to participants before meetings."),
            ),
        ),
    ),
    DemoDocument(
        slug="operational-mechanism-2016", doc_type=DocumentType.OPERATIONAL_MECHANISM,
        date=datetime.date(2016, 11, 24), reference="AP/OM/2016",
        title=("Операционный механизм Алматинского процесса (с поправками 2016 года)",
               "Operational Mechanism of the Almaty Process (as amended in 2016)"),
        summary=(
            ("Поправки уточняют порядок отказа государства от очереди председательства и "
            "роль национальных координаторов."),
            ("The amendments clarify how a state may decline its turn to chair and the role "
            "of the national coordinators."),
        ),
        body=(
            (
                ("Государство вправе отказаться от своей очереди председательства; в этом "
                "случае очередь переходит к следующему государству по алфавиту."),
                ("Каждое государство-участник назначает национального координатора — "
                "контактное лицо по всем вопросам процесса."),
                "Настоящая редакция заменяет Операционный механизм 2013 года.",
            ),
            (
                ("A state may decline its turn to chair; the turn then passes to the next "
                "state in alphabetical order."),
                ("Every participant state designates a national coordinator, its focal point "
                "for all matters of the process."),
                "This version supersedes the Operational Mechanism of 2013.",
            ),
        ),
        supersedes="operational-mechanism-2013",
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
        date=datetime.date(2023, 11, 9), reference="AP/MC/2023/C",
        title=("Выводы министерской конференции 2023 года",
               "Conclusions of the 2023 Ministerial Conference"),
        summary=(
            ("Министры договорились об обмене данными о смешанной миграции и о совместной "
            "подготовке к массовому притоку людей."),
            ("Ministers agreed to exchange data on mixed migration and to prepare jointly for "
            "a mass influx of people."),
        ),
        body=(
            (
                ("Министры отметили рост смешанной миграции в регионе и необходимость "
                "планов на случай массового притока беженцев."),
                ("Государства обменяются обезличенными данными о передвижениях через "
                "границы, соблюдая защиту персональных данных."),
                ("Изменение климата названо новой причиной вынужденных перемещений, "
                "требующей совместного анализа."),
            ),
            (
                ("Ministers noted the growth of mixed migration in the region and the need for "
                "contingency plans for a mass influx of refugees."),
                ("States will exchange anonymised data on cross-border movements while "
                "protecting personal data."),
                ("Climate change was named as a new driver of forced displacement requiring "
                "joint analysis."),
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
            ("Цели, участники и программа семинара для должностных лиц государств "
            "Центральной Азии о реинтеграции возвращающихся мигрантов."),
            "",
        ),
        body=(
            (
                ("Семинар соберёт около двадцати должностных лиц из пяти государств "
                "Центральной Азии, отвечающих за трудовую миграцию и занятость."),
                ("Участники обсудят, как помочь вернувшимся мигрантам найти работу, "
                "подтвердить квалификацию и получить доступ к медицинской помощи."),
                "Семинар организуется председателем при содействии группы поддержки.",
            ),
            (),
        ),
        themes=("labour-migration", "migration-development", "health"),
        states=("KAZ", "KGZ", "TJK", "TKM"),
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
            ("Двадцать должностных лиц из пяти государств Центральной Азии обсудили поддержку "
            "возвращающихся трудовых мигрантов."),
            ("Twenty officials from five Central Asian states discussed support for returning "
            "labour migrants."),
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
        slug="reintegration-seminar-news", doc_type=DocumentType.NEWS,
        date=datetime.date(2024, 6, 19),
        title=("Должностные лица пяти государств обсудили реинтеграцию мигрантов",
               "Officials of five states discussed the reintegration of migrants"),
        summary=(
            "Коротко о региональном семинаре: итоги и следующие шаги.",
            "The regional seminar in brief: outcomes and next steps.",
        ),
        body=(
            (
                ("По итогам семинара участники предложили создать региональную сеть "
                "специалистов по реинтеграции вернувшихся мигрантов."),
            ),
            (
                ("At the end of the seminar participants proposed a regional network of "
                "specialists in the reintegration of returning migrants."),
            ),
        ),
        themes=("labour-migration",),
    ),
    DemoDocument(
        slug="support-unit-activity-report-2024", doc_type=DocumentType.REPORT,
        date=datetime.date(2025, 1, 20), reference="AP/SU/2024/INT",
        title=("Отчёт группы поддержки о деятельности за 2024 год",
               "Support Unit activity report 2024"),
        summary=(
            "Внутренний отчёт: переводы, подготовка совещаний, пополнение архива.",
            "Internal report: translations, meeting preparation, additions to the archive.",
        ),
        body=(
            (
                ("В 2024 году группа поддержки перевела и распространила материалы к трём "
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
            "Черновик: миграция и изменение климата, обмен данными, выборы председателя.",
            "Draft: migration and climate change, data exchange, election of the Chair.",
        ),
        body=(
            (
                ("1. Открытие совещания. 2. Миграция, окружающая среда и изменение климата. "
                "3. Обмен данными о смешанной миграции. 4. Председательство 2026–2027 годов."),
            ),
            (
                ("1. Opening. 2. Migration, environment and climate change. 3. Data exchange "
                "on mixed migration. 4. The chairmanship for 2026–2027."),
            ),
        ),
        published=False,
        themes=("climate", "data-exchange"),
    ),
]
