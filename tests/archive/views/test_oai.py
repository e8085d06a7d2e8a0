"""The OAI-PMH endpoint (/oai/): each verb, and each error the protocol
names, every answer valid against the protocol's schema (tests/archive/
views/oai.py). Lists, sets, dates and access: test_oai_harvest.py."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client

from archive.enums import DocumentType, FileLanguage
from tests.archive.views.oai import NS, dc, error_code, texts, valid
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
SAVED = datetime.datetime(2025, 3, 4, 5, 6, 7, 890000, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _admin_email(settings):
    settings.OAI_ADMIN_EMAIL = "support@almaty-process.example.org"


def identifier(document) -> str:
    return f"oai:testserver:document-{document.pk}"


def test_identify_describes_the_repository(client):
    with time_machine.travel(SAVED, tick=False):
        DocumentFactory()
    with time_machine.travel(SAVED + datetime.timedelta(days=3), tick=False):
        DocumentFactory()
        root = valid(client.get("/oai/?verb=Identify"))

    assert root.findtext("oai:responseDate", namespaces=NS) == "2025-03-07T05:06:07Z"
    assert root.find("oai:request", NS).attrib == {"verb": "Identify"}
    assert root.findtext("oai:request", namespaces=NS) == "http://testserver/oai/"
    identify = root.find("oai:Identify", NS)
    assert {child.tag.split("}")[1]: child.text for child in identify} == {
        "repositoryName": "Алматинский процесс / Almaty Process",
        "baseURL": "http://testserver/oai/",
        "protocolVersion": "2.0",
        "adminEmail": "support@almaty-process.example.org",
        "earliestDatestamp": "2025-03-04T05:06:07Z",
        "deletedRecord": "no",
        "granularity": "YYYY-MM-DDThh:mm:ssZ",
    }


def test_identify_writes_to_the_senders_address_without_an_admin_email(client, settings):
    settings.OAI_ADMIN_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Almaty Process <secretariat@almaty-process.example.org>"

    root = valid(client.get("/oai/?verb=Identify"))

    assert root.findtext("oai:Identify/oai:adminEmail", namespaces=NS) == (
        "secretariat@almaty-process.example.org")


def test_identify_names_the_public_address_when_one_is_set(client, settings):
    settings.PORTAL_BASE_URL = "https://almaty-process.example.org"
    document = DocumentFactory()

    identify = valid(client.get("/oai/?verb=Identify"))
    record = valid(client.get("/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier="
                              f"oai:almaty-process.example.org:document-{document.pk}"))

    assert identify.findtext("oai:Identify/oai:baseURL", namespaces=NS) == (
        "https://almaty-process.example.org/oai/")
    assert texts(record, "oai:GetRecord/oai:record/oai:header/oai:identifier") == [
        f"oai:almaty-process.example.org:document-{document.pk}"]


def test_list_metadata_formats_offers_dublin_core(client):
    document = DocumentFactory()

    for query in ("verb=ListMetadataFormats",
                  f"verb=ListMetadataFormats&identifier={identifier(document)}"):
        root = valid(client.get(f"/oai/?{query}"))

        formats = root.findall("oai:ListMetadataFormats/oai:metadataFormat", NS)
        assert [[child.text for child in found] for found in formats] == [[
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc/",
        ]]


def test_list_sets_gives_types_and_themes_in_both_languages(client):
    ThemeFactory(slug="zz-last-theme", name_ru="Последняя тема", name_en="Last theme",
                 position=999)

    root = valid(client.get("/oai/?verb=ListSets"))

    sets = {found.findtext("oai:setSpec", namespaces=NS):
            found.findtext("oai:setName", namespaces=NS)
            for found in root.findall("oai:ListSets/oai:set", NS)}
    specs = list(sets)
    assert specs[:2] == ["type", "type:declaration"]
    assert [spec for spec in specs if spec.startswith("type:")] == [
        f"type:{value}" for value in DocumentType.values]
    assert sets["type:report"] == "Доклад / Report"
    assert sets["theme"] == "Тема / Theme"
    assert sets["theme:labour-migration"] == "Трудовая миграция / Labour migration"
    assert specs[-1] == "theme:zz-last-theme"
    assert sets["theme:zz-last-theme"] == "Последняя тема / Last theme"


def test_get_record_gives_the_document_in_dublin_core_in_both_languages(client):
    theme = ThemeFactory(slug="refugee-protection")
    state = ParticipantStateFactory(iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan")
    with time_machine.travel(SAVED, tick=False):
        document = DocumentFactory(
            slug="almaty-declaration", doc_type=DocumentType.DECLARATION,
            date=datetime.date(2011, 6, 16), reference="AP/2011/1",
            title_ru="Алматинская декларация", title_en="Almaty Declaration",
            summary_ru="Декларация конференции.", summary_en="The conference's declaration.",
            themes=[theme], states=[state],
        )
    russian = DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN)
    english = DocumentFileFactory(document=document, language=FileLanguage.ENGLISH)

    root = valid(client.get(
        f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(document)}"))

    assert root.find("oai:request", NS).attrib == {
        "verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": identifier(document)}
    record = root.find("oai:GetRecord/oai:record", NS)
    assert texts(record, "oai:header/oai:identifier") == [identifier(document)]
    assert texts(record, "oai:header/oai:datestamp") == ["2025-03-04T05:06:07Z"]
    assert texts(record, "oai:header/oai:setSpec") == [
        "type:declaration", "theme:refugee-protection"]
    assert dc(record, "title") == [("ru", "Алматинская декларация"),
                                   ("en", "Almaty Declaration")]
    assert dc(record, "description") == [("ru", "Декларация конференции."),
                                         ("en", "The conference's declaration.")]
    assert dc(record, "subject") == [("ru", "Защита беженцев"), ("en", "Refugee protection")]
    assert dc(record, "coverage") == [("ru", "Казахстан"), ("en", "Kazakhstan")]
    assert dc(record, "publisher") == [("ru", "Алматинский процесс: Служба поддержки"),
                                       ("en", "Almaty Process: Support Unit")]
    assert dc(record, "date") == [(None, "2011-06-16")]
    assert dc(record, "type") == [(None, "Text"), ("ru", "Декларация"), ("en", "Declaration")]
    assert dc(record, "format") == [(None, "text/plain")]
    assert dc(record, "language") == [(None, "en"), (None, "ru")]
    assert dc(record, "identifier") == [
        (None, "http://testserver/ru/archive/almaty-declaration/"),
        (None, "http://testserver/en/archive/almaty-declaration/"),
        (None, "AP/2011/1"),
        (None, f"http://testserver/ru/archive/almaty-declaration/files/{english.pk}/"),
        (None, f"http://testserver/ru/archive/almaty-declaration/files/{russian.pk}/"),
    ]


def test_get_record_of_a_document_in_one_language_gives_that_language_only(client):
    document = DocumentFactory(title_ru="Только по-русски", title_en="", summary_en="",
                               summary_ru="")

    root = valid(client.get(
        f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(document)}"))

    record = root.find("oai:GetRecord/oai:record", NS)
    assert dc(record, "title") == [("ru", "Только по-русски")]
    assert dc(record, "description") == []


def test_markup_and_control_characters_in_a_title_stay_text(client):
    document = DocumentFactory(title_en='<img src=x onerror="alert(1)"> & \x0b"report"',
                               summary_en="Line one\x01\x1f.")

    root = valid(client.get(
        f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(document)}"))

    record = root.find("oai:GetRecord/oai:record", NS)
    assert dc(record, "title")[1] == ("en", '<img src=x onerror="alert(1)"> & "report"')
    assert dc(record, "description")[1] == ("en", "Line one.")


def test_post_is_answered_as_get_without_a_csrf_token():
    document = DocumentFactory()
    client = Client(enforce_csrf_checks=True)

    root = valid(client.post("/oai/", {"verb": "GetRecord", "metadataPrefix": "oai_dc",
                                       "identifier": identifier(document)}))

    assert texts(root, "oai:GetRecord/oai:record/oai:header/oai:identifier") == [
        identifier(document)]


@pytest.mark.parametrize(("query", "code"), [
    ("", "badVerb"),
    ("verb=Harvest", "badVerb"),
    ("verb=Identify&verb=ListSets", "badVerb"),
    ("verb=Identify&set=type", "badArgument"),
    ("verb=ListRecords", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-13-01", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-03-05&until=2025-03-04", "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&from=2025-03-04&until=2025-03-05T00:00:00Z",
     "badArgument"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=not a set", "badArgument"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"),
    ("verb=GetRecord&identifier=oai:testserver:document-1", "badArgument"),
    ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
    ("verb=GetRecord&metadataPrefix=marc21&identifier=oai:testserver:document-1",
     "cannotDisseminateFormat"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:document-999999",
     "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:document-{pk}",
     "idDoesNotExist"),
    ("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:testserver:{slug}", "idDoesNotExist"),
    ("verb=ListMetadataFormats&identifier=oai:testserver:document-999999", "idDoesNotExist"),
    ("verb=ListRecords&resumptionToken=forged", "badResumptionToken"),
    ("verb=ListSets&resumptionToken=forged", "badResumptionToken"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=theme:no-such-theme", "noRecordsMatch"),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=type:no_such_type", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:agenda", "noRecordsMatch"),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2030-01-01", "noRecordsMatch"),
])
def test_each_error_of_the_protocol_is_answered_with_its_code(client, query, code):
    document = DocumentFactory(doc_type=DocumentType.REPORT, slug="report")

    root = valid(client.get("/oai/?" + query.format(pk=document.pk, slug=document.slug)))

    assert error_code(root) == code
    assert root.findtext("oai:error", namespaces=NS)
    if code in {"badVerb", "badArgument"}:
        # The request's arguments are not repeated back after these two.
        assert root.find("oai:request", NS).attrib == {}
