"""Reading the OAI-PMH endpoint's answers in tests: each one validated
against the protocol's XML schema and, inside it, the Dublin Core records
against the oai_dc schema (tests/data/oai: the published schemas, their
imports pointed at the local copies, since the tests run offline)."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from lxml import etree

SCHEMAS = Path(settings.BASE_DIR) / "tests" / "data" / "oai"
NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@functools.cache
def harvest_schema() -> etree.XMLSchema:
    """OAI-PMH.xsd and oai_dc.xsd together (harvest.xsd only imports both):
    the records' <any processContents="strict"/> is checked against oai_dc."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "harvest.xsd")))


def valid(response) -> etree._Element:
    """The answer's root, after checking it is a valid OAI-PMH response."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(response.content, parser)
    schema = harvest_schema()
    assert schema.validate(root), schema.error_log.filter_from_errors()
    return root


def error_code(root) -> str | None:
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")


def texts(element, path: str) -> list[str]:
    return [found.text for found in element.findall(path, NS)]


def dc(record, name: str) -> list[tuple[str | None, str]]:
    """The (xml:lang, text) of a record's dc:<name> elements, in order."""
    return [(found.get(XML_LANG), found.text)
            for found in record.findall(f"oai:metadata/oai_dc:dc/dc:{name}", NS)]


def harvest(client, query: str) -> tuple[list, list[etree._Element]]:
    """Every page of a list (``query``: its first request's arguments),
    following the resumption tokens: (the records or headers, each page's
    resumptionToken element)."""
    verb = "ListRecords" if "verb=ListRecords" in query else "ListIdentifiers"
    item = "oai:record" if verb == "ListRecords" else "oai:header"
    items, tokens = [], []
    url = f"/oai/?{query}"
    while True:
        root = valid(client.get(url))
        assert error_code(root) is None, root.findtext("oai:error", namespaces=NS)
        items += root.findall(f"oai:{verb}/{item}", NS)
        token = root.find(f"oai:{verb}/oai:resumptionToken", NS)
        if token is None:
            return items, tokens
        tokens.append(token)
        if not token.text:
            return items, tokens
        url = "/oai/?" + urlencode({"verb": verb, "resumptionToken": token.text})
