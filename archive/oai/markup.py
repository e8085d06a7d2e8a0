"""The XML of OAI-PMH 2.0 responses and of Dublin Core records (oai_dc),
built with the standard library's ElementTree: names in their namespaces,
text and attributes escaped by the serialiser, and the characters XML 1.0
cannot carry (control characters a pasted summary may hold) left out."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

from .records import DocumentRecord

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)

# What XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def utc(moment: datetime.datetime) -> str:
    """``YYYY-MM-DDThh:mm:ssZ``, the repository's granularity."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: clean(str(v)) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def oai(tag: str) -> str:
    return f"{{{OAI}}}{tag}"


def envelope(*, now: datetime.datetime, base_url: str,
             arguments: dict[str, str]) -> ET.Element:
    """The response's root with its date and the request it answers
    (``arguments``: the request's, when they were valid; none otherwise, as
    the protocol asks after badVerb and badArgument)."""
    root = ET.Element(oai("OAI-PMH"), {f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_SCHEMA}"})
    sub(root, oai("responseDate"), utc(now))
    sub(root, oai("request"), base_url, **arguments)
    return root


def header(parent: ET.Element, record: DocumentRecord, *, identifier: str) -> None:
    element = sub(parent, oai("header"))
    sub(element, oai("identifier"), identifier)
    sub(element, oai("datestamp"), utc(record.datestamp))
    for spec in record.set_specs:
        sub(element, oai("setSpec"), spec)


def dublin_core(parent: ET.Element, record: DocumentRecord, *, publisher: dict[str, str],
                identifiers: list[str], file_urls: list[str]) -> None:
    """The record as unqualified Dublin Core: titles, subjects (themes),
    descriptions (summaries), publisher, date, types, formats, identifiers
    (the pages, the reference symbol, the files), languages, coverage
    (states); every text in each language it has, marked with xml:lang."""
    dc = ET.SubElement(parent, f"{{{OAI_DC}}}dc",
                       {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"})

    def element(name: str, text: str, language: str | None = None) -> None:
        if text:
            sub(dc, f"{{{DC}}}{name}", text, **({XML_LANG: language} if language else {}))

    for language, title in record.titles.items():
        element("title", title, language)
    for theme in record.themes:
        for language, name in theme.names.items():
            element("subject", name, language)
    for language, summary in record.summaries.items():
        element("description", summary, language)
    for language, name in publisher.items():
        element("publisher", name, language)
    element("date", record.date.isoformat())
    element("type", "Text")
    for language, label in record.doc_type.names.items():
        element("type", label, language)
    for mime_type in record.formats:
        element("format", mime_type)
    for identifier in (*identifiers, record.reference, *file_urls):
        element("identifier", identifier)
    for language in record.languages:
        element("language", language)
    for state in record.states:
        for language, name in state.names.items():
            element("coverage", name, language)


def serialise(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
