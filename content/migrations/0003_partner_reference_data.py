"""The partners of the public /partners/ page, as reference data.

The international and regional organisations are those the process's
founding texts name (the Operational Mechanism's footnote on the 2011
Almaty conference; DOMAIN.md's observers): IOM, UNHCR, OSCE, UNRCCA, the
EU and ICMPD. The related regional consultative processes are the Prague
Process (seeds 000 and 001) and the Budapest Process. Each description says
only what those texts, or the partner's own public description, say.

A partner whose slug matches an observer organisation already recorded in
membership (the demo's, or production's) is linked to it, so the page says
it is an observer; nothing is created in membership. Rows already present
(same slug) are brought to this wording; none is ever removed, and going
back keeps them."""

from django.db import migrations

ORGANISATION = "organisation"
PROCESS = "process"

# slug, kind, position, (name ru, name en), (acronym ru, acronym en), website,
# (description ru, description en)
PARTNERS = [
    ("unhcr", ORGANISATION, 1,
     ("Управление Верховного комиссара Организации Объединенных Наций по делам беженцев",
      "Office of the United Nations High Commissioner for Refugees"),
     ("УВКБ ООН", "UNHCR"), "https://www.unhcr.org/",
     ("Агентство ООН по делам беженцев. Вместе с МОМ организовало Региональную конференцию "
      "по вопросам защиты беженцев и международной миграции в Центральной Азии (Алматы, "
      "15–16 марта 2011 года), из которой вырос Алматинский процесс, и поддержало его "
      "запуск. Первые два года функции Службы поддержки выполняли структуры УВКБ ООН и МОМ "
      "в Казахстане.",
      "The UN Refugee Agency. With IOM it organised the Regional Conference on Refugee "
      "Protection and International Migration in Central Asia (Almaty, 15–16 March 2011), "
      "from which the Almaty Process grew, and supported its launch. For its first two years "
      "the functions of the Support Unit were carried out by UNHCR's and IOM's offices in "
      "Kazakhstan.")),
    ("iom", ORGANISATION, 2,
     ("Международная организация по миграции", "International Organization for Migration"),
     ("МОМ", "IOM"), "https://www.iom.int/",
     ("Агентство ООН по вопросам миграции. Вместе с УВКБ ООН организовало Алматинскую "
      "конференцию 2011 года и поддержало запуск процесса; по мере необходимости помогает "
      "найти финансирование совещаний министров и старших должностных лиц.",
      "The UN Migration Agency. With UNHCR it organised the 2011 Almaty conference and "
      "supported the launch of the process; as needed it helps to find funding for the "
      "meetings of ministers and senior officials.")),
    ("osce", ORGANISATION, 3,
     ("Организация по безопасности и сотрудничеству в Европе",
      "Organization for Security and Co-operation in Europe"),
     ("ОБСЕ", "OSCE"), "https://www.osce.org/",
     ("Региональная организация по безопасности. Сотрудничала с УВКБ ООН и МОМ в "
      "организации Алматинской конференции 2011 года.",
      "The regional security organisation. It worked with UNHCR and IOM on organising the "
      "2011 Almaty conference.")),
    ("unrcca", ORGANISATION, 4,
     ("Региональный центр Организации Объединенных Наций по превентивной дипломатии для "
      "Центральной Азии",
      "United Nations Regional Centre for Preventive Diplomacy for Central Asia"),
     ("РЦПДЦА", "UNRCCA"), "https://unrcca.unmissions.org/",
     ("Центр ООН в Ашхабаде, помогающий государствам Центральной Азии предотвращать "
      "конфликты. Сотрудничал с УВКБ ООН и МОМ в организации Алматинской конференции "
      "2011 года.",
      "The UN centre in Ashgabat that helps the states of Central Asia prevent conflict. It "
      "worked with UNHCR and IOM on organising the 2011 Almaty conference.")),
    ("eu", ORGANISATION, 5,
     ("Европейский союз", "European Union"), ("ЕС", "EU"),
     "https://european-union.europa.eu/",
     ("Оказал финансовую поддержку Алматинской конференции 2011 года. Финансирует "
      "региональные программы в области миграции и управления границами, в том числе "
      "Программу содействия управлению границами в Центральной Азии (БОМКА) и диалог "
      "Пражского процесса.",
      "It gave financial support to the 2011 Almaty conference. It funds regional "
      "programmes on migration and border management, among them the Border Management "
      "Programme in Central Asia (BOMCA) and the dialogue of the Prague Process.")),
    ("icmpd", ORGANISATION, 6,
     ("Международный центр по развитию миграционной политики",
      "International Centre for Migration Policy Development"),
     ("МЦРМП", "ICMPD"), "https://www.icmpd.org/",
     ("Международная организация в области миграционной политики. Реализует проекты в "
      "регионе, в том числе компонент программы БОМКА, и размещает секретариаты Пражского "
      "и Будапештского процессов.",
      "An international organisation for migration policy. It runs projects in the "
      "region, a component of the BOMCA programme among them, and hosts the secretariats of "
      "the Prague and Budapest processes.")),
    ("prague-process", PROCESS, 1,
     ("Пражский процесс", "Prague Process"), ("", ""), "https://www.pragueprocess.eu/",
     ("Целевой миграционный диалог, продвигающий миграционное партнерство между странами "
      "Европейского союза, Шенгенской зоны, Восточного партнерства, Западных Балкан, "
      "Центральной Азии и Турцией. Начат в 2009 году; действует План действий на "
      "2023–2027 годы; секретариат находится в МЦРМП.",
      "A targeted migration dialogue promoting migration partnerships between the states "
      "of the European Union, the Schengen area, the Eastern Partnership, the Western "
      "Balkans, Central Asia and Turkey. Started in 2009; its Action Plan covers 2023–2027; "
      "its secretariat is at ICMPD.")),
    ("budapest-process", PROCESS, 2,
     ("Будапештский процесс", "Budapest Process"), ("", ""),
     "https://www.budapestprocess.org/",
     ("Межрегиональный консультативный форум по вопросам миграции, действующий с "
      "1991 года, который объединяет государства Европы и региона Шелкового пути; "
      "секретариат находится в МЦРМП.",
      "An inter-regional consultative forum on migration, active since 1991, bringing "
      "together the states of Europe and the Silk Routes region; its secretariat is at "
      "ICMPD.")),
]


def load_partners(apps, schema_editor):
    Partner = apps.get_model("content", "Partner")
    Organisation = apps.get_model("membership", "Organisation")
    observers = {o.slug: o for o in Organisation.objects.filter(
        slug__in=[row[0] for row in PARTNERS])}
    for slug, kind, position, names, acronyms, website, descriptions in PARTNERS:
        (name_ru, name_en), (acronym_ru, acronym_en), (text_ru, text_en) = (
            names, acronyms, descriptions
        )
        partner, _created = Partner.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind, "position": position, "website": website,
                "name": name_ru, "name_ru": name_ru, "name_en": name_en,
                "acronym": acronym_ru, "acronym_ru": acronym_ru, "acronym_en": acronym_en,
                "description": text_ru, "description_ru": text_ru, "description_en": text_en,
            },
        )
        if partner.observer_id is None and slug in observers:
            partner.observer = observers[slug]
            partner.save(update_fields=["observer"])


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0002_partners"),
        ("membership", "0007_pending_deadline_rules"),
    ]

    operations = [
        migrations.RunPython(load_partners, migrations.RunPython.noop),
    ]
