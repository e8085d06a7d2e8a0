"""The Regional Cooperation Framework adopted by the national coordinators
of Kazakhstan, the Kyrgyz Republic, Tajikistan and Turkmenistan on
7 September 2012, and its annex, the draft Regional Action Plan: the first
plan version of the portal (``manage.py actionplan_load_2012``).

The Russian is the text as written (lines broken by the PDF rejoined,
footnote calls removed and the footnotes kept as notes); the English is the
Support Unit's working translation. Areas, objectives, actions, expected
results and good practices keep the order of the annex. Where the annex
groups actions under a level (operational, capacity building, cooperation
and coordination) ``level`` says so; elsewhere it groups them under a
thematic heading and the level is left to the secretariat (empty)."""

PLAN = {'version': 1,
 'status': 'draft',
 'adopted_on': '2012-09-07',
 'title': {'ru': 'Проект Регионального плана действий', 'en': 'Draft Regional Action Plan'},
 'framework_title': {'ru': 'Региональная рамочная программа сотрудничества, принятая Национальными '
                           'координаторами четырех центрально-азиатских стран (Республика '
                           'Казахстан, Кыргызская Республика, Республика Таджикистан, '
                           'Туркменистан) на встрече Национальных координаторов сентября 2012',
                     'en': 'Regional Cooperation Framework adopted by the national coordinators of '
                           'four Central Asian countries (the Republic of Kazakhstan, the Kyrgyz '
                           'Republic, the Republic of Tajikistan, Turkmenistan) at the meeting of '
                           'national coordinators on 7 September 2012'},
 'sections': [{'number': '1',
               'heading': {'ru': 'Движущие силы перемещения и миграции в Центральной Азии',
                           'en': 'Drivers of displacement and migration in Central Asia'},
               'area': None,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Регион Центральной Азии имеет давнюю историю сложных '
                                     'передвижений населения, включая как добровольную миграцию, '
                                     'так и вынужденные перемещения. Страны региона по сей день '
                                     'борются с некоторыми последствиями этих передвижений, '
                                     'особенно теми, которые имели место в результате распада '
                                     'Советского Союза и создания независимых центрально-азиатских '
                                     'государств. Нестабильность, cохраняющаяся межэтническая '
                                     'напряженность и конфликты по поводу ресурсов, в частности, в '
                                     'Ферганской долине – густонаселенной «горячей точке» региона, '
                                     'до сих пор вызывают внутренние и трансграничные '
                                     'передвижения. Дополнительными факторами, влияющими на '
                                     'мобильность в Центральной Азии, стали ухудшение состояния '
                                     'окружающей среды и высокий потенциал стихийных бедствий '
                                     'национального масштаба. В странах региона проживает большое '
                                     'количество беженцев, в частности, из соседнего Афганистана, '
                                     'и значительное число лиц без гражданства. Бедность, '
                                     'безработица, возрастающее неравенство в экономическом и '
                                     'социальном развитии стран Центрально-Азиатского региона '
                                     'также является сильным стимулирующим фактором, указывающим '
                                     'на возможность новых масштабных перемещений.',
                               'en': 'The Central Asian region has a long history of complex '
                                     'population movements, including both voluntary migration and '
                                     'forced displacement. The countries of the region still '
                                     'struggle today with some of the consequences of these '
                                     'movements, particularly those that took place as a result of '
                                     'the dissolution of the Soviet Union and the creation of the '
                                     'independent Central Asian states. Instability, persisting '
                                     'inter-ethnic tension and conflicts over resources, in '
                                     'particular in the Ferghana Valley, the densely populated '
                                     '"hot spot" of the region, still cause internal and '
                                     'cross-border movements. Environmental degradation and a high '
                                     'potential for natural disasters of national scale have '
                                     'become additional factors affecting mobility in Central '
                                     'Asia. The countries of the region host a large number of '
                                     'refugees, in particular from neighbouring Afghanistan, and a '
                                     'considerable number of stateless persons. Poverty, '
                                     'unemployment and growing inequality in the economic and '
                                     'social development of the countries of the Central Asian '
                                     'region are also a strong push factor pointing to the '
                                     'possibility of new large-scale movements.'},
                              {'kind': 'p',
                               'ru': 'Продолжающийся конфликт и нестабильность в Афганистане '
                                     'оказывают непрерывный, распространяющийся эффект на страны '
                                     'Центральной Азии. Предполагаемая передача контроля '
                                     'безопасности международными силами в Афганистане может '
                                     'вызвать дальнейшие смешанные потоки из страны, в том числе в '
                                     'страны Центральной Азии. Не исключено, что такие '
                                     'потенциально крупномасштабные перемещения населения могут '
                                     'быть использованы лицами, занимающимися торговлей людьми, '
                                     'боевиками и другими группировками, незаслуживающими '
                                     'предоставления международной защиты и доступа в страны '
                                     'Центральной Азии.',
                               'en': 'The continuing conflict and instability in Afghanistan have '
                                     'a constant, spreading effect on the countries of Central '
                                     'Asia. The expected transfer of security control by the '
                                     'international forces in Afghanistan may cause further mixed '
                                     'flows from the country, including to the countries of '
                                     'Central Asia. It cannot be excluded that such potentially '
                                     'large-scale population movements may be used by persons '
                                     'engaged in trafficking in human beings, by combatants and by '
                                     'other groups that do not deserve international protection '
                                     'and access to the countries of Central Asia.'},
                              {'kind': 'p',
                               'ru': 'Неурегулированные проблемы, вызванные перемещением в '
                                     'прошлом, наряду с задачей приема вновь прибываюших людей с '
                                     'самыми разными характеристиками, мотивациями и '
                                     'потребностями, создают значительную нагрузку на '
                                     'правительства стран региона. Им часто недостает возможностей '
                                     'и ресурсов для реагирования на смешанные перемещения, '
                                     'масштабы и сложность которых постоянно возрастают.',
                               'en': 'Unresolved problems caused by past displacement, together '
                                     'with the task of receiving new arrivals with the most varied '
                                     'profiles, motivations and needs, place a considerable burden '
                                     'on the governments of the region. They often lack the '
                                     'capacity and resources to respond to mixed movements, whose '
                                     'scale and complexity keep growing.'},
                              {'kind': 'p',
                               'ru': 'Отвечая на эти вызовы, страны региона накопили существенный '
                                     'полезный практический опыт, на котором можно строить новые и '
                                     'перспективные подходы к существующим и возникающим '
                                     'ситуациям, касающимся перемещения. В частности, достойны '
                                     'наивысшего одобрения такие практические шаги, как программы '
                                     'широкомасштабной натурализации в Кыргызстане и Туркменистане '
                                     'после перемещения, вызванного гражданской войной в '
                                     'Таджикистане, возвращение и реинтеграция этнических казахов '
                                     '(оралманов) в Казахстане, а также общерегиональные усилия по '
                                     'разрешению давней проблемы безгражданства, включая недавнее '
                                     'присоединение Туркменистана к Конвенции 1954 г. о статусе '
                                     'апатридов.',
                               'en': 'In responding to these challenges, the countries of the '
                                     'region have accumulated substantial useful practical '
                                     'experience on which new and forward-looking approaches to '
                                     'existing and emerging displacement situations can be built. '
                                     'Practical steps deserving the highest commendation include, '
                                     'in particular, the large-scale naturalisation programmes in '
                                     'Kyrgyzstan and Turkmenistan after the displacement caused by '
                                     'the civil war in Tajikistan, the return and reintegration of '
                                     'ethnic Kazakhs (oralmans) in Kazakhstan, and region-wide '
                                     'efforts to resolve the long-standing problem of '
                                     "statelessness, including Turkmenistan's recent accession to "
                                     'the 1954 Convention relating to the Status of Stateless '
                                     'Persons.'},
                              {'kind': 'note',
                               'ru': 'См. «Защита беженцев и динамика миграции в Центральной '
                                     'Азии», справочное исследование к Региональной конференции по '
                                     'защите беженцев и международной миграции в Центральной Азии, '
                                     'март 2011 г. http://www.unhcr.org/4ddfb8459.html',
                               'en': 'See "Refugee Protection and Migration Dynamics in Central '
                                     'Asia", background study for the Regional Conference on '
                                     'Refugee Protection and International Migration in Central '
                                     'Asia, March 2011. http://www.unhcr.org/4ddfb8459.html'}]},
              {'number': '2',
               'heading': {'ru': 'Общие вызовы и преимущества расширения регионального '
                                 'сотрудничества',
                           'en': 'Common challenges and the benefits of wider regional '
                                 'cooperation'},
               'area': None,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Региональная конференция по вопросам защиты беженцев и '
                                     'международной миграции в Центральной Азии, совместно '
                                     'организованная УВКБ ООН, МОМ и ОБСЕ и состоявшаяся в Алматы '
                                     '15-16 марта 2011 года, предоставила уникальную возможность '
                                     'для достижения лучшего понимания сложной миграционной '
                                     'динамики в регионе и для определения сфер, вызывающих общую '
                                     'озабоченность, включая сферы, требующие более широкого '
                                     'сотрудничества.',
                               'en': 'The Regional Conference on Refugee Protection and '
                                     'International Migration in Central Asia, jointly organised '
                                     'by UNHCR, IOM and OSCE and held in Almaty on 15-16 March '
                                     '2011, provided a unique opportunity to gain a better '
                                     'understanding of the complex migration dynamics in the '
                                     'region and to identify areas of common concern, including '
                                     'areas requiring wider cooperation.'},
                              {'kind': 'p',
                               'ru': 'Участники конференции безоговорочно признали, что '
                                     'неразрешенные должным образом, с соблюдением требований '
                                     'защиты, смешанные передвижения создают целый ряд проблем как '
                                     'для самих перемещающихся, так и для государств. Кроме того, '
                                     'они вызывают схожие последствия в политической, '
                                     'экономической, социальной сфере и в сфере безопасности для '
                                     'всех стран, лежащих на миграционном пути.',
                               'en': 'The participants in the conference unreservedly recognised '
                                     'that mixed movements which are not properly addressed, in a '
                                     'protection-sensitive manner, create a whole range of '
                                     'problems both for the people on the move and for states. '
                                     'They also have similar political, economic, social and '
                                     'security consequences for all countries lying along the '
                                     'migration route.'},
                              {'kind': 'p',
                               'ru': 'В частности, среди этих последствий необходимо отметить:',
                               'en': 'Among these consequences, the following should be noted in '
                                     'particular:'},
                              {'kind': 'li',
                               'ru': 'проблемы национальной безопасности (включая усилия по борьбе '
                                     'с террористическими и экстремистскими угрозами)/охрану '
                                     'границ и территории;',
                               'en': 'national security concerns (including efforts to counter '
                                     'terrorist and extremist threats)/protection of borders and '
                                     'territory;'},
                              {'kind': 'li',
                               'ru': 'транснациональную преступность, в частности, торговлю людьми '
                                     'и незаконный ввоз людей;',
                               'en': 'transnational crime, in particular trafficking in human '
                                     'beings and smuggling of people;'},
                              {'kind': 'li',
                               'ru': 'защиту лиц, вовлеченных в смешанные перемещения, и оказание '
                                     'им помощи в соответствии с международными нормами и '
                                     'принципами (это лица, ищущие убежища, беженцы, жертвы '
                                     'торговли людьми, разлученные с семьей/без сопровождения '
                                     'взрослых несовершеннолетние и другие категории с особыми '
                                     'потребностями);',
                               'en': 'the protection of and assistance to persons involved in '
                                     'mixed movements in accordance with international norms and '
                                     'principles (asylum-seekers, refugees, victims of '
                                     'trafficking, separated/unaccompanied minors and other '
                                     'categories with special needs);'},
                              {'kind': 'li',
                               'ru': 'нерегулярные дальнейшие перемещения.',
                               'en': 'irregular onward movements.'},
                              {'kind': 'p',
                               'ru': 'В Алматинской декларации, единогласно принятой участниками '
                                     'Региональной конференции, признано, что эти проблемы требуют '
                                     'cовместных, многоплановых, решений, направленных на '
                                     'разрешение всех аспектов смешанных перемешений. Такое '
                                     'реагирование направлено на соблюдение законных интересов '
                                     'государств в отношении их желания как выполнять свои '
                                     'международные обязательства, предоставляя защиту и помощь '
                                     'нуждающимся в ней, так и контролировать миграцию и решать '
                                     'проблемы безопасности. Государства призвали приложить '
                                     'согласованные усилия для устранения первопричин перемещения, '
                                     'нахождения решений для перемещенных и маргинализованных '
                                     'групп, уже присутствующих в регионе, и для надлежащего учета '
                                     'и удовлетворения потребностей вновь прибывших. Это может '
                                     'способствовать уменьшению стимулов к нерегулярной миграции, '
                                     'снижению уровня сопутствующей преступности и решению '
                                     'важнейших задач национальной безопасности в рамках более '
                                     'масштабной цели – обеспечения стабильности и безопасности в '
                                     'регионе. Кроме того, укрепление потенциала и своевременное '
                                     'создание механизмов и процедур эффективного управления '
                                     'смешанными перемещениями может содействовать обеспечению '
                                     'наличия надлежащих механизмов реагирования на чрезвычайные '
                                     'ситуации и массовый приток мигрантов.',
                               'en': 'The Almaty Declaration, adopted unanimously by the '
                                     'participants in the Regional Conference, recognises that '
                                     'these problems require joint, multifaceted solutions '
                                     'addressing all aspects of mixed movements. Such a response '
                                     'aims to respect the legitimate interests of states in '
                                     'wishing both to meet their international obligations, by '
                                     'providing protection and assistance to those who need it, '
                                     'and to control migration and address security concerns. '
                                     'States called for concerted efforts to address the root '
                                     'causes of displacement, to find solutions for displaced and '
                                     'marginalised groups already present in the region, and to '
                                     'identify and meet the needs of new arrivals properly. This '
                                     'can help to reduce the incentives for irregular migration, '
                                     'to lower the level of related crime and to meet the most '
                                     'important national security tasks within the wider goal of '
                                     'ensuring stability and security in the region. Moreover, '
                                     'building capacity and setting up mechanisms and procedures '
                                     'for the effective management of mixed movements in good time '
                                     'can help to ensure that adequate mechanisms are in place to '
                                     'respond to emergencies and mass influxes.'},
                              {'kind': 'p',
                               'ru': 'Положительный политический импульс, созданный конференцией, '
                                     'формирует прочную основу для действий в масштабах всего '
                                     'региона. Пакет ориентированных на практические меры '
                                     'рекомендаций, выработанных на конференции в ходе заседания '
                                     'Рабочей группы, служит основанием для разработки '
                                     'Регионального плана действий. В качестве отправной точки для '
                                     'дальнейшего диалога и расширения регионального '
                                     'сотрудничества по вопросам, вызывающим общую озабоченность, '
                                     'а также для воплощения в жизнь Регионального плана действий, '
                                     'в Алматинской декларации предложено создать Региональную '
                                     'рамочную программу сотрудничества.',
                               'en': 'The positive political momentum created by the conference '
                                     'forms a solid basis for region-wide action. The package of '
                                     'practice-oriented recommendations drawn up at the conference '
                                     'in the Working Group session serves as the basis for '
                                     'developing the Regional Action Plan. As a starting point for '
                                     'further dialogue and wider regional cooperation on issues of '
                                     'common concern, and for putting the Regional Action Plan '
                                     'into practice, the Almaty Declaration proposed establishing '
                                     'a Regional Cooperation Framework.'}]},
              {'number': '3',
               'heading': {'ru': 'Предложение для рассмотрения Региональной рамочной программой '
                                 'сотрудничества вопросов смешанных перемещений в Центральной Азии',
                           'en': 'Proposal for a Regional Cooperation Framework to address mixed '
                                 'movements in Central Asia'},
               'area': None,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Главная задача Региональной рамочной программы '
                                     'сотрудничества – создание платформы и механизмов '
                                     'практической реализации деятельности по итогам Региональной '
                                     'конференции по вопросам защиты беженцев и международной '
                                     'миграции в Центральной Азии, a также воплощение в жизнь '
                                     'Регионального плана действий. Она направлена на содействие '
                                     'региональному диалогу и практическому сотрудничеству по '
                                     'вопросам, вызывающим общую озабоченность, в сфере защиты '
                                     'беженцев и международной миграции, а также на наращивание '
                                     'потенциала государств и других заинтересованных сторон для '
                                     'более прогнозируемого, эффективного и учитывающего '
                                     'потребности в защите реагирования на проблемы, вызванные '
                                     'смешанными перемещениями.',
                               'en': 'The main task of the Regional Cooperation Framework is to '
                                     'create a platform and mechanisms for the practical follow-up '
                                     'to the Regional Conference on Refugee Protection and '
                                     'International Migration in Central Asia, and to put the '
                                     'Regional Action Plan into practice. It aims to promote '
                                     'regional dialogue and practical cooperation on issues of '
                                     'common concern in the field of refugee protection and '
                                     'international migration, and to build the capacity of states '
                                     'and other stakeholders for a more predictable, effective and '
                                     'protection-sensitive response to the problems caused by '
                                     'mixed movements.'},
                              {'kind': 'p',
                               'ru': 'Региональная рамочная программа задумана как не связанный '
                                     'обязательствами исполнения, но вместе с тем всесторонний, '
                                     'всеобъемлющий и гибкий инструмент для выявления сфер, '
                                     'вызывающих общую озабоченность всех стран региона, и '
                                     'определения оснований для совместных действий. Он не '
                                     'подменяет собой национальные меры реагирования, а дополняет '
                                     'их с целью согласования подходов и устранения имеющихся '
                                     'пробелов, предоставляя возможности для:',
                               'en': 'The Regional Framework is conceived as a non-binding but '
                                     'comprehensive, all-embracing and flexible instrument for '
                                     'identifying areas of common concern to all countries of the '
                                     'region and determining the grounds for joint action. It does '
                                     'not replace national responses but complements them, with '
                                     'the aim of harmonising approaches and closing existing gaps, '
                                     'by providing opportunities for:'},
                              {'kind': 'li',
                               'ru': 'более регулярного взаимодействия и диалога между '
                                     'представителями государств и другими заинтересованными '
                                     'сторонами, в том числе международными и региональными '
                                     'организациями и гражданским обществом, в неформальной '
                                     'обстановке, способствующей доверию и уверенности;',
                               'en': 'more regular interaction and dialogue between '
                                     'representatives of states and other stakeholders, including '
                                     'international and regional organisations and civil society, '
                                     'in an informal setting conducive to trust and confidence;'},
                              {'kind': 'li',
                               'ru': 'поддержания практического сотрудничества, включая обмен '
                                     'информацией, использование передовых практических методов и '
                                     'совместные мероприятия по наращиванию потенциала;',
                               'en': 'sustained practical cooperation, including information '
                                     'exchange, the use of good practices and joint '
                                     'capacity-building activities;'},
                              {'kind': 'li',
                               'ru': 'выработки всеобъемлющего и целостного подхода путем создания '
                                     'эффективных связей между соответствующими инициативами в '
                                     'таких областях, как политика, безопасность, развитие, '
                                     'гуманитарная сфера и права человека;',
                               'en': 'developing a comprehensive and coherent approach by creating '
                                     'effective links between relevant initiatives in such fields '
                                     'as policy, security, development, humanitarian affairs and '
                                     'human rights;'},
                              {'kind': 'li',
                               'ru': 'гармонизации и координации мер реагирования на разные '
                                     'ситуации, связанные со смешанными перемещениями, с целью '
                                     'устранения противоречий в стандартах обращения и смягчения '
                                     'притягивающих и выталкивающих факторов, лежащих в основе '
                                     'нерегулярных (дальнейших) перемещений;',
                               'en': 'harmonising and coordinating responses to different '
                                     'situations involving mixed movements, in order to remove '
                                     'inconsistencies in standards of treatment and to mitigate '
                                     'the pull and push factors underlying irregular (onward) '
                                     'movements;'},
                              {'kind': 'li',
                               'ru': 'выявления сфер, требующих более целенаправленной поддержки '
                                     'со стороны международных и региональных организаций, а также '
                                     'других заинтересованных лиц и обеспечения более эффективной '
                                     'координации деятельности между этими субъектами с целью '
                                     'сведения к минимуму дублирования работы и максимального '
                                     'увеличения результатов;',
                               'en': 'identifying areas requiring more targeted support from '
                                     'international and regional organisations and other '
                                     'stakeholders, and ensuring more effective coordination of '
                                     'activities among these actors so as to minimise duplication '
                                     'and maximise results;'},
                              {'kind': 'li',
                               'ru': 'уточнения ролей и обязанностей различных заинтересованных '
                                     'сторон и развития неформальных сетей и каналов '
                                     'сотрудничества между различными субъектами на разных '
                                     'уровнях. Такие сети и контакты могут быть весьма полезны на '
                                     'оперативном уровне, имея особую ценность в чрезвычайных '
                                     'ситуациях.',
                               'en': 'clarifying the roles and responsibilities of the various '
                                     'stakeholders and developing informal networks and channels '
                                     'of cooperation between different actors at different levels. '
                                     'Such networks and contacts can be very useful at the '
                                     'operational level and are of particular value in '
                                     'emergencies.'},
                              {'kind': 'p',
                               'ru': 'Региональная рамочная программа сотрудничества построена на '
                                     'совокупности общих договоренностей, достигнутых в результате '
                                     'дискуссий на региональной конференции. Данная программа '
                                     'охватывает сферы, в которых более скоординированные и '
                                     'совместные действия на национальном и на региональном '
                                     'уровнях могут содействовать разрешению специфических проблем '
                                     'региона. Региональную рамочную программу сотрудничества '
                                     'дополняет Региональный план действий, в котором предложен '
                                     'набор конкретных мероприятий, подлежащих реализации в этих '
                                     'основных сферах, на основе предложений, разработанных '
                                     'участниками конференции, и в соответствии с '
                                     'Десятикомпонентным планом действий УВКБ ООН.',
                               'en': 'The Regional Cooperation Framework is built on a set of '
                                     'common understandings reached in the discussions at the '
                                     'regional conference. It covers areas in which more '
                                     'coordinated and joint action at national and regional level '
                                     "can help to solve the region's specific problems. The "
                                     'Regional Cooperation Framework is complemented by the '
                                     'Regional Action Plan, which proposes a set of concrete '
                                     'activities to be carried out in these main areas, based on '
                                     'the proposals developed by the participants in the '
                                     "conference and in line with UNHCR's 10-Point Plan of "
                                     'Action.'}]},
              {'number': '4',
               'heading': {'ru': 'Общие договоренности', 'en': 'Common understandings'},
               'area': None,
               'paragraphs': [{'kind': 'li',
                               'ru': 'Управление границами и обеспечение безопасности с '
                                     'обеспечением защиты',
                               'en': 'Protection-sensitive border management and security'},
                              {'kind': 'li',
                               'ru': 'Дифференцированные процессы и процедуры',
                               'en': 'Differentiated processes and procedures'},
                              {'kind': 'li',
                               'ru': 'Жизнеспособные решения для различных групп',
                               'en': 'Durable solutions for different groups'},
                              {'kind': 'li',
                               'ru': 'Развитие возможностей для законной миграции и разработка '
                                     'гендерно-чувствительной политики',
                               'en': 'Developing opportunities for legal migration and '
                                     'gender-sensitive policy'}]},
              {'number': '4.1',
               'heading': {'ru': 'Управление границами и обеспечение безопасности с обеспечением '
                                 'защиты',
                           'en': 'Protection-sensitive border management and security'},
               'area': 1,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Активизация усилий по надлежащему управлению смешанными '
                                     'миграционными перемещениями особенно важна в современную '
                                     'эпоху повышенных угроз безопасности и роста '
                                     'транснациональной преступности. Эффективные механизмы '
                                     'управления границами, характеризуемые системой въезда с '
                                     'соблюдением принципов защиты, а также меры, направленные на '
                                     'предотвращение мобильности террористов, - ключевые элементы '
                                     'усилий по сохранению международных потребностей защиты при '
                                     'обеспечении национальной безопасности. Осуществление данных '
                                     'мер предоставляет государствам средства контроля доступа на '
                                     'их территорию с одновременным соблюдением международных '
                                     'обязательств по предоставлению защиты и уменьшением стимулов '
                                     'к нерегулярным перемещениям, одновременно позволяя '
                                     'заблаговременно выявлять лиц, которые могут представлять '
                                     'риск для безопасности.',
                               'en': 'Stepping up efforts to manage mixed migration movements '
                                     'properly is particularly important in the present era of '
                                     'heightened security threats and growing transnational crime. '
                                     'Effective border management mechanisms, characterised by a '
                                     'protection-sensitive entry system, and measures to prevent '
                                     'the mobility of terrorists are key elements of efforts to '
                                     'preserve international protection needs while ensuring '
                                     'national security. Implementing these measures gives states '
                                     'the means to control access to their territory while '
                                     'respecting their international obligations to provide '
                                     'protection and reducing the incentives for irregular '
                                     'movements, and at the same time allows persons who may pose '
                                     'a security risk to be identified early.'},
                              {'kind': 'h',
                               'ru': 'Сбор и анализ данных',
                               'en': 'Data collection and analysis'},
                              {'kind': 'p',
                               'ru': 'Создание механизмов систематического сбора и анализа данных '
                                     'и информации о смешанных перемещениях может помочь '
                                     'правительствам более точно оценивать масштабы этих '
                                     'перемещений и вырабатывать адресные меры реагирования, '
                                     'отражающие характеристики и потребности различных групп, '
                                     'участвующих в перемещениях.',
                               'en': 'Setting up mechanisms for the systematic collection and '
                                     'analysis of data and information on mixed movements can help '
                                     'governments to assess the scale of these movements more '
                                     'accurately and to develop targeted responses reflecting the '
                                     'profiles and needs of the different groups involved in '
                                     'them.'},
                              {'kind': 'p',
                               'ru': 'Региональное сотрудничество особенно целесообразно в сфере '
                                     'сбора и обмена данными. Создание механизмов сбора более '
                                     'согласованных и совместимых данных и обмена ими между '
                                     'заинтересованными сторонами в регионе позволит государствам '
                                     'лучше приспосабливать свою миграционную политику и '
                                     'деятельность по предоставлению убежища к конкретным '
                                     'региональным реалиям и вырабатывать надлежащие ответные '
                                     'меры, соответствующие потребностям людей с разными '
                                     'характеристиками, при этом надлежащим образом учитывая '
                                     'требования безопасности.',
                               'en': 'Regional cooperation is particularly appropriate in '
                                     'collecting and exchanging data. Mechanisms for collecting '
                                     'more consistent and compatible data and exchanging them '
                                     'among stakeholders in the region will allow states to adapt '
                                     'their migration and asylum policies better to specific '
                                     'regional realities and to develop appropriate responses that '
                                     'meet the needs of people with different profiles, while '
                                     'taking due account of security requirements.'},
                              {'kind': 'h',
                               'ru': 'Механизмы выявления, составления личных дел и передачи на '
                                     'рассмотрение',
                               'en': 'Identification, profiling and referral mechanisms'},
                              {'kind': 'p',
                               'ru': 'Создание эффективных механизмов выявления и составления '
                                     'личных дел может помочь правительствам точнее различать '
                                     'разные категории перемещающихся лиц (в том числе лиц, ищущих '
                                     'убежища, беженцев, жертв торговли людьми, женщин и '
                                     'несовершеннолетних без сопровождения взрослых), определять '
                                     'их конкретные потребности и направлять их для прохождения '
                                     'соответствующих процедур на предмет последующих действий. '
                                     'Усиление сотрудничества между пограничными ведомствами, '
                                     'разведывательными службами и органами, отвечающими за '
                                     'вопросы убежища и миграции, и обеспечение надлежащего '
                                     'функционирования систем передачи дел на рассмотрение '
                                     'обеспечивает направление заинтересованных лиц в '
                                     'соответствующие органы и своевременное принятие мер. В то же '
                                     'время, эти механизмы позволят правительствам стран региона '
                                     'собирать более точную информацию о лицах, въезжающих на их '
                                     'территорию и (или) проживающих на ней, способствуя тем самым '
                                     'снижению потенциальных рисков для безопасности.',
                               'en': 'Effective identification and profiling mechanisms can help '
                                     'governments to distinguish more precisely between the '
                                     'different categories of people on the move (including '
                                     'asylum-seekers, refugees, victims of trafficking, women and '
                                     'unaccompanied minors), to determine their specific needs and '
                                     'to refer them to the appropriate procedures for follow-up. '
                                     'Stronger cooperation between border agencies, intelligence '
                                     'services and the authorities responsible for asylum and '
                                     'migration, and properly functioning referral systems, ensure '
                                     'that the persons concerned are directed to the competent '
                                     'authorities and that action is taken in good time. At the '
                                     'same time, these mechanisms will allow the governments of '
                                     'the region to gather more accurate information on persons '
                                     'entering and/or residing on their territory, thereby helping '
                                     'to reduce potential security risks.'},
                              {'kind': 'p',
                               'ru': 'Региональные мероприятия по наращиванию потенциала и '
                                     'совместные тренинги, направленные на решение конкретных '
                                     'проблем предоставления защиты, связанных со смешанными '
                                     'перемещениями, создадут возможности для дальнейшего '
                                     'приграничного сотрудничества по вопросам, вызывающим общую '
                                     'озабоченность, а также будут способствовать обмену опытом и '
                                     'передовой практикой.',
                               'en': 'Regional capacity-building activities and joint trainings '
                                     'addressing specific protection problems related to mixed '
                                     'movements will create opportunities for further cross-border '
                                     'cooperation on issues of common concern and will promote the '
                                     'exchange of experience and good practice.'}]},
              {'number': '4.2',
               'heading': {'ru': 'Дифференцированные процессы и процедуры',
                           'en': 'Differentiated processes and procedures'},
               'area': 2,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Смешанные миграционные перемещения по определению состоят из '
                                     'разных людей с разными потребностями. Вызов для государств '
                                     'состоит в их способности различать этих людей и вырабатывать '
                                     'надлежащие и дифференцированные ответные меры в соответствии '
                                     'с конкретными характеристиками и потребностями этих лиц. Эти '
                                     'меры включают, среди прочего, доступ лиц, нуждающихся в '
                                     'международной защите, к системам убежища, особые механизмы '
                                     'защиты жертв торговли людьми, порядок выявления женщин и '
                                     'девочек, подвергающихся риску, процедуры для '
                                     'несопровождаемых несовершеннолетних, каналы регуляризации '
                                     'мигрантов или их упорядоченного дальнейшего перемещения, а '
                                     'также добровольное возвращение лиц, не нуждающихся в '
                                     'международной защите.',
                               'en': 'Mixed migration movements by definition consist of different '
                                     'people with different needs. The challenge for states lies '
                                     'in their ability to distinguish between these people and to '
                                     'develop appropriate and differentiated responses according '
                                     'to their specific profiles and needs. These responses '
                                     'include, among others, access to asylum systems for persons '
                                     'in need of international protection, special protection '
                                     'mechanisms for victims of trafficking, arrangements for '
                                     'identifying women and girls at risk, procedures for '
                                     'unaccompanied minors, channels for the regularisation of '
                                     'migrants or for their orderly onward movement, and the '
                                     'voluntary return of persons not in need of international '
                                     'protection.'},
                              {'kind': 'p',
                               'ru': 'Принципы и нормы международной защиты беженцев и соображения '
                                     'национальной безопасности пересекаются и подкрепляют друг '
                                     'друга во многих критически важных сферах. Усилия по '
                                     'обеспечению национальной безопасности и стабильности могут '
                                     'содействовать уменьшению некоторых главных причин '
                                     'вынужденного перемещения и поддерживать среду, в которой все '
                                     'люди, включая беженцев, находятся в безопасности и полностью '
                                     'пользуются своими правами человека. С другой стороны, при '
                                     'условии надлежащего применения юридические, политические и '
                                     'оперативные инструменты защиты беженцев могут принести '
                                     'значительные дивиденды с точки зрения национальной '
                                     'безопасности. Справедливые и надлежащим образом '
                                     'функционирующие системы убежища являются для государств '
                                     'эффективными средствами, позволяющими не только определять '
                                     'лиц, заслуживающих их защиты и помощи согласно их '
                                     'обязательств по международному праву, но и выявлять и '
                                     'исключать из процесса предоставления международной защиты '
                                     'тех, кто может создавать угрозу для безопасности или '
                                     'пытаться злоупотреблять системами убежища. В своих усилиях '
                                     'по сдерживанию мобильности террористов государства могут еще '
                                     'более пользоваться преимуществами такой взаимодополняемости, '
                                     'в том числе путем внедрения защищенных систем хранения досье '
                                     'и данных о беженцах, выдачи документов, удостоверяющих '
                                     'личность, и проездных документов и механизмов надлежащего '
                                     'обмена информацией и данными между компетентными органами.',
                               'en': 'The principles and norms of international refugee protection '
                                     'and national security considerations intersect and reinforce '
                                     'each other in many critical areas. Efforts to ensure '
                                     'national security and stability can help to reduce some of '
                                     'the main causes of forced displacement and sustain an '
                                     'environment in which all people, refugees included, are safe '
                                     'and fully enjoy their human rights. Conversely, when '
                                     'properly applied, the legal, policy and operational tools of '
                                     'refugee protection can bring considerable dividends in terms '
                                     'of national security. Fair and properly functioning asylum '
                                     'systems are effective means for states not only to identify '
                                     'those who deserve their protection and assistance under '
                                     'their obligations in international law, but also to detect '
                                     'and exclude from international protection those who may pose '
                                     'a threat to security or try to abuse asylum systems. In '
                                     'their efforts to curb the mobility of terrorists, states can '
                                     'draw even more on this complementarity, including by '
                                     'introducing secure systems for keeping refugee files and '
                                     'data, issuing identity and travel documents, and mechanisms '
                                     'for the proper exchange of information and data between '
                                     'competent authorities.'},
                              {'kind': 'p',
                               'ru': 'Чрезмерно ограничительная миграционная политика и процесс '
                                     'предоставления убежища, введенные одним государством '
                                     'региона, и (или) неодинаковые стандарты обращения в регионе '
                                     'могут привести к дальнейшим (нерегулярным) перемещениям с '
                                     'соответствующими последствиями для защиты тех, кто вовлечен '
                                     'в такие перемещения, и для безопасности всех государств, '
                                     'лежащих вдоль миграционного маршрута. Установление похожих '
                                     'или стандартизованных процедур для разных групп лиц на '
                                     'территории всего региона может помочь ограничить такие '
                                     'выталкивающие и притягивающие факторы, лежащие в основе '
                                     'дальнейших перемещений, и таким образом способствовать '
                                     'безопасности и стабильности в регионе, а также более '
                                     'справедливому распределению бремени и ответственности между '
                                     'государствами.',
                               'en': 'Overly restrictive migration and asylum policies introduced '
                                     'by one state of the region and/or unequal standards of '
                                     'treatment in the region can lead to onward (irregular) '
                                     'movements, with corresponding consequences for the '
                                     'protection of those involved in such movements and for the '
                                     'security of all states along the migration route. '
                                     'Establishing similar or standardised procedures for '
                                     'different groups of people throughout the region can help to '
                                     'limit the push and pull factors underlying onward movements, '
                                     'and thus contribute to security and stability in the region '
                                     'and to a fairer sharing of burdens and responsibilities '
                                     'among states.'}]},
              {'number': '4.3',
               'heading': {'ru': 'Жизнеспособные решения для различных групп',
                           'en': 'Durable solutions for different groups'},
               'area': 3,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Отсутствие надлежащих решений (в том числе слабые '
                                     'перспективы в отношении самообеспеченности и возможности '
                                     'интеграции) может стать для многих выталкивающим фактором, '
                                     'вынуждающим прибегнуть к дальнейшему (нерегулярному) '
                                     'перемещению. Крайняя бедность и социальная изоляция '
                                     'аналогичным образом делают маргинализованные группы '
                                     'уязвимыми к эксплуатации преступными группировками и могут '
                                     'служить благодатной почвой для радикализации и присоединения '
                                     'к экстремистским группировкам. Поэтому нахождение решений '
                                     'для разных групп перемещающихся лиц является важным '
                                     'компонентом любых усилий по стабилизации населения и '
                                     'предотвращения нерегулярных дальнейших перемещений (на '
                                     'которых наживаются торговцы людьми, контрабандисты и другие '
                                     'группы, не заслуживающие защиты), причем более широкая '
                                     'задача этих решений состоит в обеспечении безопасности и '
                                     'стабильности в регионе.',
                               'en': 'The absence of appropriate solutions (including poor '
                                     'prospects of self-reliance and integration) can become a '
                                     'push factor forcing many to resort to onward (irregular) '
                                     'movement. Extreme poverty and social exclusion likewise make '
                                     'marginalised groups vulnerable to exploitation by criminal '
                                     'groups and can be fertile ground for radicalisation and for '
                                     'joining extremist groups. Finding solutions for the '
                                     'different groups of people on the move is therefore an '
                                     'important component of any effort to stabilise populations '
                                     'and prevent irregular onward movements (from which '
                                     'traffickers, smugglers and other groups not deserving '
                                     'protection profit), the wider aim of these solutions being '
                                     'security and stability in the region.'},
                              {'kind': 'h',
                               'ru': 'Интеграция беженцев, лиц без гражданства, мигрантов и '
                                     'национальных меньшинств',
                               'en': 'Integration of refugees, stateless persons, migrants and '
                                     'national minorities'},
                              {'kind': 'p',
                               'ru': 'Эффективная интеграция – неотъемлемый элемент всякой '
                                     'комплексной стратегии в сфере убежища и миграции. Она может '
                                     'помочь избежать волнений, напряженности и конфликтов, часто '
                                     'являющихся побочными продуктами или результатами '
                                     'маргинализации определенных групп и, таким образом, '
                                     'способствовать более гармоничным отношениям в сообществе. '
                                     'Кроме того, она является одним из основных факторов '
                                     'уменьшения региональной нестабильности и напряженности между '
                                     'государствами. Интеграция может обеспечить полное '
                                     'использование потенциала беженцев, лиц без гражданства, '
                                     'мигрантов и национальных меньшинств на благо роста и '
                                     'развития принимающих сообществ, принося пользу всем.',
                               'en': 'Effective integration is an integral element of any '
                                     'comprehensive asylum and migration strategy. It can help to '
                                     'avoid unrest, tension and conflict, which are often '
                                     'by-products or results of the marginalisation of certain '
                                     'groups, and thus contribute to more harmonious relations in '
                                     'the community. It is also one of the main factors in '
                                     'reducing regional instability and tension between states. '
                                     'Integration can ensure that the potential of refugees, '
                                     'stateless persons, migrants and national minorities is fully '
                                     'used for the growth and development of the host communities, '
                                     'to the benefit of all.'},
                              {'kind': 'p',
                               'ru': 'Среди главных условий успешной интеграции следует отметить '
                                     'предоставление надлежащего правового и социального статуса, '
                                     'создание возможностей для получения легальной работы и '
                                     'достижения самообеспеченности, предоставление доступа к '
                                     'образованию, здравоохранению и другим услугам.',
                               'en': 'The main conditions for successful integration include the '
                                     'granting of an appropriate legal and social status, '
                                     'opportunities for legal employment and self-reliance, and '
                                     'access to education, health care and other services.'},
                              {'kind': 'h',
                               'ru': 'Реинтеграция репатриантов и возвращающихся трудовых '
                                     'мигрантов',
                               'en': 'Reintegration of returnees and returning labour migrants'},
                              {'kind': 'p',
                               'ru': 'Реинтеграция в странах происхождения позволяет '
                                     'возвращающимся на родину беженцам (репатриантам) и '
                                     'возвращающимся мигрантам по возвращении вести продуктивную '
                                     'жизнь в достойных условиях и способствовать этим '
                                     'стабильности возвращения. Реинтеграция – всеобъемлющий '
                                     'процесс, с взаимосвязанными социальными, политическими и '
                                     'экономическими аспектами, который позволяет возвращающимся '
                                     'лицам достигать самообеспеченности, а стране происхождения – '
                                     'эффективно использовать их квалификацию и имеющиеся ресурсы '
                                     'на благо всего общества в целом. Важным примером может '
                                     'служить Афганистан, где создание благоприятных условий в '
                                     'целях устойчивого возвращения и реинтеграции должно стать '
                                     'частью всесторонней программы, объединяющей оказание '
                                     'гуманитарной помощи, разработку подходов и принятие столь '
                                     'необходимых мер в области развития.',
                               'en': 'Reintegration in the countries of origin allows returning '
                                     'refugees (returnees) and returning migrants to lead '
                                     'productive lives in dignified conditions on their return and '
                                     'thereby contributes to the sustainability of return. '
                                     'Reintegration is a comprehensive process with interlinked '
                                     'social, political and economic aspects, which allows '
                                     'returning persons to become self-reliant and the country of '
                                     'origin to make effective use of their skills and available '
                                     'resources for the benefit of society as a whole. Afghanistan '
                                     'is an important example, where creating conditions '
                                     'favourable to sustainable return and reintegration should be '
                                     'part of a comprehensive programme combining humanitarian '
                                     'assistance, the development of approaches and much-needed '
                                     'development measures.'}]},
              {'number': '4.4',
               'heading': {'ru': 'Развитие возможностей для законной миграции и разработка '
                                 'гендерно-чувствительной миграционной политики',
                           'en': 'Developing opportunities for legal migration and '
                                 'gender-sensitive migration policy'},
               'area': 4,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Расширенные возможности для законной миграции помогают '
                                     'избежать нерегулярную миграцию, которая является серьезной '
                                     'проблемой для всех государств региона и делает мигрантов '
                                     'уязвимыми ко многим рискам, включая эксплуатацию, жестокое '
                                     'обращение, торговлю людьми и незаконный ввоз людей.',
                               'en': 'Wider opportunities for legal migration help to avoid '
                                     'irregular migration, which is a serious problem for all '
                                     'states of the region and makes migrants vulnerable to many '
                                     'risks, including exploitation, abuse, trafficking in human '
                                     'beings and smuggling of people.'},
                              {'kind': 'p',
                               'ru': 'Расширенные каналы легальной миграции могут служить мощным '
                                     'двигателем роста и развития как стран происхождения, так и '
                                     'стран назначения, а также средством улучшения экономического '
                                     'положения трудовых мигрантов и их семей. Кроме того, они '
                                     'помогают снизить уровень безработицы (и соответствующую '
                                     'социальную напряженность) и дают средства для выживания '
                                     'членам семей, остающимся в странах происхождения, в то же '
                                     'время способствуя укреплению рабочей силы и удовлетворению '
                                     'потребностей рынка труда в странах происхождения.',
                               'en': 'Wider legal migration channels can be a powerful engine of '
                                     'growth and development for countries of both origin and '
                                     'destination, and a means of improving the economic situation '
                                     'of labour migrants and their families. They also help to '
                                     'reduce unemployment (and the related social tension) and '
                                     'provide a livelihood for family members remaining in the '
                                     'countries of origin, while strengthening the workforce and '
                                     'meeting labour market needs in the countries of origin.'},
                              {'kind': 'p',
                               'ru': 'Гендерно-чувствительная политика и инициативы особенно важны '
                                     'в свете увеличения доли женщин среди трудящихся-мигрантов в '
                                     'регионе. Защиту трудящихся женщин-мигрантов можно усилить '
                                     'путем выработки более полного понимания спроса на трудовых '
                                     'мигрантов-женщин и видов работ и секторов, в которых они '
                                     'заняты, с последующим формированием каналов легальной '
                                     'миграции для более эффективного удовлетворения этого спроса.',
                               'en': 'Gender-sensitive policies and initiatives are particularly '
                                     'important in view of the growing share of women among '
                                     'migrant workers in the region. The protection of women '
                                     'migrant workers can be strengthened by developing a fuller '
                                     'understanding of the demand for women labour migrants and of '
                                     'the kinds of work and sectors in which they are employed, '
                                     'and then shaping legal migration channels to meet this '
                                     'demand more effectively.'},
                              {'kind': 'p',
                               'ru': 'Международная миграция по определению является процессом, '
                                     'затрагивающим два и более государств. Поскольку значительная '
                                     'часть трудовой миграции осуществляется в регионе Центральной '
                                     'Азии или через него, то региональное сотрудничество является '
                                     'предварительным условием эффективности любых усилий по '
                                     'обеспечению упорядоченной миграции, причем оно должно быть '
                                     'выгодным для стран происхождения и назначения, соблюдать '
                                     'права мигрантов и уважать их достоинство. Более эффективная '
                                     'гармонизация и координация миграционной политики и практики '
                                     'государств может помочь обеспечить соответствие предложения '
                                     'рабочей силы спросу на нее на рынке труда. Разработка '
                                     'механизмов сотрудничества между государствами и другими '
                                     'заинтересованными субъектами для обмена данными о миграции и '
                                     'сравнения таких данных может способствовать формированию '
                                     'более эффективной политики и практики управления миграцией, '
                                     'лучше ориентированной на быстро меняющиеся реалии рынков '
                                     'труда. Скоординированные информационные кампании помогают '
                                     'опровергать часто нереалистичные ожидания потенциальных '
                                     'мигрантов.',
                               'en': 'International migration is by definition a process involving '
                                     'two or more states. Since a considerable part of labour '
                                     'migration takes place within or through the Central Asian '
                                     'region, regional cooperation is a precondition for the '
                                     'effectiveness of any effort to ensure orderly migration, '
                                     'which should benefit countries of origin and destination, '
                                     'respect the rights of migrants and respect their dignity. '
                                     "Better harmonisation and coordination of states' migration "
                                     'policies and practices can help to match the supply of '
                                     'labour with labour market demand. Developing mechanisms of '
                                     'cooperation between states and other stakeholders for '
                                     'exchanging and comparing migration data can contribute to '
                                     'more effective migration management policies and practices, '
                                     'better attuned to the fast-changing realities of labour '
                                     'markets. Coordinated information campaigns help to dispel '
                                     'the often unrealistic expectations of potential migrants.'}]},
              {'number': '5',
               'heading': {'ru': 'Направление дальнейших действий / следующие шаги',
                           'en': 'The way forward / next steps'},
               'area': None,
               'paragraphs': [{'kind': 'h',
                               'ru': 'Национальные консультации',
                               'en': 'National consultations'},
                              {'kind': 'p',
                               'ru': 'В соответствии с восходящим методом, принятым для '
                                     'Региональной конференции по вопросам защиты беженцев и '
                                     'международной миграции в Центральной Азии, в каждой стране '
                                     'можно было бы еще раз провести национальные консультации для '
                                     'представления, обсуждения и дальнейшего оформления '
                                     'предложения о Региональной рамочной программе сотрудничества '
                                     'и Региональном плане действий на национальном уровне на '
                                     'предмет их адаптации к конкретному национальному контексту. '
                                     'Национальные консультации могли бы обеспечить всеобъемлющий '
                                     'подход с охватом всех заинтересованных субъектов, включая '
                                     'экспертов соответствующих правительственных ведомств, '
                                     'международных и региональных организаций и гражданского '
                                     'общества.',
                               'en': 'In line with the bottom-up method adopted for the Regional '
                                     'Conference on Refugee Protection and International Migration '
                                     'in Central Asia, national consultations could once again be '
                                     'held in each country to present, discuss and further shape '
                                     'the proposal for the Regional Cooperation Framework and the '
                                     'Regional Action Plan at national level, with a view to '
                                     'adapting them to the specific national context. National '
                                     'consultations could ensure a comprehensive approach covering '
                                     'all stakeholders, including experts from the relevant '
                                     'government agencies, international and regional '
                                     'organisations and civil society.'},
                              {'kind': 'p',
                               'ru': 'В долгосрочной перспективе национальные консультации могут '
                                     'также служить платформой для пересмотра и адаптации, в '
                                     'случае необходимости, Региональной рамочной программы '
                                     'сотрудничества и Плана действий, чтобы эти инструменты '
                                     'отвечали требованиям времени и реагировали на возможные '
                                     'новые проблемы по мере их возникновения.',
                               'en': 'In the longer term, national consultations can also serve as '
                                     'a platform for reviewing and adapting, where necessary, the '
                                     'Regional Cooperation Framework and the Action Plan, so that '
                                     'these instruments keep up with the times and respond to '
                                     'possible new problems as they arise.'},
                              {'kind': 'h',
                               'ru': 'Назначение национальных координаторов',
                               'en': 'Appointment of national coordinators'},
                              {'kind': 'p',
                               'ru': 'Чтобы проложить путь для более организованного '
                                     'сотрудничества и способствовать осуществлению последующих '
                                     'мер и обменов на надлежащем уровне, предлагается, чтобы '
                                     'каждая страна Центрально-Азиатского региона назначила '
                                     '«национального координатора». Национальный координатор '
                                     'должен будет иметь достаточные полномочия для созыва '
                                     'национальных консультаций и координации соответствующей '
                                     'деятельности на национальном уровне при консультациях со '
                                     'всеми заинтересованными сторонами. Национальный координатор '
                                     'также представлял бы страну на региональных координационных '
                                     'совещаниях.',
                               'en': 'To pave the way for more organised cooperation and to '
                                     'facilitate follow-up and exchanges at the appropriate level, '
                                     'it is proposed that each country of the Central Asian region '
                                     'appoint a "national coordinator". The national coordinator '
                                     'will need sufficient authority to convene national '
                                     'consultations and to coordinate the relevant activities at '
                                     'national level in consultation with all stakeholders. The '
                                     'national coordinator would also represent the country at '
                                     'regional coordination meetings.'},
                              {'kind': 'h',
                               'ru': 'Региональное совещание национальных координаторов и создание '
                                     'региональной сети',
                               'en': 'Regional meeting of national coordinators and establishment '
                                     'of a regional network'},
                              {'kind': 'p',
                               'ru': 'После завершения процесса национальных консультаций '
                                     'предлагается созвать региональное совещание национальных '
                                     'координаторов с целью обобщения мнений экспертов и '
                                     'технических выводов, сформированных на национальном уровне, '
                                     'и продолжения дискуссий между партнерами на региональном '
                                     'уровне с соответствующим политическим влиянием. Ожидается, '
                                     'что итогом этого совещания станет окончательный вариант '
                                     'Региональной рамочной программы сотрудничества и Плана '
                                     'действий, а также предложения по их практическому воплощению '
                                     'и дальнейшим шагам.',
                               'en': 'Once the national consultations have been completed, it is '
                                     'proposed to convene a regional meeting of national '
                                     'coordinators to bring together the expert views and '
                                     'technical conclusions formed at national level and to '
                                     'continue the discussions between partners at regional level '
                                     'with the appropriate political weight. This meeting is '
                                     'expected to result in the final version of the Regional '
                                     'Cooperation Framework and the Action Plan, together with '
                                     'proposals for putting them into practice and for further '
                                     'steps.'},
                              {'kind': 'p',
                               'ru': 'После фактического запуска «Алматинского процесса» на основе '
                                     'согласованных Региональной рамочной программы сотрудничества '
                                     'и Регионального плана действий регулярные совещания '
                                     'национальных координаторов обеспечат систематический '
                                     'контроль по важным вопросам, необходимый для обеспечения '
                                     'стабильности общих усилий.',
                               'en': 'Once the "Almaty Process" has actually been launched on the '
                                     'basis of the agreed Regional Cooperation Framework and '
                                     'Regional Action Plan, regular meetings of national '
                                     'coordinators will provide the systematic follow-up on '
                                     'important issues needed to keep the common efforts '
                                     'sustainable.'},
                              {'kind': 'h',
                               'ru': 'Роль УВКБ ООН и других международных и региональных '
                                     'организаций',
                               'en': 'The role of UNHCR and other international and regional '
                                     'organisations'},
                              {'kind': 'p',
                               'ru': 'УВКБ ООН готово выступить организатором и координатором '
                                     'работы государств и гражданского общества в процессе '
                                     'разработки Региональной рамочной программы сотрудничества и '
                                     'Плана действий. С учетом круга своих полномочий, имеющихся '
                                     'возможностей и ресурсов УВКБ ООН предлагает предоставить, '
                                     'сообразно обстоятельствам, необходимую техническую '
                                     'поддержку, консультации и руководство в отношении наиболее '
                                     'эффективного применения этих инструментов с целью содействия '
                                     'региональному сотрудничеству и развитию потенциала '
                                     'заинтересованных государств и других участников процесса в '
                                     'решении сложных проблем, вызванных смешанными перемещениями, '
                                     'с учетом требований защиты, принимая во внимание как '
                                     'легитимные интересы государств, так и потребности в защите '
                                     'перемещающихся лиц.',
                               'en': 'UNHCR stands ready to act as organiser and coordinator of '
                                     'the work of states and civil society in developing the '
                                     'Regional Cooperation Framework and the Action Plan. Within '
                                     'its mandate, capacities and resources, UNHCR offers to '
                                     'provide, as circumstances require, the necessary technical '
                                     'support, advice and guidance on the most effective use of '
                                     'these instruments, in order to promote regional cooperation '
                                     'and to develop the capacity of the states concerned and '
                                     'other participants in the process to address the complex '
                                     'problems caused by mixed movements in a protection-sensitive '
                                     'manner, taking into account both the legitimate interests of '
                                     'states and the protection needs of people on the move.'},
                              {'kind': 'p',
                               'ru': 'Международным и региональным организациям с соответствующими '
                                     'мандатами и опытом предлагается поддержать реализацию '
                                     'Региональной рамочной программы сотрудничества и Плана '
                                     'действий и (или) присоединиться к базовой группе поддержки '
                                     '«Алматинского процесса».',
                               'en': 'International and regional organisations with relevant '
                                     'mandates and expertise are invited to support the '
                                     'implementation of the Regional Cooperation Framework and the '
                                     'Action Plan and/or to join the core support group of the '
                                     '"Almaty Process".'}]},
              {'number': '',
               'heading': {'ru': 'Приложение 1: Проект Регионального плана действий',
                           'en': 'Annex 1: Draft Regional Action Plan'},
               'area': None,
               'paragraphs': [{'kind': 'p',
                               'ru': 'Приведенный ниже Региональный план действий дополняет '
                                     'Региональную рамочную программу сотрудничества (РРПС). В нем '
                                     'представлены предложения по конкретным действиям в различных '
                                     'сферах общих договоренностей, очерченных в РРПС, которые '
                                     'должны служить руководством для правительств стран '
                                     'Центральной Азии и других заинтересованных сторон в процессе '
                                     'реализации РРПС.',
                               'en': 'The Regional Action Plan below complements the Regional '
                                     'Cooperation Framework (RCF). It sets out proposals for '
                                     'concrete action in the various areas of common understanding '
                                     'outlined in the RCF, which are to guide the governments of '
                                     'Central Asia and other stakeholders in implementing the '
                                     'RCF.'},
                              {'kind': 'p',
                               'ru': 'План действий основан на “Алматинской декларации” и '
                                     'соответствует широким рамкам Десятикомпонентного плана '
                                     'действий УВКБ ООН по защите беженцев и смешанной миграции. '
                                     'Он включает рекомендации, сделанные участниками пленарного '
                                     'заседания и пяти рабочих групп Региональной конференции по '
                                     'вопросам защиты беженцев и международной миграции в '
                                     'Центральной Азии. План действий построен на четырех сферах '
                                     'договоренностей, определенных в Региональной рамочной '
                                     'программе сотрудничества. В каждом из четырех разделов '
                                     'изложены цели, мероприятия и ожидаемые результаты. Во '
                                     'вставке с избранными практическими примерами и '
                                     'инструментами, разработанными в регионе и других странах, '
                                     'размещенной в конце каждого раздела, приведены дальнейшие '
                                     'указания. Соответствующим заинтересованным субъектам '
                                     'предлагается воспроизводить и (или) развивать существующую '
                                     'практику. Дальнейшие примеры передового практического опыта, '
                                     'относящиеся к практическому осуществлению '
                                     'Десятикомпонентного плана действий УВКБ ООН собраны и '
                                     'отражены в Десятикомпонентном плане действий УВКБ ООН',
                               'en': 'The Action Plan is based on the "Almaty Declaration" and '
                                     "fits within the broad framework of UNHCR's 10-Point Plan of "
                                     'Action on Refugee Protection and Mixed Migration. It '
                                     'includes the recommendations made by the participants in the '
                                     'plenary session and the five working groups of the Regional '
                                     'Conference on Refugee Protection and International Migration '
                                     'in Central Asia. The Action Plan is built on the four areas '
                                     'of understanding defined in the Regional Cooperation '
                                     'Framework. Each of the four sections sets out objectives, '
                                     'activities and expected results. A box with selected '
                                     'practical examples and tools developed in the region and in '
                                     'other countries, placed at the end of each section, gives '
                                     'further guidance. The stakeholders concerned are invited to '
                                     'replicate and/or develop existing practice. Further examples '
                                     'of good practice relating to the practical implementation of '
                                     "UNHCR's 10-Point Plan of Action are collected and reflected "
                                     "in UNHCR's 10-Point Plan of Action."},
                              {'kind': 'p',
                               'ru': 'План действий адресован главным образом правительствам стран '
                                     'Центральной Азии, однако он предусматривает и мероприятия, '
                                     'для которых было бы полезным активное участие международного '
                                     'сообщества и местных организаций гражданского общества.',
                               'en': 'The Action Plan is addressed mainly to the governments of '
                                     'Central Asia, but it also provides for activities that would '
                                     'benefit from the active participation of the international '
                                     'community and local civil society organisations.'},
                              {'kind': 'p',
                               'ru': 'Перечень действий, перечисленных в каждой главе, не является '
                                     'исчерпывающим и рассчитан на решение тех проблем, которые '
                                     'вызывают общую озабоченность большинства или всех '
                                     'центрально-азиатских государств с региональной точки зрения. '
                                     'Региональный план действий будет пересматриваться и '
                                     'обсуждаться со всеми заинтересованными сторонами на '
                                     'предусмотренных национальных консультациях в каждой стране с '
                                     'целью адаптации и дальнейшего развития предложенных действий '
                                     'с должным учетом национальной специфики.',
                               'en': 'The list of actions in each chapter is not exhaustive and is '
                                     'designed to address the problems of common concern to most '
                                     'or all Central Asian states from a regional perspective. The '
                                     'Regional Action Plan will be reviewed and discussed with all '
                                     'stakeholders at the planned national consultations in each '
                                     'country, with a view to adapting and further developing the '
                                     'proposed actions with due regard to national specificities.'},
                              {'kind': 'p',
                               'ru': 'План действий – непрерывно развивающийся инструмент, и он '
                                     'будет регулярно обновляться. Дискуссии на национальных '
                                     'консультациях будут направлены на установление '
                                     'ориентировочных сроков исполнения предложенных мероприятий, '
                                     'а также на определение соответствующих субъектов, которые '
                                     'окажут поддержку в этом процессе.',
                               'en': 'The Action Plan is a continuously evolving instrument and '
                                     'will be updated regularly. The discussions at the national '
                                     'consultations will aim to set indicative timelines for the '
                                     'proposed activities and to identify the actors who will '
                                     'support this process.'},
                              {'kind': 'note',
                               'ru': '2 Управление Верховного комиссара ООН по делам беженцев. '
                                     'Защита беженцев и смещанная миграция. Десятикомпонентный '
                                     'план в действии, февраль 2011. '
                                     'http://www.unhcr.org/refworld/docid/4d9430ea2.html '
                                     'http://www.unhcr.org/refworld/docid/4d9430ea2.html',
                               'en': 'Office of the United Nations High Commissioner for Refugees. '
                                     'Refugee Protection and Mixed Migration: The 10-Point Plan in '
                                     'Action, February 2011. '
                                     'http://www.unhcr.org/refworld/docid/4d9430ea2.html'}]}],
 'areas': [{'number': 1,
            'roman': 'I',
            'title': {'ru': 'Управление границами, обеспечение национальной безопасности с '
                            'обеспечением защиты',
                      'en': 'Protection-sensitive border management and national security'},
            'declaration_paragraphs': [2, 3, 7],
            'objectives': [{'ru': 'разработать метод «интегрированного управления границами», в '
                                  'котором усиление безопасности границ объединено с соблюдением '
                                  'прав перемещающихся лиц, включая право искать убежище;',
                            'en': 'develop an "integrated border management" approach combining '
                                  'stronger border security with respect for the rights of people '
                                  'on the move, including the right to seek asylum;'},
                           {'ru': 'наращивать потенциал сотрудников пограничных и миграционных '
                                  'органов и гражданского общества;',
                            'en': 'build the capacity of border and migration officials and of '
                                  'civil society;'},
                           {'ru': 'укреплять сотрудничество между компетентными органами на '
                                  'национальном уровне и между правоохранительными ведомствами '
                                  'всего региона в целом, в том числе посредством обмена '
                                  'информацией и передовой практикой.',
                            'en': 'strengthen cooperation between the competent authorities at '
                                  'national level and between law-enforcement agencies across the '
                                  'region, including through the exchange of information and good '
                                  'practice.'}],
            'actions': [{'heading': {'ru': 'Оперативный уровень', 'en': 'Operational level'},
                         'level': 'operational',
                         'ru': 'создать механизмы согласованного сбора данных и информации о '
                               'миграционных потоках на национальном и региональном уровне и '
                               'обмена этими данными и информацией;',
                         'en': 'set up mechanisms for consistent collection and exchange of data '
                               'and information on migration flows at national and regional '
                               'level;'},
                        {'heading': {'ru': 'Оперативный уровень', 'en': 'Operational level'},
                         'level': 'operational',
                         'ru': 'создать/укрепить механизмы выявления и составления личных дел для '
                               'более точного различия разных категорий перемещающихся лиц и '
                               'выявления их конкретных потребностей;',
                         'en': 'set up/strengthen identification and profiling mechanisms to '
                               'distinguish more precisely between the different categories of '
                               'people on the move and identify their specific needs;',
                         'note': {'ru': 'Под термином «составление личных дел» УВКБ ООН '
                                        'подразумевает не подлежащий обязательному исполнению '
                                        'процесс, предществующий любым процедурам установления '
                                        'формального статуса, направленный на выявление '
                                        'потребностей, отличий между различными категориями лиц, '
                                        'участвующих в смешанных перемещениях, незамедлительно, по '
                                        'прибытию в принимающую страну.',
                                  'en': 'By "profiling" UNHCR means a non-binding process, '
                                        'preceding any formal status determination procedure, '
                                        'aimed at identifying needs and differences between the '
                                        'various categories of persons involved in mixed movements '
                                        'immediately on arrival in the receiving country.'}},
                        {'heading': {'ru': 'Оперативный уровень', 'en': 'Operational level'},
                         'level': 'operational',
                         'ru': 'обеспечить доступ лиц, ищущих убежище, и лиц с особыми '
                               'потребностями к переводу, юридическим консультациям и информации о '
                               'своих правах и предусмотренных процедурах;',
                         'en': 'ensure that asylum-seekers and persons with specific needs have '
                               'access to interpretation, legal advice and information on their '
                               'rights and the applicable procedures;'},
                        {'heading': {'ru': 'Оперативный уровень', 'en': 'Operational level'},
                         'level': 'operational',
                         'ru': 'создать/укрепить действенные механизмы информирования и передачи '
                               'на рассмотрение с целью обеспечения незамедлительного обмена '
                               'информацией между сотрудниками пограничных служб и органами, '
                               'отвечающими за вопросы миграции и убежища, а также обеспечения '
                               'своевременного направления лиц, ищущих убежище в соответствующие '
                               'органы;',
                         'en': 'set up/strengthen effective information and referral mechanisms to '
                               'ensure the immediate exchange of information between border '
                               'officials and the authorities responsible for migration and '
                               'asylum, and the timely referral of asylum-seekers to the competent '
                               'authorities;'},
                        {'heading': {'ru': 'Оперативный уровень', 'en': 'Operational level'},
                         'level': 'operational',
                         'ru': 'рассмотреть создание механизмов предоставления защиты в случае '
                               'чрезвычайной ситуации гуманитарного характера/массового притока '
                               'беженцев',
                         'en': 'consider establishing mechanisms for providing protection in the '
                               'event of a humanitarian emergency/mass influx of refugees'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'развивать потенциал сотрудников пограничных служб, органов, '
                               'отвечающих за вопросы убежища/миграции, и гражданского общества '
                               'посредством проведения совместных тренингов, практикумов и '
                               'семинаров на национальном и региональном уровнях, акцентируя '
                               'внимание на конкретных проблемах, связанных со смешанными '
                               'перемещениями, а также на выработке конкретных психо-социальных '
                               'навыков;',
                         'en': 'develop the capacity of border officials, of the authorities '
                               'responsible for asylum/migration and of civil society through '
                               'joint trainings, workshops and seminars at national and regional '
                               'level, focusing on the specific problems of mixed movements and on '
                               'developing specific psychosocial skills;'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'разработать практические механизмы оказания помощи должностным '
                               'лицам на контрольно-пропускных пунктах по вопросам идентификации, '
                               'составления личных дел и направления дел вновь прибывших на '
                               'дальнейшее рассмотрение. Данная помощь может включать набор '
                               'средств по предоставлению защиты, операционные '
                               'руководства/справочники и стандартные операционные процедуры, '
                               'выделяющие наиболее важные процедуры (по предоставлению защиты) и '
                               'предоставляющие практическое руководство по идентификации и '
                               'реагированию на потребности лиц, ищущих убежище/беженцев, а также '
                               'других лиц со специфическими потребностями; список стран и/или '
                               'групп со специфическими потребностями в защите; анкеты по '
                               'определению специфических рисков в сфере предоставления защиты;',
                         'en': 'develop practical mechanisms to assist officials at border '
                               'crossing points with identification, profiling and referral of new '
                               'arrivals. This assistance may include a protection toolkit, '
                               'operational guides/handbooks and standard operating procedures '
                               'highlighting the most important (protection) procedures and giving '
                               'practical guidance on identifying and responding to the needs of '
                               'asylum-seekers/refugees and other persons with specific needs; a '
                               'list of countries and/or groups with specific protection needs; '
                               'questionnaires for determining specific protection risks;'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'расширять и регулярно обновлять общую программу тренинга для '
                               'должностных лиц контрольно-пропускных пунктов с целью включения '
                               'упрощенных обзоров всех применяемых правил и норм, касающихся '
                               'процедур въезда и передачи дел на рассмотрение;',
                         'en': 'expand and regularly update the general training programme for '
                               'officials at border crossing points to include simplified '
                               'overviews of all applicable rules and norms on entry and referral '
                               'procedures;'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'ввести обучение в сфере прав человека и управления границами в '
                               'соответствующие общие программы тренингов;',
                         'en': 'introduce training in human rights and border management into the '
                               'relevant general training programmes;'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'проводить специальные тренинги по управлению границами с учетом '
                               'требований защиты в контексте массового притока (рассматривая опыт '
                               'других регионов, например, кризисы в Кот-д’Ивуаре и Ливии).',
                         'en': 'hold special trainings on protection-sensitive border management '
                               'in the context of a mass influx (drawing on the experience of '
                               "other regions, for example the crises in Côte d'Ivoire and "
                               'Libya).'},
                        {'heading': {'ru': 'Наращивание потенциала', 'en': 'Capacity building'},
                         'level': 'capacity_building',
                         'ru': 'увеличить пропускную способность инфраструктуры на границах '
                               '(техническое оборудование и помещения, такие как комнаты для '
                               'проведения интервью).',
                         'en': 'increase the capacity of border infrastructure (technical '
                               'equipment and premises, such as interview rooms).'},
                        {'heading': {'ru': 'Сотрудничество и координация',
                                     'en': 'Cooperation and coordination'},
                         'level': 'cooperation',
                         'ru': 'активизировать сотрудничество между представителями пограничных '
                               'служб и органов, отвечающих за вопросы убежища/миграции на '
                               'национальном уровне на основе соглашений/меморандумов о '
                               'взаимопонимании, уточняющих роли, обязанности и методы работы',
                         'en': 'step up cooperation between border services and the authorities '
                               'responsible for asylum/migration at national level on the basis of '
                               'agreements/memoranda of understanding clarifying roles, '
                               'responsibilities and working methods'},
                        {'heading': {'ru': 'Сотрудничество и координация',
                                     'en': 'Cooperation and coordination'},
                         'level': 'cooperation',
                         'ru': 'создать независимые механизмы мониторинга границ (где возможно '
                               'рассмотреть участие представителей УВКБ ООН и организаций '
                               'гражданского общества в данном процессе).',
                         'en': 'set up independent border monitoring mechanisms (where possible, '
                               'consider the participation of UNHCR and civil society '
                               'organisations in this process).'},
                        {'heading': {'ru': 'Сотрудничество и координация',
                                     'en': 'Cooperation and coordination'},
                         'level': 'cooperation',
                         'ru': 'провести ознакомительные поездки в страны с развитыми системами и '
                               'процедурами въезда (например, Центральной и Восточной Европы) и '
                               '(или) пригласить специалистов-практиков из этих стран принять '
                               'участие в инициативах по наращиванию потенциала с целью обмена '
                               'соответствующим опытом.',
                         'en': 'organise study visits to countries with developed entry systems '
                               'and procedures (for example in Central and Eastern Europe) and/or '
                               'invite practitioners from these countries to take part in '
                               'capacity-building initiatives in order to share relevant '
                               'experience.'}],
            'expected_results': [{'ru': 'меры по охране границ, борьбе с транснациональной '
                                        'преступностью, предотвращению мобильности террористов и '
                                        'обеспечению национальной безопасности осуществляются в '
                                        'соответствии с международными нормами;',
                                  'en': 'measures to protect borders, combat transnational crime, '
                                        'prevent the mobility of terrorists and ensure national '
                                        'security are carried out in line with international '
                                        'norms;'},
                                 {'ru': 'связи между безопасностью и режимом международной защиты '
                                        'используются для смягчения угроз безопасности и '
                                        'укрепления национальной безопасности;',
                                  'en': 'the links between security and the international '
                                        'protection regime are used to mitigate security threats '
                                        'and strengthen national security;'},
                                 {'ru': 'лица, нуждающиеся в международной защите, своевременно '
                                        'выявляются и направляются в компетентные органы;',
                                  'en': 'persons in need of international protection are '
                                        'identified in good time and referred to the competent '
                                        'authorities;'},
                                 {'ru': 'потенциал нерегулярной миграции уменьшается.',
                                  'en': 'the potential for irregular migration is reduced.'}],
            'good_practices': [{'heading': None,
                                'ru': 'Меморандум о взаимопонимании и сотрудничестве между '
                                      'Пограничными войсками Государственного комитета '
                                      'национальной безопасности Кыргызской Республики и УВКБ ООН;',
                                'en': 'Memorandum of Understanding and Cooperation between the '
                                      'Border Troops of the State Committee for National Security '
                                      'of the Kyrgyz Republic and UNHCR;'},
                               {'heading': None,
                                'ru': 'Трехсторонний меморандум о взаимопонимании по вопросам '
                                      'управления границами с национальными пограничными службами, '
                                      'национальными НПО и УВКБ ООН в Центральной Европе;',
                                'en': 'Tripartite memoranda of understanding on border management '
                                      'with national border services, national NGOs and UNHCR in '
                                      'Central Europe;'},
                               {'heading': None,
                                'ru': 'пограничное законодательство с учетом требований защиты '
                                      'стран Восточной Европы (Беларуси, Молдовы);',
                                'en': 'protection-sensitive border legislation of Eastern European '
                                      'countries (Belarus, Moldova);'},
                               {'heading': None,
                                'ru': 'учебные материалы и программы повышения квалификации '
                                      'агентства «Фронтекс»;',
                                'en': 'training materials and professional development programmes '
                                      'of the Frontex agency;'},
                               {'heading': None,
                                'ru': 'Национальная стратегия управления границами Республики '
                                      'Таджикистан и план ее реализации;',
                                'en': 'National Border Management Strategy of the Republic of '
                                      'Tajikistan and its implementation plan;'},
                               {'heading': None,
                                'ru': 'совместные тренинги для сотрудников пограничных служб '
                                      'Таджикистана и Афганистана, проводимые силами МОМ;',
                                'en': 'joint trainings for border officials of Tajikistan and '
                                      'Afghanistan conducted by IOM;'},
                               {'heading': None,
                                'ru': 'проект «Программа по содействию управлению границами в '
                                      'Центральной Азии» (БОМКА);',
                                'en': 'the Border Management Programme in Central Asia (BOMCA) '
                                      'project;'},
                               {'heading': None,
                                'ru': 'специализированные курсы и семинары, проводимые Колледжем '
                                      'ОБСЕ по управлению границами;',
                                'en': 'specialised courses and seminars held by the OSCE Border '
                                      'Management Staff College;'},
                               {'heading': None,
                                'ru': 'Ашгабатская декларация и план действий;',
                                'en': 'the Ashgabat Declaration and Plan of Action;'},
                               {'heading': None,
                                'ru': 'Учебное пособие УВКБ ООН по защите для должностных лиц '
                                      'пограничных служб и систем въезда европейских стран.',
                                'en': "UNHCR's protection training manual for European border and "
                                      'entry officials.'}]},
           {'number': 2,
            'roman': 'II',
            'title': {'ru': 'Дифференцированные процессы и процедуры',
                      'en': 'Differentiated processes and procedures'},
            'declaration_paragraphs': [1, 2, 3, 4, 5],
            'objectives': [{'ru': 'разработать и укрепить правовую и политическую базу для защиты '
                                  'беженцев, детей, женщин и девочек, подвергающихся повышенному '
                                  'риску, жертв торговли людьми и других лиц с особыми '
                                  'потребностями, принять меры к обеспечению полной и действенной '
                                  'реализации вышеупомянутой правовой и политической базы в '
                                  'соответствии с международными нормами и стандартами;',
                            'en': 'develop and strengthen the legal and policy framework for the '
                                  'protection of refugees, children, women and girls at heightened '
                                  'risk, victims of trafficking and other persons with specific '
                                  'needs, and take measures to ensure the full and effective '
                                  'implementation of that legal and policy framework in line with '
                                  'international norms and standards;'},
                           {'ru': 'обеспечить удовлетворение основных потребностей прибывших, а '
                                  'также доступ к соответствующим процессам и процедурам;',
                            'en': 'ensure that the basic needs of new arrivals are met and that '
                                  'they have access to the appropriate processes and procedures;'},
                           {'ru': 'пользоваться взаимодополняемостью режима международной защиты и '
                                  'требований национальной безопасности, в том числе посредством '
                                  'надлежащего применения соответствующих юридических, '
                                  'политических и оперативных инструментов защиты беженцев и '
                                  'обеспечения наличия справедливых и надлежащим образом '
                                  'функционирующих систем убежища с целью определения лиц, '
                                  'заслуживающих защиты, а также выявления и исключения лиц, '
                                  'потенциально предоставляющих риски безопасности.',
                            'en': 'make use of the complementarity between the international '
                                  'protection regime and national security requirements, including '
                                  'through the proper application of the relevant legal, policy '
                                  'and operational tools of refugee protection and through fair '
                                  'and properly functioning asylum systems, in order to identify '
                                  'those who deserve protection and to detect and exclude persons '
                                  'who may pose security risks.'},
                           {'ru': 'повышать качество и эффективность процедур предоставления '
                                  'убежища, в том числе с помощью разработки специальных '
                                  'инструментов и повышения квалификации сотрудников органов '
                                  'убежища;',
                            'en': 'improve the quality and efficiency of asylum procedures, '
                                  'including by developing special tools and training asylum '
                                  'officials;'},
                           {'ru': 'укреплять и более эффективно координировать национальные и '
                                  'региональные инициативы государственных и негосударственных '
                                  'субъектов по борьбе с торговлей людьми;',
                            'en': 'strengthen and better coordinate national and regional '
                                  'initiatives of state and non-state actors to combat trafficking '
                                  'in human beings;'},
                           {'ru': 'обеспечить, чтобы все перемещающиеся дети, независимо от их '
                                  'статуса, немедленно и безоговорочно получали защиту и помощь;',
                            'en': 'ensure that all children on the move, whatever their status, '
                                  'receive protection and assistance immediately and '
                                  'unconditionally;'},
                           {'ru': 'наращивать потенциал национальных субъектов гражданского '
                                  'общества, прилагать усилия к обеспечению их участия в оказании '
                                  'услуг и помощи различным группам.',
                            'en': 'build the capacity of national civil society actors and work to '
                                  'involve them in providing services and assistance to the '
                                  'various groups.'}],
            'actions': [{'heading': None,
                         'level': '',
                         'ru': 'Обеспечить, чтобы процедуры предоставления убежища и специальные '
                               'механизмы защиты жертв торговли людьми учитывали возраст, пол и '
                               'другие различия.',
                         'en': 'Ensure that asylum procedures and special protection mechanisms '
                               'for victims of trafficking take account of age, gender and other '
                               'differences.'},
                        {'heading': None,
                         'level': '',
                         'ru': 'Предоставлять всем прибывшим информацию об их правах и '
                               'обязанностях в принимающей стране, имеющихся услугах и возможных '
                               'правовых вариантах (включая процедуры предоставления убежища).',
                         'en': 'Provide all new arrivals with information on their rights and '
                               'obligations in the receiving country, the services available and '
                               'possible legal options (including asylum procedures).'},
                        {'heading': None,
                         'level': '',
                         'ru': 'Гармонизировать стандарты обращения в масштабах всего региона, '
                               'установив похожие или стандартизованные процедуры для разных групп '
                               'с целью ограничить выталкивающие и притягивающие факторы '
                               'дальнейших (нерегулярных) перемещений.',
                         'en': 'Harmonise standards of treatment across the region by establishing '
                               'similar or standardised procedures for different groups, in order '
                               'to limit the push and pull factors of onward (irregular) '
                               'movements.'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'пересмотреть и по мере необходимости изменить национальную '
                               'законодательную и институциональную базу, приведя ее в '
                               'соответствие международным стандартам и нормам защиты;',
                         'en': 'review and, where necessary, amend the national legislative and '
                               'institutional framework to bring it into line with international '
                               'protection standards and norms;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'провести оценку того, насколько компетентно национальные органы по '
                               'вопросам убежища рассматривают ходатайства о предоставлении '
                               'убежища и устраняют выявленные недостатки, с целью улучшения '
                               'качества, укрепления справедливости и повышения эффективности '
                               'процедур предоставления убежища;',
                         'en': 'assess how competently the national asylum authorities examine '
                               'asylum applications and remedy the shortcomings found, in order to '
                               'improve the quality, fairness and efficiency of asylum '
                               'procedures;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'по результатам оценки процедур предоставления убежища выявить '
                               'конкретные учебные потребности соответствующих сотрудников и '
                               'ответственных лиц, после чего провести индивидуальные тренинги без '
                               'отрыва от производства;',
                         'en': 'on the basis of the assessment of asylum procedures, identify the '
                               'specific training needs of the officials and decision-makers '
                               'concerned, then hold tailored in-service trainings;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'организовать национальные, двусторонние и (или) региональные '
                               'тематические тренинги, семинары и практикумы, ориентированные на '
                               'обсуждение общих проблем и обмен практическим опытом с целью '
                               'укрепления систем убежища в контексте смешанных перемещений;',
                         'en': 'organise national, bilateral and/or regional thematic trainings, '
                               'seminars and workshops focused on discussing common problems and '
                               'sharing practical experience, in order to strengthen asylum '
                               'systems in the context of mixed movements;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'провести ознакомительные поездки в страны Центральной/Восточной '
                               'Европы для обмена опытом и ознакомления с передовой практикой;',
                         'en': 'organise study visits to countries of Central/Eastern Europe to '
                               'share experience and learn about good practice;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'разработать инструменты ведения дел и процедурные средства для '
                               'повышения эффективности процесса предоставления убежища, в том '
                               'числе путем проведения анализа нагрузки, изучения информации о '
                               'странах происхождения и разработки соответствующих ускоренных '
                               'процедур с полным соблюдением принципа невысылки;',
                         'en': 'develop case management tools and procedural means to make the '
                               'asylum process more efficient, including by analysing the '
                               'caseload, studying country-of-origin information and developing '
                               'appropriate accelerated procedures in full respect of the '
                               'principle of non-refoulement;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'разработать согласованные системы сбора и использования точной, '
                               'объективной и актуальной информации о странах происхождения на '
                               'русском языке, почерпнутой из широкого круга надежных источников;',
                         'en': 'develop consistent systems for collecting and using accurate, '
                               'objective and up-to-date country-of-origin information in Russian, '
                               'drawn from a wide range of reliable sources;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'создать открытые центры приема лиц, ищущих убежище, и беженцев, '
                               'где могут удовлетворяться все их основные потребности и '
                               'рассматриваться ходатайства о предоставлении убежища;',
                         'en': 'set up open reception centres for asylum-seekers and refugees '
                               'where all their basic needs can be met and asylum applications '
                               'examined;'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'выработать механизмы (разработать инструкции) по направлению лиц, '
                               'не нуждающихся в международной защите, в соответствующие '
                               'альтернативные структуры (для урегулирования их пребывания, '
                               'оказания помощи добровольного возвращения или содействия легальной '
                               'дальнейшей миграции) для уменьшения давления на системы убежища и '
                               'содействия более справедливым и более эффективным процедурам для '
                               'лиц, ищущих убежища',
                         'en': 'develop mechanisms (draw up instructions) for referring persons '
                               'not in need of international protection to appropriate alternative '
                               'structures (to regularise their stay, assist voluntary return or '
                               'facilitate legal onward migration), in order to reduce the '
                               'pressure on asylum systems and promote fairer and more efficient '
                               'procedures for asylum-seekers'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'Содействовать применению Конвенции 1951 года и международному '
                               'праву о беженцах. Данное содействие включает соблюдение принципа '
                               'невысылки, а также всеобъемлющего ряда прав, предоставляющих '
                               'возможность беженцам для обретения само-достаточности и '
                               'интегрирования в страну проживания.',
                         'en': 'Promote the application of the 1951 Convention and international '
                               'refugee law. This includes respect for the principle of '
                               'non-refoulement and for the full range of rights enabling refugees '
                               'to become self-reliant and integrate into their country of '
                               'residence.'},
                        {'heading': {'ru': 'Системы защиты беженцев и убежища',
                                     'en': 'Refugee protection and asylum systems'},
                         'level': '',
                         'ru': 'Рассмотреть возможность принятия расширенного определения беженца '
                               '(примером могут служить определения, представленные в Картахенской '
                               'декларации о беженцах, а также Конвенции Организации африканского '
                               'единства (ОАЕ) регулирующей специфические аспекты проблем беженцев '
                               'в Африке.',
                         'en': 'Consider adopting an extended refugee definition (examples are the '
                               'definitions given in the Cartagena Declaration on Refugees and in '
                               'the Convention of the Organisation of African Unity (OAU) '
                               'Governing the Specific Aspects of Refugee Problems in Africa.'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'обеспечить надлежащую подготовку сотрудников правоохранительных '
                               'органов и других специалистов, которые в своей работе могут '
                               'сталкиваться с жертвами торговли людьми, как, например, учителя и '
                               'медицинские работники, для развития их способностей по выявлению '
                               'жертв торговли людьми и привлечения данных специалистов к '
                               'реализации стратегий предупреждения;',
                         'en': 'ensure proper training for law-enforcement officials and other '
                               'professionals who may encounter victims of trafficking in their '
                               'work, such as teachers and health workers, to develop their '
                               'ability to identify victims of trafficking, and involve these '
                               'professionals in implementing prevention strategies;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'внести изменения в применимое трудовое законодательство с тем, '
                               'чтобы инспекторы труда могли проводить внезапные и специальные '
                               'проверки предприятий, и привлекать инспекторов труда к работе по '
                               'выявлению жертв торговли людьми и трудовой эксплуатации;',
                         'en': 'amend the applicable labour legislation so that labour inspectors '
                               'can carry out unannounced and special inspections of enterprises, '
                               'and involve labour inspectors in identifying victims of '
                               'trafficking and labour exploitation;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'создать скоординированный механизм направления жертв торговли '
                               'людьми, которые могут подать ходатайство о предоставлении убежища, '
                               'в компетентные органы по вопросам убежища;',
                         'en': 'set up a coordinated mechanism for referring victims of '
                               'trafficking who may apply for asylum to the competent asylum '
                               'authorities;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'включить модули по международному праву о беженцах в национальные '
                               'учебные программы по проблеме торговли людьми для соответствующих '
                               'национальных органов с целью выявления и удовлетворения '
                               'потребности в международной защите в соответствии с принципом '
                               'невысылки и неприменения санкций к беженцам;',
                         'en': 'include modules on international refugee law in national training '
                               'programmes on trafficking for the relevant national authorities, '
                               'in order to identify and meet international protection needs in '
                               'line with the principles of non-refoulement and non-penalisation '
                               'of refugees;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'создать механизмы направления получивших отказ лиц, ищущих '
                               'убежища, которые стали жертвами торговли людьми, в соответствующие '
                               'механизмы поддержки. Находить и реализовать безопасные решения для '
                               'жертв торговли людьми, основываясь на индивидуальной оценке дел;',
                         'en': 'set up mechanisms for referring rejected asylum-seekers who have '
                               'become victims of trafficking to appropriate support mechanisms. '
                               'Find and implement safe solutions for victims of trafficking on '
                               'the basis of an individual assessment of their cases;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'приглашать Интерпол и другие организации с соответствующим опытом '
                               'для проведения консультаций и участия в расследованиях случаев '
                               'торговли людьми, включая уголовное преследование виновных;',
                         'en': 'invite Interpol and other organisations with relevant expertise to '
                               'give advice and take part in investigations of trafficking cases, '
                               'including the criminal prosecution of perpetrators;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'проводить информационно-пропагандистские мероприятия для '
                               'распространения среди широкой общественности информации с целью '
                               'предупреждения различных формах торговли людьми и сопутствующих '
                               'рисках;',
                         'en': 'carry out information and awareness-raising activities to inform '
                               'the general public with a view to preventing the various forms of '
                               'trafficking and the related risks;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'реализовать совместные региональные инициативы по наращиванию '
                               'потенциала и скоординированные информационно-пропагандистские '
                               'кампании с целью гармонизации и усиления мер по предупреждению '
                               'торговли людьми;',
                         'en': 'implement joint regional capacity-building initiatives and '
                               'coordinated information and awareness-raising campaigns to '
                               'harmonise and strengthen measures to prevent trafficking;'},
                        {'heading': {'ru': 'Предотвращение торговли людьми, защита жертв, '
                                           'преследование виновных',
                                     'en': 'Preventing trafficking in human beings, protecting '
                                           'victims, prosecuting perpetrators'},
                         'level': '',
                         'ru': 'создать для Центральноазиатского региона единую «горячую линию» по '
                               'вопросам борьбы с торговли людьми.',
                         'en': 'create a single anti-trafficking "hotline" for the Central Asian '
                               'region.'},
                        {'heading': {'ru': 'Системы защиты детей',
                                     'en': 'Child protection systems'},
                         'level': '',
                         'ru': 'интегрировать особые защитные меры для детей-беженцев в механизмы '
                               'регистрации и составления личных дел;',
                         'en': 'integrate special protection measures for refugee children into '
                               'registration and profiling mechanisms;'},
                        {'heading': {'ru': 'Системы защиты детей',
                                     'en': 'Child protection systems'},
                         'level': '',
                         'ru': 'предпринять меры для обеспечения удовлетворения особых '
                               'потребностей в защите детей-жертв торговли людьми, детей, ищущих '
                               'убежища, и разлученных с семьей/без сопровождения взрослых '
                               'несовершеннолетних, в том числе путем проведения официального '
                               'определения наилучших интересов ребенка и систематической оценки '
                               'его потребностей в международной защите;',
                         'en': 'take measures to ensure that the specific protection needs of '
                               'child victims of trafficking, asylum-seeking children and '
                               'separated/unaccompanied minors are met, including through formal '
                               'best interests determination and systematic assessment of their '
                               'international protection needs;'},
                        {'heading': {'ru': 'Системы защиты детей',
                                     'en': 'Child protection systems'},
                         'level': '',
                         'ru': 'гарантировать всем детям, в том числе детям беженцев и сезонных '
                               'трудовых мигрантов, доступ к начальному и среднему образованию;',
                         'en': 'guarantee all children, including the children of refugees and of '
                               'seasonal labour migrants, access to primary and secondary '
                               'education;'},
                        {'heading': {'ru': 'Системы защиты детей',
                                     'en': 'Child protection systems'},
                         'level': '',
                         'ru': 'создать механизмы контроля неукоснительного соблюдения '
                               'законодательства, запрещающего детский труд.',
                         'en': 'set up mechanisms to monitor strict compliance with legislation '
                               'prohibiting child labour.'},
                        {'heading': {'ru': 'Женщины и девочки, подвергающиеся риску',
                                     'en': 'Women and girls at risk'},
                         'level': '',
                         'ru': 'разработать специальные инструменты для выявления женщин и '
                               'девочек, подвергающихся риску, и внедрить надлежащие процедуры для '
                               'удовлетворения их особых потребностей в защите и помощи;',
                         'en': 'develop special tools for identifying women and girls at risk and '
                               'introduce appropriate procedures to meet their specific protection '
                               'and assistance needs;'},
                        {'heading': {'ru': 'Женщины и девочки, подвергающиеся риску',
                                     'en': 'Women and girls at risk'},
                         'level': '',
                         'ru': 'создать скоординированные механизмы предотвращения случаев '
                               'сексуального и гендерного насилия и реагирования на них.',
                         'en': 'set up coordinated mechanisms to prevent and respond to cases of '
                               'sexual and gender-based violence.'},
                        {'heading': {'ru': 'Сотрудничество и координация',
                                     'en': 'Cooperation and coordination'},
                         'level': 'cooperation',
                         'ru': 'создать надлежащим образом функционирующие системы перекрестной '
                               'передачи на рассмотрение между разными процессами и '
                               'координационными механизмами всех соответствующих субъектов '
                               '(государственных ведомств, гражданского общества, международных '
                               'организаций, социальных работников, учреждений здравоохранения).',
                         'en': 'set up properly functioning systems of cross-referral between the '
                               'different processes, and coordination mechanisms of all relevant '
                               'actors (government agencies, civil society, international '
                               'organisations, social workers, health institutions).'}],
            'expected_results': [{'ru': 'предпринимаются специализированные и дифференцированные '
                                        'меры для всех лиц, вовлеченных в смешанные перемещения, '
                                        'согласно их потребностям и характеристикам;',
                                  'en': 'specialised and differentiated measures are taken for all '
                                        'persons involved in mixed movements according to their '
                                        'needs and profiles;'},
                                 {'ru': 'обеспечен доступ всех лиц, независимо от гражданства, к '
                                        'процедурам предоставления убежища;',
                                  'en': 'all persons, whatever their nationality, have access to '
                                        'asylum procedures;'},
                                 {'ru': 'количество необоснованных ходатайств о предоставлении '
                                        'убежища уменьшено;',
                                  'en': 'the number of unfounded asylum applications is reduced;'},
                                 {'ru': 'учитываются интересы национальной безопасности в '
                                        'контексте смешанных перемещений, в том числе через '
                                        'справедливые и надлежащим образом функционирующие системы '
                                        'убежища и с соответствующим применением необходимых '
                                        'политических, юридических и оперативных инструментов '
                                        'защиты беженцев;',
                                  'en': 'national security interests are taken into account in the '
                                        'context of mixed movements, including through fair and '
                                        'properly functioning asylum systems and the appropriate '
                                        'use of the necessary policy, legal and operational tools '
                                        'of refugee protection;'},
                                 {'ru': 'укреплено региональное сотрудничество и координация '
                                        'усилий по предотвращению торговли людьми, защите жертв '
                                        'торговли и преследованию виновных;',
                                  'en': 'regional cooperation and coordination of efforts to '
                                        'prevent trafficking, protect victims of trafficking and '
                                        'prosecute perpetrators are strengthened;'},
                                 {'ru': 'потенциал нерегулярной (дальнейшей) миграции уменьшен '
                                        'благодаря наличию дифференцированных процессов и процедур '
                                        'во всех странах региона.',
                                  'en': 'the potential for irregular (onward) migration is reduced '
                                        'thanks to differentiated processes and procedures in all '
                                        'countries of the region.'}],
            'good_practices': [{'heading': {'ru': 'Защита беженцев и системы убежища',
                                            'en': 'Refugee protection and asylum systems'},
                                'ru': 'Проект по обеспечению качества и оценке систем убежища в '
                                      'Центральной и Восточной Европе;',
                                'en': 'Asylum Systems Quality Assurance and Evaluation project in '
                                      'Central and Eastern Europe;'},
                               {'heading': {'ru': 'Защита беженцев и системы убежища',
                                            'en': 'Refugee protection and asylum systems'},
                                'ru': 'Центр временного поселения лиц, ищущих убежища, в Бишкеке '
                                      '(Кыргызстан);',
                                'en': 'Temporary accommodation centre for asylum-seekers in '
                                      'Bishkek (Kyrgyzstan);'},
                               {'heading': {'ru': 'Защита беженцев и системы убежища',
                                            'en': 'Refugee protection and asylum systems'},
                                'ru': 'Рабочая группа по вопросам убежища и беженцев в Казахстане '
                                      '(состоящая из представителей Комитета миграционной полиции '
                                      'Министерства внутренних дел, Министерства иностранных дел и '
                                      'УВКБ ООН);',
                                'en': 'Working Group on Asylum and Refugees in Kazakhstan '
                                      '(composed of representatives of the Migration Police '
                                      'Committee of the Ministry of Internal Affairs, the Ministry '
                                      'of Foreign Affairs and UNHCR);'},
                               {'heading': {'ru': 'Защита беженцев и системы убежища',
                                            'en': 'Refugee protection and asylum systems'},
                                'ru': 'Инструмент по выявлению повышенного риска (HRIT), УВКБ ООН;',
                                'en': 'UNHCR Heightened Risk Identification Tool (HRIT);'},
                               {'heading': {'ru': 'Защита беженцев и системы убежища',
                                            'en': 'Refugee protection and asylum systems'},
                                'ru': 'Расширенное определение термина «беженец» в Законе о '
                                      'беженцах в Кыргызской Республике, принятом в 2002 году.',
                                'en': 'Extended definition of the term "refugee" in the Law on '
                                      'Refugees of the Kyrgyz Republic adopted in 2002.'},
                               {'heading': {'ru': 'Специальные механизмы защиты лиц, ставших '
                                                  'жертвами торговли людьми',
                                            'en': 'Special protection mechanisms for victims of '
                                                  'trafficking'},
                                'ru': '«Справочник по непосредственной помощи жертвам торговли '
                                      'людьми», МОМ;',
                                'en': '"The IOM Handbook on Direct Assistance for Victims of '
                                      'Trafficking", IOM;'},
                               {'heading': {'ru': 'Специальные механизмы защиты лиц, ставших '
                                                  'жертвами торговли людьми',
                                            'en': 'Special protection mechanisms for victims of '
                                                  'trafficking'},
                                'ru': '«Национальные механизмы передачи на рассмотрение: объединяя '
                                      'усилия по защите прав жертв торговли людьми. Практическое '
                                      'пособие», ОБСЕ и БДИПЧ.',
                                'en': '"National Referral Mechanisms: Joining Efforts to Protect '
                                      'the Rights of Trafficked Persons. A Practical Handbook", '
                                      'OSCE and ODIHR.'},
                               {'heading': {'ru': 'Системы защиты детей',
                                            'en': 'Child protection systems'},
                                'ru': '«Пособие по обмену информацией и передовой практикой по '
                                      'первоначальному приему и защите несопровождаемых '
                                      'несовершеннолетних и обращению с ними», МОМ.',
                                'en': '"Handbook on the exchange of information and good practice '
                                      'on the first reception, protection and treatment of '
                                      'unaccompanied minors", IOM.'}]},
           {'number': 3,
            'roman': 'III',
            'title': {'ru': 'Жизнеспособные решения для различных групп',
                      'en': 'Durable solutions for different groups'},
            'declaration_paragraphs': [1, 6],
            'objectives': [{'ru': 'придерживаться комплексного подхода к поиску надлежащих '
                                  'долгосрочных решений для беженцев и других лиц, нуждающихся в '
                                  'международной защите; обеспечить доступность решений как для '
                                  'вновь прибывших, так и для лиц, дела которых рассматриваются, с '
                                  'целью стабилизации численности этих групп и предотвращения '
                                  'дальнейшего перемещения;',
                            'en': 'follow a comprehensive approach to finding appropriate '
                                  'long-term solutions for refugees and other persons in need of '
                                  'international protection; make solutions available both to new '
                                  'arrivals and to persons whose cases are under consideration, in '
                                  'order to stabilise the numbers of these groups and prevent '
                                  'further movement;'},
                           {'ru': 'обеспечить доступ беженцев, лиц без гражданства, репатриантов, '
                                  'членов национальных меньшинств и возвращающихся трудовых '
                                  'мигрантов к основным услугам и предоставить им возможность '
                                  'полного осуществления всех своих прав;',
                            'en': 'ensure that refugees, stateless persons, returnees, members of '
                                  'national minorities and returning labour migrants have access '
                                  'to basic services and can fully exercise all their rights;'},
                           {'ru': 'создать возможности для законной занятости и самообеспеченности '
                                  'этих групп;',
                            'en': 'create opportunities for legal employment and self-reliance of '
                                  'these groups;'},
                           {'ru': 'поддерживать гармоничные отношения в сообществе и принимать '
                                  'соответствующие меры по предотвращению конфликтов, в частности, '
                                  'в районах с многонациональным населением.',
                            'en': 'maintain harmonious relations in the community and take '
                                  'appropriate measures to prevent conflicts, in particular in '
                                  'areas with a multinational population.'}],
            'actions': [{'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'создать/укрепить механизмы выдачи надлежащих документов лицам, '
                               'ищущим убежища, беженцам и лицам без гражданства с тем, чтобы '
                               'позволить им регистрировать свои ходатайства, обращаться в суд и '
                               'осуществлять свои права;',
                         'en': 'set up/strengthen mechanisms for issuing appropriate documents to '
                               'asylum-seekers, refugees and stateless persons so that they can '
                               'register their applications, go to court and exercise their '
                               'rights;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'выдавать лицам, признанным беженцами, проездные документы по '
                               'Конвенции (ПДК);',
                         'en': 'issue Convention Travel Documents (CTDs) to persons recognised as '
                               'refugees;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'включить положения о местной интеграции беженцев в национальную '
                               'правовую базу; поддерживать местную интеграцию, в частности, '
                               'беженцев, длительно пребывающих на территории страны, для которых '
                               'добровольная репатриация невозможна и которые уже хорошо '
                               'интегрировались в принимающие общины;',
                         'en': 'include provisions on the local integration of refugees in the '
                               'national legal framework; support local integration, in particular '
                               'of refugees who have stayed in the country for a long time, for '
                               'whom voluntary repatriation is not possible and who are already '
                               'well integrated in the host communities;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'принять упрощенные и ускоренные процедуры натурализации беженцев '
                               'согласно Конвенции 1951 года;',
                         'en': 'adopt simplified and accelerated naturalisation procedures for '
                               'refugees in accordance with the 1951 Convention;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'снять ограничения на передвижение/поселение беженцев;',
                         'en': 'lift restrictions on the movement/settlement of refugees;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'разработать и реализовать программы, направленные на содействие '
                               'доступа беженцев и лиц без гражданства к возможностям законной '
                               'занятости, жилью, медицинским услугам и образованию (включая курсы '
                               'изучения языка);',
                         'en': 'develop and implement programmes promoting access of refugees and '
                               'stateless persons to legal employment opportunities, housing, '
                               'health services and education (including language courses);'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'проводить курсы изучения языка для детей-беженцев с целью '
                               'преодоления языкового барьера;',
                         'en': 'hold language courses for refugee children to overcome the '
                               'language barrier;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'в сотрудничестве с организациями гражданского общества '
                               'поддерживать и усиливать мобилизацию сообществ и развивать '
                               'само-обеспеченность беженцев и лиц без гражданства;',
                         'en': 'in cooperation with civil society organisations, support and '
                               'strengthen community mobilisation and develop the self-reliance of '
                               'refugees and stateless persons;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'участвовать в региональном диалоге с целью обмена опытом и '
                               'практикой интеграции, а также для гармонизации стандартов '
                               'обращения во всем регионе с тем, чтобы предотвращать дальнейшие '
                               '(нерегулярные) перемещения;',
                         'en': 'take part in regional dialogue to share integration experience and '
                               'practice and to harmonise standards of treatment throughout the '
                               'region, so as to prevent onward (irregular) movements;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'содействовать устойчивому добровольному возвращению тех, кто не '
                               'нуждается в международной защите и не имеет убедительных '
                               'гуманитарных оснований для пребывания в принимающей стране и кто '
                               'желает вернуться в страну своего происхождения;',
                         'en': 'promote the sustainable voluntary return of those who are not in '
                               'need of international protection, have no compelling humanitarian '
                               'grounds to remain in the host country and wish to return to their '
                               'country of origin;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'укреплять межгосударственное сотрудничество по процедурам '
                               'определения статуса безгражданства;',
                         'en': 'strengthen inter-state cooperation on statelessness determination '
                               'procedures;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'гармонизовать соответствующую национальную политику и внести '
                               'необходимые изменения в законодательство о '
                               'гражданстве/безгражданстве;',
                         'en': 'harmonise the relevant national policies and make the necessary '
                               'amendments to legislation on citizenship/statelessness;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'принимать, регулярно пересматривать и выполнять национальные планы '
                               'действий по сокращению и предотвращению безгражданства;',
                         'en': 'adopt, regularly review and implement national action plans to '
                               'reduce and prevent statelessness;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'реализовать выводы Региональной конференции по безгражданству, '
                               'состоявшейся в Ашгабате в декабре 2009 года;',
                         'en': 'implement the conclusions of the Regional Conference on '
                               'Statelessness held in Ashgabat in December 2009;'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'обеспечить интеграцию меньшинств, в том числе путем поддержания '
                               'этнического и культурного многообразия и содействия межэтническому '
                               'диалогу, с целью улучшения отношений между сообществами и '
                               'предотвращения трений, которые могут привести к перемещению.',
                         'en': 'ensure the integration of minorities, including by supporting '
                               'ethnic and cultural diversity and promoting inter-ethnic dialogue, '
                               'in order to improve relations between communities and prevent '
                               'frictions that could lead to displacement.'},
                        {'heading': {'ru': 'Интеграция беженцев, лиц без гражданства и '
                                           'национальных меньшинств',
                                     'en': 'Integration of refugees, stateless persons and '
                                           'national minorities'},
                         'level': '',
                         'ru': 'провести кампанию по повышению осведомленности с целью борьбы с '
                               'расизмом, ксенофобией и преступлениями на почве ненависти. '
                               'Повышать чуткость представителей местного населения и средств '
                               'массовой информации с целью уменьшения негативного восприятия '
                               'общественностью лиц, ищущих убежище, беженцев и рабочих- '
                               'мигрантов.',
                         'en': 'conduct an awareness-raising campaign to combat racism, xenophobia '
                               'and hate crimes. Raise the sensitivity of the local population and '
                               'the media in order to reduce negative public perceptions of '
                               'asylum-seekers, refugees and migrant workers.'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'разработать и реализовать комплексную национальную политику по '
                               'реинтеграции репатриантов и возвращающихся мигрантов, учитывая все '
                               'аспекты жизни после возвращения, в том числе доступ к '
                               'здравоохранению, образованию, жилью и программам и мероприятиям, '
                               'направленным на получение доходов;',
                         'en': 'develop and implement a comprehensive national policy on the '
                               'reintegration of returnees and returning migrants, taking into '
                               'account all aspects of life after return, including access to '
                               'health care, education, housing and income-generating programmes '
                               'and activities;'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'упростить и ускорить существующие процедуры восстановления '
                               'документов и осуществления имущественных прав;',
                         'en': 'simplify and speed up existing procedures for restoring documents '
                               'and exercising property rights;'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'создать специализированные центры для возвращающихся мигрантов и '
                               'беженцев. Функции таких центров включали бы предоставление '
                               'информации и консультирование в таких сферах, как образование, '
                               'здравоохранение, системы социального обеспечения, управление '
                               'сбережениями, инвестиции в развитие бизнеса, занятость;',
                         'en': 'set up specialised centres for returning migrants and refugees. '
                               'The functions of such centres would include providing information '
                               'and advice in such fields as education, health care, social '
                               'security systems, savings management, investment in business '
                               'development and employment;'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'разработать, при активном участии гражданского общества, '
                               'программы, направленные на проведение специализированных '
                               '(профессиональных) тренингов, а также схемы микрокредитования и '
                               'другие банковские продукты и финансовые услуги для возвращающихся '
                               'мигрантов и беженцев;',
                         'en': 'develop, with the active participation of civil society, '
                               'programmes of specialised (vocational) training, as well as '
                               'microcredit schemes and other banking products and financial '
                               'services for returning migrants and refugees;'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'обеспечить доступ к медицинской помощи, включая добровольные, '
                               'конфиденциальные и бесплатные медицинские осмотры на предмет '
                               'наличия заразных болезней, таких как туберкулез и ВИЧ/СПИД;',
                         'en': 'ensure access to medical care, including voluntary, confidential '
                               'and free medical examinations for communicable diseases such as '
                               'tuberculosis and HIV/AIDS;'},
                        {'heading': {'ru': 'Реинтеграция репатриантов и возвращающихся мигрантов',
                                     'en': 'Reintegration of returnees and returning migrants'},
                         'level': '',
                         'ru': 'предоставлять репатриантам профессиональные услуги по '
                               'психосоциальному консультированию, услуги по реабилитации и '
                               'соответствующую помощь, уделяя особое внимание женщинам и детям.',
                         'en': 'provide returnees with professional psychosocial counselling, '
                               'rehabilitation services and appropriate assistance, paying '
                               'particular attention to women and children.'},
                        {'heading': {'ru': 'Механизмы реагирования для других лиц с потребностями '
                                           'в защите',
                                     'en': 'Response mechanisms for other persons with protection '
                                           'needs'},
                         'level': '',
                         'ru': 'инициировать дискуссии о потребностях в защите лиц, не подпадающих '
                               'под действие Конвенции 1951 г., таких как пострадавшие от '
                               'стихийных бедствий и ухудшения состояния окружающей среды; '
                               'рассмотреть возможность разработки соответствующих механизмов '
                               'реагирования для таких лиц, включая своевременное предоставление '
                               'помощи, перемещение и интеграцию (реинтеграцию), с целью '
                               'предотвращения последующего перемещения и нерегулярных дальнейших '
                               'передвижений.',
                         'en': 'initiate discussions on the protection needs of persons not '
                               'covered by the 1951 Convention, such as those affected by natural '
                               'disasters and environmental degradation; consider developing '
                               'appropriate response mechanisms for such persons, including timely '
                               'assistance, relocation and integration (reintegration), in order '
                               'to prevent subsequent displacement and irregular onward '
                               'movements.'}],
            'expected_results': [{'ru': 'беженцы, лица без гражданства, репатрианты, национальные '
                                        'меньшинства и возвращающиеся трудовые мигранты '
                                        'интегрируются (реинтегрируются) в свои общины, пользуются '
                                        'доступом к услугам, возможностями для самообеспеченности '
                                        'и полного осуществления своих прав;',
                                  'en': 'refugees, stateless persons, returnees, national '
                                        'minorities and returning labour migrants are integrated '
                                        '(reintegrated) in their communities and have access to '
                                        'services, opportunities for self-reliance and the full '
                                        'exercise of their rights;'},
                                 {'ru': 'потенциал вклада беженцев, репатриантов, лиц без '
                                        'гражданства и возвращающихся мигрантов в рост и развитие '
                                        'их общин полностью используется на всеобщее благо;',
                                  'en': 'the potential contribution of refugees, returnees, '
                                        'stateless persons and returning migrants to the growth '
                                        'and development of their communities is fully used for '
                                        'the common good;'},
                                 {'ru': 'одинаковые стандарты обращения и доступность решений на '
                                        'всей территории региона способствуют снижению '
                                        'напряженности и предотвращению (нерегулярных), дальнейших '
                                        'перемещений а также уменьшению сопутствующих рисков '
                                        'торговли людьми и незаконного ввоза людей и стабилизации '
                                        'населения.',
                                  'en': 'the same standards of treatment and availability of '
                                        'solutions throughout the region help to reduce tension '
                                        'and prevent (irregular) onward movements, and to reduce '
                                        'the related risks of trafficking in human beings and '
                                        'smuggling of people and stabilise populations.'}],
            'good_practices': [{'heading': None,
                                'ru': 'присоединение Туркменистана к Конвенции 1954 г. о статусе '
                                      'апатридов;',
                                'en': "Turkmenistan's accession to the 1954 Convention relating to "
                                      'the Status of Stateless Persons;'},
                               {'heading': None,
                                'ru': 'натурализация беженцев и лиц без гражданства в '
                                      'Туркменистане;',
                                'en': 'naturalisation of refugees and stateless persons in '
                                      'Turkmenistan;'},
                               {'heading': None,
                                'ru': 'широкомасштабные программы натурализации в Кыргызстане и '
                                      'Туркменистане после перемещения, вызванного гражданской '
                                      'войной в Таджикистане;',
                                'en': 'large-scale naturalisation programmes in Kyrgyzstan and '
                                      'Turkmenistan after the displacement caused by the civil war '
                                      'in Tajikistan;'},
                               {'heading': None,
                                'ru': 'реформа законодательства о гражданстве в Кыргызстане;',
                                'en': 'reform of citizenship legislation in Kyrgyzstan;'},
                               {'heading': None,
                                'ru': 'натурализация граждан бывшего Советского Союза посредством '
                                      'внесения соответствующих изменений в законодательство '
                                      'Кыргызстана;',
                                'en': 'naturalisation of citizens of the former Soviet Union '
                                      'through corresponding amendments to the legislation of '
                                      'Kyrgyzstan;'},
                               {'heading': None,
                                'ru': 'политика и программы, направленные на реинтеграцию '
                                      'оралманов в Казахстане;',
                                'en': 'policies and programmes for the reintegration of oralmans '
                                      'in Kazakhstan;'},
                               {'heading': None,
                                'ru': 'двусторонние соглашения об упрощенных процедурах '
                                      'приобретения гражданства между Таджикистаном и '
                                      'Кыргызстаном;',
                                'en': 'bilateral agreements on simplified procedures for acquiring '
                                      'citizenship between Tajikistan and Kyrgyzstan;'},
                               {'heading': None,
                                'ru': 'региональный проект «Местная интеграция беженцев в '
                                      'Беларуси, Молдове и Украине»;',
                                'en': 'the regional project "Local Integration of Refugees in '
                                      'Belarus, Moldova and Ukraine";'},
                               {'heading': None,
                                'ru': 'механизмы реагирования на стихийные бедствия в Кыргызстане '
                                      'после оползня в Кара-Тарыке (2003 г.) и в Казахстане после '
                                      'землетрясения в Жамбыле (2003 г.);',
                                'en': 'natural disaster response mechanisms in Kyrgyzstan after '
                                      'the Kara-Taryk landslide (2003) and in Kazakhstan after the '
                                      'Zhambyl earthquake (2003);'},
                               {'heading': None,
                                'ru': 'Закон Республики Казахстан 1992 г. «О социальной защите '
                                      'граждан, пострадавших вследствие экологического бедствия в '
                                      'Приаралье».',
                                'en': 'Law of the Republic of Kazakhstan of 1992 "On the social '
                                      'protection of citizens affected by the ecological disaster '
                                      'in the Aral Sea region".'}]},
           {'number': 4,
            'roman': 'IV',
            'title': {'ru': 'Развитие возможностей для законной миграции и разработка '
                            'гендерно-чувствительной миграционной политики',
                      'en': 'Developing opportunities for legal migration and gender-sensitive '
                            'migration policy'},
            'declaration_paragraphs': [3, 4, 6],
            'objectives': [{'ru': 'укрепить и расширить каналы и механизмы легальной миграции на '
                                  'национальном, двустороннем и региональном уровнях;',
                            'en': 'strengthen and expand legal migration channels and mechanisms '
                                  'at national, bilateral and regional level;'},
                           {'ru': 'создать пути для регуляризации мигрантов в принимающих странах '
                                  'или возможности миграции, содействующие упорядоченному '
                                  'дальнейшему перемещению;',
                            'en': 'create pathways for the regularisation of migrants in receiving '
                                  'countries, or migration opportunities facilitating orderly '
                                  'onward movement;'},
                           {'ru': 'обеспечить эффективную реализацию действующих региональных '
                                  'соглашений, регулирующих передвижение людей;',
                            'en': 'ensure the effective implementation of existing regional '
                                  'agreements governing the movement of people;'},
                           {'ru': 'следовать основанному на правах человека подходу к '
                                  'предоставлению соответствующей защиты и помощи мигрантам;',
                            'en': 'follow a human-rights-based approach to providing appropriate '
                                  'protection and assistance to migrants;'},
                           {'ru': 'гармонизировать и координировать миграционную политику и '
                                  'практику в странах происхождения и назначения с целью '
                                  'обеспечения соответствия предложения рабочей силы спросу на '
                                  'нее;',
                            'en': 'harmonise and coordinate migration policies and practices in '
                                  'countries of origin and destination so that the supply of '
                                  'labour matches demand;'}],
            'actions': [{'heading': None,
                         'level': '',
                         'ru': 'провести оценки регионального рынка труда в странах происхождения '
                               'и назначения;',
                         'en': 'carry out assessments of the regional labour market in countries '
                               'of origin and destination;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'активно привлекать гражданское общество к оказанию услуг мигрантам '
                               'и проведению информационно-пропагандистских кампаний;',
                         'en': 'actively involve civil society in providing services to migrants '
                               'and in information and awareness-raising campaigns;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'создать четкие процедуры регистрации, лицензирования и '
                               'регулирования деятельности частных агентств занятости (ЧАЗ) и '
                               'задействовать эти агентства в разработке программ возвратной '
                               'миграции;',
                         'en': 'establish clear procedures for the registration, licensing and '
                               'regulation of private employment agencies (PEAs) and involve these '
                               'agencies in developing return migration programmes;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'разработать и внедрить двусторонние схемы и программы приема '
                               'постоянных, временных или возвратных мигрантов;',
                         'en': 'develop and introduce bilateral schemes and programmes for '
                               'admitting permanent, temporary or circular migrants;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'выдавать разрешения на работу непосредственно '
                               'трудящимся-мигрантам;',
                         'en': 'issue work permits directly to migrant workers;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'внедрить упрощенные процедуры выдачи разрешений на работу '
                               'высококвалифицированным трудовым мигрантам;',
                         'en': 'introduce simplified work permit procedures for highly skilled '
                               'labour migrants;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'создать систему патентов, направленную на легализацию '
                               'малоквалифицированных мигрантов;',
                         'en': 'create a patent system aimed at legalising low-skilled migrants;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'разработать механизмы совместного использования и сравнения данных '
                               'о миграции как в соответствующих организациях на национальном '
                               'уровне, так и между странами региона;',
                         'en': 'develop mechanisms for sharing and comparing migration data both '
                               'among the relevant organisations at national level and between the '
                               'countries of the region;'},
                        {'heading': None,
                         'level': '',
                         'ru': 'проводить скоординированные информационные кампании по управлению '
                               'ожиданиями потенциальных мигрантов, включая предоставление '
                               'информации о возможностях легальной миграции, о юридических '
                               'требованиях в отношении регистрации и разрешений на работу, а '
                               'также об их правах и обязанностях в принимающих странах.',
                         'en': 'conduct coordinated information campaigns to manage the '
                               'expectations of potential migrants, including information on legal '
                               'migration opportunities, on legal requirements for registration '
                               'and work permits, and on their rights and obligations in receiving '
                               'countries.'},
                        {'heading': {'ru': 'Гендерно-чувствительная миграционная политика',
                                     'en': 'Gender-sensitive migration policy'},
                         'level': '',
                         'ru': 'разработать и внедрить механизмы сбора данных с разбивкой по '
                               'гендерному аспекту и выработать более глубокое понимание спроса на '
                               'трудовых мигрантов-женщин, видов работ и секторов, в которых они '
                               'заняты;',
                         'en': 'develop and introduce mechanisms for collecting '
                               'gender-disaggregated data and develop a deeper understanding of '
                               'the demand for women labour migrants and of the kinds of work and '
                               'sectors in which they are employed;'},
                        {'heading': {'ru': 'Гендерно-чувствительная миграционная политика',
                                     'en': 'Gender-sensitive migration policy'},
                         'level': '',
                         'ru': 'интегрировать гендерные аспекты в процесс анализа, разработки и '
                               'применения миграционных законов и миграционной политики;',
                         'en': 'integrate gender aspects into the analysis, development and '
                               'application of migration laws and migration policy;'},
                        {'heading': {'ru': 'Гендерно-чувствительная миграционная политика',
                                     'en': 'Gender-sensitive migration policy'},
                         'level': '',
                         'ru': 'проводить оценки гендерного воздействия во всех случаях принятия '
                               'новых законов и политики.',
                         'en': 'carry out gender impact assessments whenever new laws and policies '
                               'are adopted.'}],
            'expected_results': [{'ru': 'трудящиеся-мигранты могут полностью осуществлять свои '
                                        'права и пользоваться более эффективной защитой от '
                                        'эксплуатации, жестокого обращения и нарушения их прав '
                                        'человека;',
                                  'en': 'migrant workers can fully exercise their rights and enjoy '
                                        'more effective protection against exploitation, abuse and '
                                        'violations of their human rights;'},
                                 {'ru': 'более широкие возможности легального перемещения '
                                        'уменьшают стимулы к нелегальной занятости и нерегулярной '
                                        'миграции и снижают сопутствующие риски торговли людьми и '
                                        'незаконного ввоза людей;',
                                  'en': 'wider opportunities for legal movement reduce the '
                                        'incentives for illegal employment and irregular migration '
                                        'and lower the related risks of trafficking in human '
                                        'beings and smuggling of people;'},
                                 {'ru': 'расширенные каналы легальной миграции помогают снизить '
                                        'уровень безработицы и социальную напряженность в странах '
                                        'происхождения и содействуют росту и развитию в странах '
                                        'назначения.',
                                  'en': 'expanded legal migration channels help to reduce '
                                        'unemployment and social tension in countries of origin '
                                        'and contribute to growth and development in countries of '
                                        'destination.'}],
            'good_practices': [{'heading': None,
                                'ru': 'ратификация Кыргызстаном и Таджикистаном Международной '
                                      'конвенции ООН 1990 г. о защите прав всех '
                                      'трудящихся-мигрантов и членов их семей;',
                                'en': 'ratification by Kyrgyzstan and Tajikistan of the 1990 UN '
                                      'International Convention on the Protection of the Rights of '
                                      'All Migrant Workers and Members of Their Families;'},
                               {'heading': None,
                                'ru': 'информационно-ресурсные центры для трудовых мигрантов в '
                                      'Таджикистане.',
                                'en': 'information and resource centres for labour migrants in '
                                      'Tajikistan.'}]}]}
