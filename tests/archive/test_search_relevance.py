"""Relevance of the archive search: among documents that all mention the
query's words, the one that is *about* them comes first.

The corpus is the archive as a secretariat uploads it: five real texts (the
seeds under tests/archive/corpus: the Regional Cooperation Framework, the
Operational Mechanism, two Prague Process papers, a BOMCA news item) filed
under titles made from their filenames, as the bulk upload does, so the rank
must come from the text; and twelve short documents in both languages with
proper titles and summaries. Each query is in a different word form from
the text it should find. Runs on PostgreSQL and on SQLite (same rank)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from archive.enums import FileLanguage
from archive.models import Document
from archive.search import documents_reindex, documents_search
from tests.factories.archive import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "corpus"

# (slug, title as the bulk upload makes it, the file under corpus/)
SEED_DOCUMENTS = [
    ("framework", "regional-cooperation-framework-2012-ru",
     "regional-cooperation-framework-2012-ru.txt"),
    ("mechanism", "operational-mechanism-ru", "operational-mechanism-ru.txt"),
    ("prague-som", "prague-process-som-2024-ru", "prague-process-som-2024-ru.txt"),
    ("prague-projects", "prague-process-projects-ru", "prague-process-projects-ru.txt"),
    ("bomca", "bomca-reintegration-seminar-2019-ru", "bomca-reintegration-seminar-2019-ru.txt"),
]

# (slug, language, title, summary, text)
SHORT_DOCUMENTS = [
    ("remittances-ru", FileLanguage.RUSSIAN,
     "Денежные переводы трудовых мигрантов в Центральной Азии",
     "Обзор потоков денежных переводов и их влияния на домохозяйства.",
     ("Денежные переводы трудовых мигрантов составляют значительную долю валового продукта "
     "стран происхождения. Стоимость перевода снизилась, однако переводы через неформальные "
     "каналы остаются распространёнными. Домохозяйства, получающие переводы, тратят их на "
     "питание, образование и жильё. Рекомендуется развивать цифровые переводы.")),
    ("trafficking-ru", FileLanguage.RUSSIAN,
     "Торговля людьми: выявление и защита жертв",
     "Рекомендации по выявлению жертв торговли людьми и их направлению в службы помощи.",
     ("Жертвы торговли людьми часто не считают себя жертвами. Пограничные службы, полиция и "
     "социальные работники должны уметь распознавать признаки торговли людьми. Национальные "
     "механизмы перенаправления обеспечивают жертвам убежище, медицинскую и правовую помощь.")),
    ("climate-ru", FileLanguage.RUSSIAN,
     "Изменение климата и перемещение населения",
     "Засухи, паводки и деградация земель как причины внутренней миграции.",
     ("Изменение климата усиливает засухи и паводки в регионе. Сельские семьи переезжают в "
     "города, когда урожаи гибнут. Климатические риски следует учитывать в планах "
     "развития; государства обмениваются данными о перемещении, вызванном бедствиями.")),
    ("statelessness-ru", FileLanguage.RUSSIAN,
     "Сокращение безгражданства: регистрация рождений",
     "Как регистрация рождений и упрощённые процедуры предотвращают безгражданство.",
     ("Безгражданство возникает, когда рождение ребёнка не зарегистрировано или документы "
     "утеряны. Кампании по документированию позволили тысячам лиц без гражданства получить "
     "гражданство. Всеобщая регистрация рождений предотвращает новые случаи безгражданства.")),
    ("asylum-ru", FileLanguage.RUSSIAN,
     "Доступ к процедурам предоставления убежища на границе",
     "Обзор практики пограничных пунктов по приёму ходатайств об убежище.",
     ("Лица, ищущие убежища, должны иметь доступ к процедуре на границе. Пограничники "
     "направляют ходатайства в миграционную службу; принцип невысылки соблюдается. "
     "Обучение пограничников вопросам убежища проводится ежегодно.")),
    ("border-ru", FileLanguage.RUSSIAN,
     "Комплексное управление границами",
     "Межведомственное сотрудничество пограничных и таможенных служб.",
     ("Комплексное управление границами объединяет пограничную охрану, таможню и "
     "миграционные службы. Совместные пункты пропуска и обмен информацией ускоряют "
     "пересечение границы и помогают выявлять поддельные документы.")),
    ("remittances-en", FileLanguage.ENGLISH,
     "", "",
     ("Remittances sent home by labour migrants exceed foreign direct investment in several "
     "countries of the region. The cost of sending remittances has fallen, but informal "
     "channels remain common. Households that receive remittances spend them on food, "
     "schooling and housing; digital remittance services are recommended.")),
    ("trafficking-en", FileLanguage.ENGLISH,
     "Counter-trafficking: identifying victims", "Guidance for frontline officials.",
     ("Victims of human trafficking rarely identify themselves as victims. Border guards, "
     "police and social workers should recognise the indicators of trafficking. National "
     "referral mechanisms give identified victims shelter, medical care and legal aid.")),
    ("climate-en", FileLanguage.ENGLISH,
     "", "",
     ("Climate change brings longer droughts and more frequent floods to the region. Rural "
     "families move to towns when harvests fail. Disaster displacement should be planned "
     "for, and states exchange data on people displaced by disasters and climate change.")),
    ("statelessness-en", FileLanguage.ENGLISH,
     "Ending statelessness through birth registration", "",
     ("Statelessness arises when a child's birth is not registered or documents are lost. "
     "Documentation campaigns helped thousands of stateless persons to acquire a "
     "nationality. Universal birth registration prevents new cases of statelessness.")),
    ("labour-en", FileLanguage.ENGLISH,
     "", "",
     ("Labour migration within Central Asia and to the Russian Federation is seasonal. "
     "Pre-departure orientation tells labour migrants about their rights, contracts and "
     "work permits. Bilateral labour migration agreements protect migrant workers.")),
    ("children-en", FileLanguage.ENGLISH,
     "", "",
     ("Unaccompanied and separated children on the move need guardians and a best interests "
     "assessment. Children should never be detained for migration reasons; child protection "
     "services take care of unaccompanied children.")),
]

# Each query, in a word form different from the text, and the document that
# is about it.
EXPECTED_FIRST = [
    ("рамочной программы сотрудничества", "framework"),
    ("рамочная программа", "framework"),
    ("операционного механизма", "mechanism"),
    ("пражского процесса", "prague-som"),
    ("реинтеграции мигрантов", "bomca"),
    ("денежных переводов", "remittances-ru"),
    ("жертвам торговли людьми", "trafficking-ru"),
    ("безгражданства", "statelessness-ru"),
    ("remittance", "remittances-en"),
    ("trafficked victim", "trafficking-en"),
    ("stateless", "statelessness-en"),
    ("flooding", "climate-en"),
    ("labour migrant", "labour-en"),
    ("unaccompanied child", "children-en"),
]


@pytest.fixture
def corpus() -> dict[str, Document]:
    documents: dict[str, Document] = {}
    # Each list oldest first, so ranked by date alone (the old rank's tie
    # break) the Framework would come after the Mechanism.
    day = datetime.date(2024, 12, 1)
    for n, (slug, title, name) in enumerate(SEED_DOCUMENTS):
        document = DocumentFactory(
            slug=slug, title=title, title_ru=title, title_en="", summary="", summary_ru="",
            summary_en="", date=day - datetime.timedelta(days=400 - n),
        )
        text = (CORPUS / name).read_text(encoding="utf-8")
        DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                            content=text.encode())
        documents[slug] = document
    for n, (slug, language, title, summary, text) in enumerate(SHORT_DOCUMENTS):
        ru = language == FileLanguage.RUSSIAN
        document = DocumentFactory(
            slug=slug, title=title or slug, title_ru=title if ru else "",
            title_en="" if ru else (title or slug), summary=summary,
            summary_ru=summary if ru else "", summary_en="" if ru else summary,
            date=day - datetime.timedelta(days=30 - n),
        )
        DocumentFileFactory(document=document, language=language, content=text.encode())
        documents[slug] = document
    documents_reindex()
    return documents


def first_results(query: str, count: int = 3) -> list[str]:
    results = documents_search(Document.objects.all(), query).order_by("-rank", "-date", "-pk")
    return [document.slug for document in results[:count]]


@pytest.mark.parametrize(("query", "expected"), EXPECTED_FIRST)
def test_search_ranks_the_document_about_the_query_first(corpus, query, expected):
    assert first_results(query)[0] == expected


def test_search_ranks_framework_above_mechanism_that_cites_it(corpus):
    """The issue's case: the Operational Mechanism cites «рамочной программы
    сотрудничества» once; the Framework's 58,000 characters are about it."""
    results = first_results("рамочной программы сотрудничества", count=10)

    assert "mechanism" in results
    assert results.index("framework") < results.index("mechanism")


def test_search_ranks_title_above_text_that_mentions_the_word(corpus):
    """A short document titled with the words outranks a long text that
    mentions them many times: the title says what the document is."""
    results = first_results("торговли людьми", count=10)

    assert results[0] == "trafficking-ru"
    assert "framework" in results
