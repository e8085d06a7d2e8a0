"""The About page's first texts and the history timeline, as reference data.

The sections follow the Operational Mechanism of the Almaty Process
(shared seed 004): the Russian is the seed's own wording, condensed only by
leaving sentences out; the English is a faithful translation. The timeline
holds the dates of the process's founding texts (the 2011 Almaty
conference and Declaration, the 2012 Regional Cooperation Framework, the
2013 Ministerial Conference). The secretariat edits all of it in the admin
afterwards: rows already present (same slug, or same date and English
title) are left as they are, and going back removes nothing."""

import datetime

from django.db import migrations

# slug, position, (title ru, title en), (body ru, body en)
SECTIONS = [
    ("objectives", 1, ("Цели", "Objectives"), (
        "<p>Цели <em>Алматинского Процесса</em> будут охватывать следующие главные сферы "
        "деятельности:</p><ol>"
        "<li>Содействовать постоянному диалогу и обмену информацией по вопросам миграции и "
        "защиты беженцев;</li>"
        "<li>Содействовать выработке механизмов мониторинга миграционных тенденций для "
        "прогнозирования и решения проблем, связанных с нерегулируемой миграцией на "
        "региональном уровне;</li>"
        "<li>Поощрять достижение единого понимания среди государств и других "
        "заинтересованных сторон причин, масштабов, маршрутов и последствий трансграничных "
        "перемещений в регионе;</li>"
        "<li>Содействовать на национальном и региональном уровнях последовательной, "
        "комплексной и дифференцированной политике касательно перемещающихся лиц;</li>"
        "<li>Разрабатывать проекты мероприятий, направленных на укрепление потенциала "
        "государств, развивать новые формы международного и регионального сотрудничества с "
        "целью управления вопросами миграции, в том числе трудовой, и защиты беженцев.</li>"
        "</ol>",
        "<p>The objectives of the <em>Almaty Process</em> will cover the following main "
        "areas of activity:</p><ol>"
        "<li>To promote continuous dialogue and exchange of information on migration and "
        "refugee protection;</li>"
        "<li>To promote the development of mechanisms for monitoring migration trends in "
        "order to foresee and address the problems of irregular migration at the regional "
        "level;</li>"
        "<li>To encourage a common understanding among states and other stakeholders of the "
        "causes, scale, routes and consequences of cross-border movements in the region;</li>"
        "<li>To promote, at the national and regional levels, coherent, comprehensive and "
        "differentiated policies concerning people on the move;</li>"
        "<li>To develop projects aimed at building the capacity of states, and to develop new "
        "forms of international and regional cooperation in managing migration, labour "
        "migration included, and refugee protection.</li>"
        "</ol>",
    )),
    ("membership", 2, ("Членство", "Membership"), (
        "<p><em>Алматинский Процесс</em> будет включать три центрально-азиатских государства "
        "(Республику Казахстан, Кыргызскую Республику и Республику Таджикистан), а также "
        "другие государства, с которыми страны Центральной Азии имеют общие проблемы в "
        "области миграции (Исламскую Республику Афганистан, Азербайджанскую Республику, "
        "[Исламскую Республику Иран], [Исламскую Республику Пакистан] и Республику Турция), "
        "как равноправных участников.</p>"
        "<p>Государства, указанные в скобках, отметили необходимость в дальнейшей внутренней "
        "процедуре, прежде чем они официально оформят свое участие в Алматинском Процессе, "
        "основываясь на процедуре невозражения, как можно скорее, но не позднее, чем "
        "31 августа 2013.</p>"
        "<p>Каждое государство-участник <em>Алматинского Процесса</em> назначит "
        "<strong>национального координатора</strong>, который будет действовать в качестве "
        "координатора от своей страны в области всех вопросов, относящихся к "
        "<em>Процессу</em>.</p>",
        "<p>The <em>Almaty Process</em> will include three Central Asian states (the Republic "
        "of Kazakhstan, the Kyrgyz Republic and the Republic of Tajikistan) and other states "
        "with which the countries of Central Asia share migration challenges (the Islamic "
        "Republic of Afghanistan, the Republic of Azerbaijan, [the Islamic Republic of Iran], "
        "[the Islamic Republic of Pakistan] and the Republic of Turkey), as equal "
        "participants.</p>"
        "<p>The states in brackets noted the need for a further internal procedure before "
        "formalising their participation in the Almaty Process, on the basis of a "
        "no-objection procedure, as soon as possible and no later than 31 August 2013.</p>"
        "<p>Each participant state of the <em>Almaty Process</em> will designate a "
        "<strong>national coordinator</strong>, who will act as its country's focal point on "
        "all matters relating to the <em>Process</em>.</p>",
    )),
    ("chairmanship", 3, ("Председательство", "Chairmanship"), (
        "<p>Председательство в <em>Алматинском Процессе</em> будет открыто для всех "
        "государств-участников на добровольной основе, в алфавитном порядке английского "
        "языка после выборов первого Председателя в ходе Министерской Конференции 2013 года. "
        "Срок полномочий будет составлять 2 года. Председательствующее правительство "
        "назначит представителя соответствующего уровня для всей деятельности, связанной с "
        "его Председательством.</p>"
        "<p>Сфера полномочий Председателя включает следующее:</p><ul>"
        "<li>Председательствовать на совещаниях, проводимых в рамках <em>Алматинского "
        "Процесса</em>, проводить Министерский обзор и планировать конференции;</li>"
        "<li>Организовывать, при помощи Службы поддержки, семинары, консультации и "
        "конференции по конкретным вопросам, связанным со смешанными миграционными потоками "
        "или убежищем;</li>"
        "<li>Представлять <em>Алматинский Процесс</em> на внешних событиях, действуя от "
        "имени и в соответствии с решениями государств-участников;</li>"
        "<li>При содействии Службы поддержки мобилизовать ресурсы, необходимые для "
        "функционирования <em>Алматинского Процесса</em>.</li></ul>",
        "<p>The Chairmanship of the <em>Almaty Process</em> will be open to all participant "
        "states on a voluntary basis, in English alphabetical order, after the election of the "
        "first Chair at the 2013 Ministerial Conference. The term of office will be two years. "
        "The chairing government will appoint a representative of appropriate level for all "
        "activities related to its Chairmanship.</p>"
        "<p>The Chair's responsibilities include the following:</p><ul>"
        "<li>To chair the meetings held within the <em>Almaty Process</em>, conduct the "
        "Ministerial review and plan conferences;</li>"
        "<li>To organise, with the help of the Support Unit, seminars, consultations and "
        "conferences on specific questions of mixed migration or asylum;</li>"
        "<li>To represent the <em>Almaty Process</em> at external events, acting on behalf "
        "of and in accordance with the decisions of the participant states;</li>"
        "<li>To mobilise, with the assistance of the Support Unit, the resources the "
        "<em>Almaty Process</em> needs to function.</li></ul>",
    )),
    ("support-unit", 4, ("Служба поддержки", "Support Unit"), (
        "<p>Служба поддержки обеспечивает функционирование <em>Алматинского Процесса</em>. "
        "Служба поддержки действует в соответствии с директивами Председателя и обеспечивает "
        "решение следующих задач:</p><ul>"
        "<li>Функционирует как институциональная память <em>Алматинского Процесса</em>, "
        "поддерживает в сохранности архивы <em>Алматинского Процесса</em> и управляет "
        "веб-порталом <em>Алматинского Процесса</em> на русском и английском языках;</li>"
        "<li>Поддерживает Председательство во всех организационных вопросах, в том числе "
        "касательно конференций/совещаний/семинаров, относящихся к его сфере полномочий;</li>"
        "<li>Оказывает помощь Председателю в сборе, переводе и распространении материалов для "
        "предварительного ознакомления участников конференций/совещаний/семинаров, а также в "
        "подготовке сборников соответствующих материалов для публикации в качестве "
        "последующих мер по итогам совещаний;</li>"
        "<li>Поддерживает Председателя в укреплении связей с соответствующими национальными "
        "и международными программами, а также Региональными консультативными процессами по "
        "миграции.</li></ul>"
        "<p>Служба поддержки будет расположена в городе Алматы (Республика Казахстан), в "
        "помещениях предоставленных Правительством Республики Казахстан, до принятия "
        "дополнительного решения.</p>",
        "<p>The Support Unit ensures the functioning of the <em>Almaty Process</em>. It acts "
        "in accordance with the Chair's directions and performs the following tasks:</p><ul>"
        "<li>It serves as the institutional memory of the <em>Almaty Process</em>, keeps the "
        "archives of the <em>Almaty Process</em> safe and runs the web portal of the "
        "<em>Almaty Process</em> in Russian and English;</li>"
        "<li>It supports the Chairmanship in all organisational matters, including "
        "conferences, meetings and seminars within its remit;</li>"
        "<li>It assists the Chair in collecting, translating and distributing materials for "
        "participants to read before conferences, meetings and seminars, and in compiling the "
        "relevant materials for publication as follow-up to meetings;</li>"
        "<li>It supports the Chair in strengthening links with relevant national and "
        "international programmes and with regional consultative processes on "
        "migration.</li></ul>"
        "<p>The Support Unit will be located in Almaty (Republic of Kazakhstan), in premises "
        "provided by the Government of the Republic of Kazakhstan, until a further decision "
        "is taken.</p>",
    )),
    ("observers", 5, ("Наблюдатели", "Observers"), (
        "<p>Государства, а также международные и региональные организации могут участвовать "
        "в качестве наблюдателей во всех заседаниях <em>Алматинского Процесса</em>, за "
        "исключением иного решения государств-участников. Представители гражданского "
        "общества могут быть приглашены в каждом конкретном случае на индивидуальной основе, "
        "с согласия решения государств-участников.</p>",
        "<p>States and international and regional organisations may take part as observers "
        "in all meetings of the <em>Almaty Process</em>, unless the participant states decide "
        "otherwise. Civil society representatives may be invited case by case, on an "
        "individual basis, with the consent of the participant states.</p>",
    )),
    ("meetings", 6, ("Формат и организация совещаний", "Format and organisation of meetings"), (
        "<ul><li>Министерские конференции по обзору и планированию будут созывать один раз в "
        "два года.</li>"
        "<li>Совещание старших должностных лиц (ССДЛ) будет проводиться ежегодно с целью "
        "анализа результатов работы за предыдущий год и согласования плана работы на "
        "последующий год. ССДЛ будет опираться на результаты регулярных национальных "
        "консультативных совещаний.</li>"
        "<li>Национальным координаторам рекомендуется проводить консультации как минимум раз "
        "в год.</li></ul>",
        "<ul><li>Ministerial conferences for review and planning will be convened once every "
        "two years.</li>"
        "<li>A Senior Officials Meeting (SOM) will be held every year to review the results of "
        "the past year's work and to agree the work plan for the following year. The SOM will "
        "build on the results of regular national consultations.</li>"
        "<li>National coordinators are encouraged to hold consultations at least once a "
        "year.</li></ul>",
    )),
    ("decisions", 7, ("Процесс принятия решений", "Decision-making"), (
        "<p>Решения на заседаниях <em>Алматинского Процесса</em> будут приниматься на основе "
        "консенсуса.</p>"
        "<p>Данный Операционный механизм может быть изменен на Министерских совещаниях "
        "<em>Алматинского Процесса</em>.</p>",
        "<p>Decisions at the meetings of the <em>Almaty Process</em> will be taken by "
        "consensus.</p>"
        "<p>This Operational Mechanism may be amended at Ministerial meetings of the "
        "<em>Almaty Process</em>.</p>",
    )),
]

# date, year only, (title ru, title en), (description ru, description en)
HISTORY = [
    (datetime.date(2011, 3, 15), False,
     ("Региональная конференция в Алматы и Алматинская декларация",
      "Regional conference in Almaty and the Almaty Declaration"),
     ("15–16 марта 2011 года в Алматы прошла Региональная конференция по вопросам защиты "
      "беженцев и международной миграции в Центральной Азии, организованная УВКБ ООН и МОМ "
      "в сотрудничестве с ОБСЕ и UNRCCA. Конференция единогласно приняла Алматинскую "
      "декларацию.",
      "On 15–16 March 2011 Almaty hosted the Regional Conference on Refugee Protection and "
      "International Migration in Central Asia, organised by UNHCR and IOM in cooperation "
      "with the OSCE and UNRCCA. The conference adopted the Almaty Declaration "
      "unanimously.")),
    (datetime.date(2012, 9, 7), False,
     ("Региональная рамочная программа сотрудничества",
      "Regional Cooperation Framework"),
     ("Национальные координаторы Казахстана, Кыргызской Республики, Таджикистана и "
      "Туркменистана приняли Региональную рамочную программу сотрудничества и Региональный "
      "план действий.",
      "The national coordinators of Kazakhstan, the Kyrgyz Republic, Tajikistan and "
      "Turkmenistan adopted a Regional Cooperation Framework with a Regional Action Plan.")),
    (datetime.date(2013, 1, 1), True,
     ("Министерская конференция: начало Алматинского процесса",
      "Ministerial Conference: the Almaty Process launched"),
     ("Министерская конференция 2013 года дала начало Алматинскому процессу и избрала его "
      "первого Председателя.",
      "The 2013 Ministerial Conference launched the Almaty Process and elected its first "
      "Chair.")),
]


def load(apps, schema_editor):
    AboutSection = apps.get_model("content", "AboutSection")
    HistoryEntry = apps.get_model("content", "HistoryEntry")
    for slug, position, (title_ru, title_en), (body_ru, body_en) in SECTIONS:
        AboutSection.objects.get_or_create(slug=slug, defaults={
            "position": position, "title": title_ru, "title_ru": title_ru, "title_en": title_en,
            "body": body_ru, "body_ru": body_ru, "body_en": body_en,
        })
    for date, year_only, (title_ru, title_en), (text_ru, text_en) in HISTORY:
        if HistoryEntry.objects.filter(date=date, title_en=title_en).exists():
            continue
        HistoryEntry.objects.create(
            date=date, year_only=year_only, title=title_ru, title_ru=title_ru,
            title_en=title_en, description=text_ru, description_ru=text_ru,
            description_en=text_en,
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0007_about_and_history")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
