"""The text of the Operational Mechanism of the Almaty Process, for the
demo's Operational Mechanism document.

RUSSIAN is the source text as written (shared/seeds, file 004), one
paragraph per heading, list item or footnote, with the emphasis dropped and
the footnote marks as superscript digits; its wording, spelling and
punctuation are left as they are. ENGLISH is a translation made for the
portal's demo, paragraph by paragraph, keeping the source's terms: the
Support Unit («Служба поддержки»), the no-objection procedure («процедура
невозражения»), and "the Republic of Turkey", the name the 2013 text uses.

The Mechanism says the chairmanship is open to participant states "on a
voluntary basis" (a state may decline its turn) and that it is amended at
Ministerial meetings: the demo shows no amendment."""

RUSSIAN = (
    '1. Общие сведения',
    ('В настоящем документе излагается Операционный механизм для Регионального '
     'консультативного процесса по вопросам миграции под названием "Алматинский Процесс", '
     'который объединяет три государства Центральной Азии (Республику Казахстан, '
     'Кыргызскую Республику и Республику Таджикистан), а также пять других государств '
     'региона (Исламскую Республику Афганистан, Азербайджанскую Республику, [Исламскую '
     'Республику Иран], [Исламскую Республику Пакистан] и Республику Турция)¹, с которыми '
     'центрально-азиатские страны имеют общие проблемы в области миграции.'),
    ('Первая Региональная Конференция по вопросам защиты беженцев и международной миграции'
     ' была проведена в г. Алматы, Республика Казахстан, 15-16 марта 2011 года.² '
     'Алматинская Декларация, единогласно принятая на Конференции, признает постоянную '
     'необходимость совместного и скоординированного решения многочисленных проблем, '
     'обусловленных сложной динамикой миграции и смешанных миграционных потоков в '
     'Центральной Азии и регионе, в целом.'),
    ('¹ Государства, указанные в скобках, отметили необходимость в дальнейшей внутренней '
     'процедуре, прежде чем они официально оформят свое участие в Алматинском Процессе, '
     'основываясь на процедуре невозражения, как можно скорее, но не позднее, чем 31 '
     'августа 2013.'),
    ('² Региональная Конференция по вопросам защиты беженцев и международной миграции в '
     'Центральной Азии была совместно организована Управлением Верховного комиссара '
     'Организации Объединенных Наций по делам беженцев (УВКБ ООН) и Международной '
     'организацией по миграции (МОМ) в сотрудничестве с Организацией по безопасности и '
     'сотрудничеству в Европе (ОБСЕ) и Региональным центром Организации Объединенных Наций'
     ' по превентивной дипломатии для Центральной Азии (UNRCCA). Она была созвана под '
     'эгидой Правительства Республики Казахстан, при финансовой поддержке Европейского '
     'Союза (ЕС), Бюро по вопросам народонаселения, беженцев и миграции Государственного '
     'департамента США, МОМ и УВКБ ООН.'),
    ('С целью претворения в жизнь итогов Конференции, а также продвижения регионального '
     'диалога и практического сотрудничества по вопросам, представляющим взаимный интерес,'
     ' в Декларации предложено разработать Региональную рамочную Программу сотрудничества '
     'и Региональный План действий для решения проблем смешанных миграционных потоков в '
     'Центральной Азии. С этой целью был проведен ряд национальных консультативных '
     'совещаний, в рамках которых было принято решение организовать Вторую Министерскую '
     'Конференцию, чтобы запустить Алматинский Процесс в качестве платформы для диалога и '
     'сотрудничества по вопросам смешанных миграционных потоков и международной защиты в '
     'регионе при поддержке МОМ и УВКБ ООН.'),
    '2. Цели',
    'Цели Алматинского Процесса будут охватывать следующие главные сферы деятельности:',
    ('1) Содействовать постоянному диалогу и обмену информацией по вопросам миграции и '
     'защиты беженцев³;'),
    ('2) Содействовать выработке механизмов мониторинга миграционных тенденций для '
     'прогнозирования и решения проблем, связанных с нерегулируемой миграцией на '
     'региональном уровне;'),
    ('3) Поощрять достижение единого понимания среди государств и других заинтересованных '
     'сторон причин, масштабов, маршрутов и последствий трансграничных перемещений в '
     'регионе;'),
    ('4) Содействовать на национальном и региональном уровнях последовательной, '
     'комплексной и дифференцированной политике касательно перемещающихся лиц;'),
    ('5) Разрабатывать проекты мероприятий, направленных на укрепление потенциала '
     'государств, развивать новые формы международного и регионального сотрудничества с '
     'целью управления вопросами миграции, в том числе трудовой, и защиты беженцев.'),
    ('³ Предварительные темы включают в себя, но не ограничиваются ими: готовность к '
     'чрезвычайным ситуациям и реагирование на ситуации массового притока; защита '
     'беженцев; управление границами; незаконный ввоз мигрантов; трудовая миграция; '
     'миграция и развитие; сбор данных и обмен информацией; дифференцированные процессы и '
     'процедуры; гендер и миграция, миграция и здоровье; миграция, охрана окружающей среды'
     ' и климатические изменения.'),
    '3. Операционный механизм',
    'i. Членство',
    ('Алматинский Процесс будет включать три центрально-азиатских государства (Республику '
     'Казахстан, Кыргызскую Республику и Республику Таджикистан), а также другие '
     'государства, с которыми страны Центральной Азии имеют общие проблемы в области '
     'миграции (Исламскую Республику Афганистан, Азербайджанскую Республику, [Исламскую '
     'Республику Иран], [Исламскую Республику Пакистан] и Республику Турция)⁴, как '
     'равноправных участников.'),
    ('Каждое государство-участник Алматинского Процесса назначит национального '
     'координатора, который будет действовать в качестве координатора от своей страны в '
     'области всех вопросов, относящихся к Процессу.'),
    'ii. Председательство',
    ('Председательство в Алматинском Процессе будет открыто для всех государств-участников'
     ' на добровольной основе, в алфавитном порядке английского языка после выборов '
     'первого Председателя в ходе Министерской Конференции 2013 года. Срок полномочий '
     'будет составлять 2 года. Председательствующее правительство назначит представителя '
     'соответствующего уровня для всей деятельности, связанной с его Председательством.'),
    'Сфера полномочий Председателя включает следующее:',
    ('• Председательствовать на совещаниях, проводимых в рамках Алматинского Процесса, '
     'проводить Министерский обзор и планировать конференции;'),
    ('• Действовать в качестве координатора по контролю над инициативами, связанными с '
     'Алматинским Процессом, и их реализацией на протяжении всего периода '
     'председательства;'),
    ('• Организовывать, при помощи Службы поддержки, семинары, консультации и конференции '
     'по конкретным вопросам, связанным со смешанными миграционными потоками или убежищем;'),
    ('• Представлять Алматинский Процесс на внешних событиях, действуя от имени и в '
     'соответствии с решениями государств-участников;'),
    '• Содействовать информированности об Алматинском Процессе;',
    ('• При содействии Службы поддержки мобилизовать ресурсы, необходимые для '
     'функционирования Алматинского Процесса.'),
    ('⁴ Государства, указанные в скобках, отметили необходимость в дальнейшей внутренней '
     'процедуре, прежде чем они официально оформят свое участие в Алматинском Процессе, '
     'основываясь на процедуре невозражения, как можно скорее, но не позднее, чем 31 '
     'августа 2013.'),
    'iii. Служба поддержки',
    ('Служба поддержки обеспечивает функционирование Алматинского Процесса. В течении двух'
     ' лет, до принятия соответствующего решения, функции Службы поддержки будут '
     'осуществляться действующими в Казахстане структурами УВКБ ООН и МОМ.'),
    ('Служба поддержки действует в соответствии с директивами Председателя и обеспечивает '
     'решение следующих задач:'),
    ('• Функционирует как институциональная память Алматинского Процесса, поддерживает в '
     'сохранности архивы Алматинского Процесса и управляет веб-порталом Алматинского '
     'Процесса на русском и английском языках;'),
    ('• Поддерживает Председательство во всех организационных вопросах, в том числе '
     'касательно конференций/совещаний/семинаров, относящихся к его сфере полномочий;'),
    ('• Оказывает помощь Председателю в сборе, переводе и распространении материалов для '
     'предварительного ознакомления участников конференций/совещаний/семинаров, а также в '
     'подготовке сборников соответствующих материалов для публикации в качестве '
     'последующих мер по итогам совещаний;'),
    ('• Поддерживает Председателя в обеспечении эффективного обмена информацией между '
     'государствами-участниками в целях стимулирования взаимодействия в отношении всех '
     'вопросов, касающихся миграции и защиты беженцев, а также представляющих интерес для '
     'стран Алматинского Процесса;'),
    ('• В соответствии с требованиями Председателя анализирует информацию и проводит '
     'исследования по вопросам предоставления убежища и миграции;'),
    ('• Оказывает поддержку Председателю в мониторинге СМИ, разработке регулярных '
     'совместных информационных листовок и совместных брифингов, а также сборе информации,'
     ' относящейся к Алматинскому Процессу;'),
    ('• Оказывает помощь Председателю в подготовке предложений по проектам для мобилизации'
     ' ресурсов с целью реализации мероприятий, включенных в план действий;'),
    ('• Поддерживает Председателя в укреплении связей с соответствующими национальными и '
     'международными программами, а также Региональными консультативными процессами по '
     'миграции.'),
    ('Финансирование: По мере необходимости, МОМ и УВКБ ООН будут оказывать помощь в '
     'получении финансирования для поддержки совещаний Алматинского Процесса с участием '
     'министров и старших должностных лиц, а также любых последующих рекомендуемых '
     'действий. До принятия дополнительного решения, страны участники Алматинского '
     'Процесса будут вносить добровольные взносы, относящиеся к административным расходам '
     'Службы поддержки.'),
    'Местонахождение:',
    ('Служба поддержки будет расположена в городе Алматы (Республика Казахстан), в '
     'помещениях предоставленных Правительством Республики Казахстан, до принятия '
     'дополнительного решения.'),
    'iv. Наблюдатели',
    ('Государства, а также международные и региональные организации могут участвовать в '
     'качестве наблюдателей во всех заседаниях Алматинского Процесса, за исключением иного'
     ' решения государств-участников. Представители гражданского общества могут быть '
     'приглашены в каждом конкретном случае на индивидуальной основе, с согласия решения '
     'государств-участников.'),
    'v. Формат и организация совещаний Алматинского Процесса',
    ('• Министерские конференции по обзору и планированию будут созывать один раз в два '
     'года.'),
    ('• Совещание старших должностных лиц (ССДЛ) будет проводиться ежегодно с целью '
     'анализа результатов работы за предыдущий год и согласования плана работы на '
     'последующий год. ССДЛ будет опираться на результаты регулярных национальных '
     'консультативных совещаний, которые, в свою очередь, будут опираться на '
     'предварительные темы Алматинского Процесса, подробная информация о которых находится'
     ' на первой странице данного документа.'),
    ('• Национальным координаторам рекомендуется проводить консультации как минимум раз в '
     'год.'),
    'vi. Процесс принятия решений',
    'Решения на заседаниях Алматинского Процесса будут приниматься на основе консенсуса.',
    'vii. Поправки к Операционному механизму',
    ('Данный Операционный механизм может быть изменен на Министерских совещаниях '
     'Алматинского Процесса.'),
)

ENGLISH = (
    '1. General',
    ('This document sets out the Operational Mechanism for the Regional Consultative '
     'Process on migration called the "Almaty Process", which brings together three states'
     ' of Central Asia (the Republic of Kazakhstan, the Kyrgyz Republic and the Republic '
     'of Tajikistan) and five other states of the region (the Islamic Republic of '
     'Afghanistan, the Republic of Azerbaijan, [the Islamic Republic of Iran], [the '
     'Islamic Republic of Pakistan] and the Republic of Turkey)¹, with which the Central '
     'Asian countries share common migration challenges.'),
    ('The first Regional Conference on Refugee Protection and International Migration was '
     'held in Almaty, Republic of Kazakhstan, on 15-16 March 2011.² The Almaty '
     'Declaration, adopted unanimously at the Conference, recognises the continuing need '
     'for joint and coordinated responses to the many challenges arising from the complex '
     'dynamics of migration and mixed migration flows in Central Asia and in the region as'
     ' a whole.'),
    ('¹ The states shown in brackets noted the need for a further internal procedure '
     'before they formalise their participation in the Almaty Process, on the basis of the'
     ' no-objection procedure, as soon as possible but no later than 31 August 2013.'),
    ('² The Regional Conference on Refugee Protection and International Migration in '
     'Central Asia was jointly organised by the Office of the United Nations High '
     'Commissioner for Refugees (UNHCR) and the International Organization for Migration '
     '(IOM) in cooperation with the Organization for Security and Co-operation in Europe '
     '(OSCE) and the United Nations Regional Centre for Preventive Diplomacy for Central '
     'Asia (UNRCCA). It was convened under the auspices of the Government of the Republic '
     'of Kazakhstan, with financial support from the European Union (EU), the Bureau of '
     'Population, Refugees and Migration of the United States Department of State, IOM and'
     ' UNHCR.'),
    ('To put the outcomes of the Conference into practice and to advance regional dialogue'
     ' and practical cooperation on matters of mutual interest, the Declaration proposed '
     'developing a Regional Cooperation Framework and a Regional Action Plan to address '
     'the challenges of mixed migration flows in Central Asia. To this end a series of '
     'national consultative meetings was held, at which it was decided to organise a '
     'Second Ministerial Conference to launch the Almaty Process as a platform for '
     'dialogue and cooperation on mixed migration flows and international protection in '
     'the region, with the support of IOM and UNHCR.'),
    '2. Objectives',
    ('The objectives of the Almaty Process will cover the following main areas of '
     'activity:'),
    ('1) To promote continuous dialogue and the exchange of information on migration and '
     'refugee protection³;'),
    ('2) To promote the development of mechanisms for monitoring migration trends, in '
     'order to foresee and address the problems of irregular migration at the regional '
     'level;'),
    ('3) To encourage a common understanding among states and other stakeholders of the '
     'causes, scale, routes and consequences of cross-border movements in the region;'),
    ('4) To promote, at the national and regional levels, coherent, comprehensive and '
     'differentiated policies concerning people on the move;'),
    ('5) To develop project activities aimed at building the capacity of states, and to '
     'develop new forms of international and regional cooperation for the management of '
     'migration, labour migration included, and of refugee protection.'),
    ('³ Preliminary topics include, but are not limited to: emergency preparedness and '
     'response to situations of mass influx; refugee protection; border management; '
     'migrant smuggling; labour migration; migration and development; data collection and '
     'information exchange; differentiated processes and procedures; gender and migration,'
     ' migration and health; migration, environmental protection and climate change.'),
    '3. Operational Mechanism',
    'i. Membership',
    ('The Almaty Process will include three Central Asian states (the Republic of '
     'Kazakhstan, the Kyrgyz Republic and the Republic of Tajikistan) and other states '
     'with which the countries of Central Asia share common migration challenges (the '
     'Islamic Republic of Afghanistan, the Republic of Azerbaijan, [the Islamic Republic '
     'of Iran], [the Islamic Republic of Pakistan] and the Republic of Turkey)⁴, as equal '
     'participants.'),
    ('Each participant state of the Almaty Process will designate a national coordinator, '
     'who will act as the focal point of his or her country on all matters relating to the'
     ' Process.'),
    'ii. Chairmanship',
    ('The Chairmanship of the Almaty Process will be open to all participant states on a '
     'voluntary basis, in English alphabetical order, after the election of the first '
     'Chair at the 2013 Ministerial Conference. The term of office will be 2 years. The '
     'chairing government will appoint a representative of appropriate level for all '
     'activities related to its Chairmanship.'),
    'The terms of reference of the Chair include the following:',
    ('• To chair the meetings held within the Almaty Process, to conduct the Ministerial '
     'review and to plan conferences;'),
    ('• To act as the focal point for overseeing the initiatives related to the Almaty '
     'Process and their implementation throughout the period of the Chairmanship;'),
    ('• To organise, with the help of the Support Unit, seminars, consultations and '
     'conferences on specific issues related to mixed migration flows or asylum;'),
    ('• To represent the Almaty Process at external events, acting on behalf of and in '
     'accordance with the decisions of the participant states;'),
    '• To raise awareness of the Almaty Process;',
    ('• With the assistance of the Support Unit, to mobilise the resources needed for the '
     'functioning of the Almaty Process.'),
    ('⁴ The states shown in brackets noted the need for a further internal procedure '
     'before they formalise their participation in the Almaty Process, on the basis of the'
     ' no-objection procedure, as soon as possible but no later than 31 August 2013.'),
    'iii. Support Unit',
    ('The Support Unit ensures the functioning of the Almaty Process. For two years, until'
     ' a decision to the contrary is taken, the functions of the Support Unit will be '
     'carried out by the offices of UNHCR and IOM operating in Kazakhstan.'),
    ("The Support Unit acts in accordance with the Chair's directions and carries out the "
     'following tasks:'),
    ('• It serves as the institutional memory of the Almaty Process, keeps the archives of'
     ' the Almaty Process safe and runs the web portal of the Almaty Process in Russian '
     'and English;'),
    ('• It supports the Chairmanship in all organisational matters, including '
     'conferences/meetings/seminars within its terms of reference;'),
    ('• It assists the Chair in collecting, translating and distributing materials for '
     'participants of conferences/meetings/seminars to read in advance, and in preparing '
     'compilations of the relevant materials for publication as a follow-up to meetings;'),
    ('• It supports the Chair in ensuring an effective exchange of information between '
     'participant states, in order to encourage cooperation on all matters concerning '
     'migration and refugee protection that are of interest to the countries of the Almaty'
     ' Process;'),
    ("• At the Chair's request, it analyses information and carries out research on asylum"
     ' and migration;'),
    ('• It supports the Chair in monitoring the media, in preparing regular joint '
     'information leaflets and joint briefings, and in collecting information relating to '
     'the Almaty Process;'),
    ('• It assists the Chair in preparing project proposals to mobilise resources for the '
     'activities included in the action plan;'),
    ('• It supports the Chair in strengthening links with relevant national and '
     'international programmes and with the Regional Consultative Processes on migration.'),
    ('Funding: As necessary, IOM and UNHCR will help to obtain funding to support meetings'
     ' of the Almaty Process with the participation of ministers and senior officials, and'
     ' any recommended follow-up actions. Until a further decision is taken, the '
     'participant countries of the Almaty Process will make voluntary contributions '
     'towards the administrative costs of the Support Unit.'),
    'Location:',
    ('The Support Unit will be located in the city of Almaty (Republic of Kazakhstan), in '
     'premises provided by the Government of the Republic of Kazakhstan, until a further '
     'decision is taken.'),
    'iv. Observers',
    ('States, and international and regional organisations, may take part as observers in '
     'all meetings of the Almaty Process, unless the participant states decide otherwise. '
     'Representatives of civil society may be invited case by case on an individual basis,'
     ' with the consent of the participant states.'),
    'v. Format and organisation of the meetings of the Almaty Process',
    ('• Ministerial conferences for review and planning will be convened once every two '
     'years.'),
    ("• A Senior Officials' Meeting (SOM) will be held every year to review the results of"
     ' the work of the previous year and to agree the work plan for the following year. '
     'The SOM will build on the results of regular national consultative meetings, which '
     'in turn will build on the preliminary topics of the Almaty Process, set out in '
     'detail on the first page of this document.'),
    '• National coordinators are encouraged to hold consultations at least once a year.',
    'vi. Decision-making',
    'Decisions at the meetings of the Almaty Process will be taken by consensus.',
    'vii. Amendments to the Operational Mechanism',
    ('This Operational Mechanism may be amended at Ministerial meetings of the Almaty '
     'Process.'),
)
