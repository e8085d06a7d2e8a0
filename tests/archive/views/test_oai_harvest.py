"""Harvesting the archive over OAI-PMH as a catalogue does: whole lists
through their resumption tokens, sets, from/until, and what never appears
(drafts, withdrawn and restricted documents), with a constant number of
queries a page; and the demo, harvested whole."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import signing

from archive import demo
from archive.enums import AccessLevel, DocumentType, PublicationStatus
from archive.models import Document
from archive.oai import tokens
from archive.services import document_file_add, document_file_delete
from tests.archive.conftest import make_text, upload
from tests.archive.views.oai import NS, error_code, harvest, texts, valid
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
START = datetime.datetime(2025, 3, 4, 9, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _admin_email(settings):
    settings.OAI_ADMIN_EMAIL = "support@almaty-process.example.org"


def identifier(document) -> str:
    return f"oai:testserver:document-{document.pk}"


def saved_on(moment: datetime.datetime, **fields) -> Document:
    with time_machine.travel(moment, tick=False):
        return DocumentFactory(**fields)


def identifiers(items) -> list[str]:
    return [item.findtext("oai:identifier", namespaces=NS)
            or item.findtext("oai:header/oai:identifier", namespaces=NS) for item in items]


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_list_comes_in_pages_with_resumption_tokens(client, settings, verb):
    settings.OAI_PAGE_SIZE = 2
    # Two documents saved in the same second: the page boundary falls
    # between them and neither is lost or repeated.
    documents = [saved_on(START + datetime.timedelta(seconds=n // 2 * 2)) for n in range(5)]

    items, page_tokens = harvest(client, f"verb={verb}&metadataPrefix=oai_dc")

    assert identifiers(items) == [identifier(document) for document in documents]
    assert [(token.get("completeListSize"), token.get("cursor"), bool(token.text))
            for token in page_tokens] == [("5", "0", True), ("5", "2", True), ("5", "4", False)]
    assert page_tokens[0].get("expirationDate")
    assert page_tokens[-1].get("expirationDate") is None


def test_list_that_fits_one_page_has_no_token(client):
    DocumentFactory()

    root = valid(client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"))

    assert root.find("oai:ListIdentifiers/oai:resumptionToken", NS) is None


def test_token_keeps_the_lists_set_and_dates(client, settings):
    settings.OAI_PAGE_SIZE = 1
    theme = ThemeFactory(slug="border-management")
    wanted = [saved_on(START + datetime.timedelta(days=n), themes=[theme]) for n in (1, 2, 3)]
    saved_on(START + datetime.timedelta(days=2))  # another theme
    saved_on(START + datetime.timedelta(days=9), themes=[theme])  # after until

    items, _tokens = harvest(client, "verb=ListRecords&metadataPrefix=oai_dc"
                                     "&set=theme:border-management&from=2025-03-05"
                                     "&until=2025-03-07")

    assert identifiers(items) == [identifier(document) for document in wanted]


def test_token_of_another_verb_or_altered_or_expired_is_refused(client, settings):
    settings.OAI_PAGE_SIZE = 1
    DocumentFactory()
    DocumentFactory()
    root = valid(client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc"))
    token = root.findtext("oai:ListRecords/oai:resumptionToken", namespaces=NS)
    payload = signing.loads(token, salt=tokens.SALT)
    widened = signing.dumps({**payload, "last_pk": 0}, salt="another salt", compress=True)

    answers = [
        valid(client.get(f"/oai/?verb=ListIdentifiers&resumptionToken={token}")),
        valid(client.get(f"/oai/?verb=ListRecords&resumptionToken={token[:-2]}")),
        valid(client.get(f"/oai/?verb=ListRecords&resumptionToken={widened}")),
    ]
    with time_machine.travel(datetime.timedelta(seconds=settings.OAI_TOKEN_MAX_AGE + 1)):
        answers.append(valid(client.get(f"/oai/?verb=ListRecords&resumptionToken={token}")))

    assert [error_code(answer) for answer in answers] == ["badResumptionToken"] * 4
    assert answers[0].findtext("oai:error", namespaces=NS) == (
        "The resumption token is invalid or has expired: start the list again.")


@pytest.mark.parametrize(("set_spec", "expected"), [
    ("type", ["report", "agenda", "themed"]),
    ("type:agenda", ["agenda"]),
    ("theme", ["themed"]),
    ("theme:gender", ["themed"]),
])
def test_sets_select_by_type_and_theme(client, set_spec, expected):
    made = {
        "report": saved_on(START, doc_type=DocumentType.REPORT),
        "agenda": saved_on(START + datetime.timedelta(seconds=1), doc_type=DocumentType.AGENDA),
        "themed": saved_on(START + datetime.timedelta(seconds=2),
                           themes=[ThemeFactory(slug="gender")]),
    }

    items, _tokens = harvest(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&set={set_spec}")

    assert identifiers(items) == [identifier(made[name]) for name in expected]


@pytest.mark.parametrize(("arguments", "expected"), [
    ("from=2025-03-05", ["second", "third"]),
    ("until=2025-03-05", ["first", "second"]),
    ("from=2025-03-05T10:00:00Z&until=2025-03-05T10:00:00Z", ["second"]),
    ("from=2025-03-05T10:00:01Z", ["third"]),
    ("from=2025-03-04&until=2025-03-04", ["first"]),
])
def test_from_and_until_take_in_whole_days_and_seconds(client, arguments, expected):
    made = {
        "first": saved_on(datetime.datetime(2025, 3, 4, 23, 59, 59, 999999, tzinfo=UTC)),
        # Saved half a second into 10:00:00: its datestamp is 10:00:00.
        "second": saved_on(datetime.datetime(2025, 3, 5, 10, 0, 0, 500000, tzinfo=UTC)),
        "third": saved_on(datetime.datetime(2025, 3, 6, 0, 0, 0, tzinfo=UTC)),
    }

    items, _tokens = harvest(client, f"verb=ListIdentifiers&metadataPrefix=oai_dc&{arguments}")

    assert identifiers(items) == [identifier(made[name]) for name in expected]


def test_a_file_added_or_removed_later_is_a_change_harvesters_see(client, archive_dir):
    document = saved_on(START)
    added_on = START + datetime.timedelta(days=10)
    with time_machine.travel(added_on, tick=False):
        added = document_file_add(document=document, upload=upload("report.txt", make_text()),
                                  language="en", uploaded_by=None)
    since_added = harvest(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-03-14")[0]
    with time_machine.travel(added_on + datetime.timedelta(days=5), tick=False):
        document_file_delete(document_file=added, by=None)

    since_removed = harvest(client, "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-03-19")[0]

    assert identifiers(since_added) == [identifier(document)]
    assert texts(since_added[0], "oai:datestamp") == ["2025-03-14T09:00:00Z"]
    assert identifiers(since_removed) == [identifier(document)]


def test_only_public_published_documents_are_ever_disseminated(client, settings,
                                                                  archive_by_access):
    settings.OAI_PAGE_SIZE = 1
    second_public = DocumentFactory()
    hidden = [document for name, document in archive_by_access.items() if name != "public"]

    items, page_tokens = harvest(client, "verb=ListRecords&metadataPrefix=oai_dc")
    headers, _tokens = harvest(client, "verb=ListIdentifiers&metadataPrefix=oai_dc")

    public = [identifier(archive_by_access["public"]), identifier(second_public)]
    assert identifiers(items) == public
    assert identifiers(headers) == public
    assert page_tokens[0].get("completeListSize") == "2"
    for document in hidden:
        for verb in ("GetRecord&metadataPrefix=oai_dc", "ListMetadataFormats"):
            root = valid(client.get(f"/oai/?verb={verb}&identifier={identifier(document)}"))
            assert error_code(root) == "idDoesNotExist", (document.title, verb)


def test_document_that_leaves_the_public_archive_leaves_the_list_resumed(client, settings):
    settings.OAI_PAGE_SIZE = 1
    first = saved_on(START)
    second = saved_on(START + datetime.timedelta(seconds=1))
    third = saved_on(START + datetime.timedelta(seconds=2))
    root = valid(client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"))
    token = root.findtext("oai:ListIdentifiers/oai:resumptionToken", namespaces=NS)
    Document.objects.filter(pk=second.pk).update(access=AccessLevel.PARTICIPANTS)
    Document.objects.filter(pk=third.pk).update(status=PublicationStatus.WITHDRAWN)

    resumed = valid(client.get(f"/oai/?verb=ListIdentifiers&resumptionToken={token}"))

    assert identifiers(root.findall("oai:ListIdentifiers/oai:header", NS)) == [identifier(first)]
    assert error_code(resumed) == "noRecordsMatch"


def _documents_with_everything(count: int) -> None:
    for _n in range(count):
        document = DocumentFactory(themes=[ThemeFactory(), ThemeFactory()],
                                   states=[ParticipantStateFactory(participant_since=False)])
        DocumentFileFactory(document=document)


# The page; its themes; (ListRecords) its states and its files; the list's
# size when it does not fit one page.
@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(("query", "queries"), [
    ("verb=ListRecords&metadataPrefix=oai_dc", 4),
    ("verb=ListIdentifiers&metadataPrefix=oai_dc", 2),
    ("verb=ListRecords&metadataPrefix=oai_dc&set=theme", 4),
])
def test_a_page_costs_the_same_queries_however_many_records(
    client, django_assert_num_queries, count, query, queries
):
    _documents_with_everything(count)

    with django_assert_num_queries(queries):
        response = client.get(f"/oai/?{query}")

    assert len(valid(response).findall(".//oai:header", NS)) == count


@pytest.mark.parametrize("count", [3, 5])
def test_a_resumed_page_costs_the_same_queries_as_the_first(
    client, settings, django_assert_num_queries, count
):
    settings.OAI_PAGE_SIZE = 2
    _documents_with_everything(count)
    with django_assert_num_queries(5):  # the size of the list as well
        first = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc")
    token = valid(first).findtext("oai:ListRecords/oai:resumptionToken", namespaces=NS)

    with django_assert_num_queries(4):
        valid(client.get(f"/oai/?verb=ListRecords&resumptionToken={token}"))


def test_get_record_costs_four_queries(client, django_assert_num_queries):
    _documents_with_everything(1)
    document = Document.objects.get()

    with django_assert_num_queries(4):
        root = valid(client.get(
            f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(document)}"))

    assert texts(root, "oai:GetRecord/oai:record/oai:header/oai:identifier") == [
        identifier(document)]


def test_harvest_of_the_demo_lists_exactly_its_public_documents(
    client, settings, archive_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    settings.OAI_PAGE_SIZE = 4
    public = Document.objects.filter(status=PublicationStatus.PUBLISHED,
                                     access=AccessLevel.PUBLIC)
    others = Document.objects.exclude(pk__in=public)

    records, _tokens = harvest(client, "verb=ListRecords&metadataPrefix=oai_dc")

    assert others.exists()
    assert sorted(identifiers(records)) == sorted(identifier(document) for document in public)
    assert len(records) == public.count()
    for document in others:
        root = valid(client.get(
            f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(document)}"))
        assert error_code(root) == "idDoesNotExist", document.slug
