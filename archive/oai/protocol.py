"""The six verbs of OAI-PMH 2.0 over the archive's public documents
(https://www.openarchives.org/OAI/openarchivesprotocol.html).

``respond(arguments, base_url=...)`` takes the request's arguments (each
given once: the view refuses repeated ones) and returns the response's XML.
Every failure the protocol names is answered with its error code and a
message (in English: they are read by harvesters' logs, not by people on
our pages): badVerb, badArgument, badResumptionToken,
cannotDisseminateFormat, idDoesNotExist, noRecordsMatch. The archive has
sets, so noSetHierarchy is never the answer; ListMetadataFormats for a
document that is not public answers idDoesNotExist, as GetRecord does.

- Identifiers: ``oai:<host>:document-<id>`` (the id, not the slug, so an
  identifier lasts when a document's address is corrected).
- Datestamps to the second (granularity ``YYYY-MM-DDThh:mm:ssZ``); ``from``
  and ``until`` may be days or seconds (both the same), both inclusive.
- Sets: ``type`` with ``type:<value>`` per document type, ``theme`` with
  ``theme:<slug>`` per thematic area.
- Lists come ``OAI_PAGE_SIZE`` records a page, with a resumption token
  (``tokens``) carrying the list's size and the cursor; the last page has an
  empty token, as the protocol asks.
- ``deletedRecord`` is "no": a document that leaves the public archive
  (withdrawn, restricted) simply stops being listed.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from . import markup, records, tokens
from .markup import oai, sub

VERBS = {
    # verb: (required arguments, optional arguments, exclusive argument)
    "Identify": (set(), set(), None),
    "ListMetadataFormats": (set(), {"identifier"}, None),
    "ListSets": (set(), set(), "resumptionToken"),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), None),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
}

METADATA_PREFIX = "oai_dc"
# dc:publisher, in each language.
SUPPORT_UNIT = gettext_lazy("Almaty Process: Support Unit")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
# The forms the protocol's schema gives an argument echoed in <request>.
_SYNTAX = {
    "metadataPrefix": re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$"),
    "set": re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$"),
    "from": re.compile(f"{_DAY.pattern}|{_SECOND.pattern}"),
    "until": re.compile(f"{_DAY.pattern}|{_SECOND.pattern}"),
    "identifier": re.compile(r"^\S+$"),
}


class ProtocolError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Repository:
    """Who answers: the portal's address and the names it gives."""

    base_url: str  # the endpoint's absolute address

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or "localhost"

    def identifier(self, pk: int) -> str:
        return f"oai:{self.host}:document-{pk}"

    def pk_of(self, identifier: str) -> int | None:
        prefix = f"oai:{self.host}:document-"
        key = identifier.removeprefix(prefix)
        if key == identifier or not key.isdigit() or len(key) > 18:
            return None
        return int(key)

    def absolute(self, path: str) -> str:
        split = urlsplit(self.base_url)
        return f"{split.scheme}://{split.netloc}{path}"


def respond(arguments: dict[str, str], *, base_url: str, repeated: list[str] = ()) -> bytes:
    """The response to an OAI-PMH request with these ``arguments``
    (``repeated``: the names the request gave more than once, which the
    protocol forbids)."""
    repository = Repository(base_url=base_url)
    now = timezone.now()
    verb = arguments.get("verb", "")
    try:
        _check_arguments(verb, arguments, repeated=repeated)
        body = VERB_HANDLERS[verb](repository, arguments)
    except ProtocolError as error:
        # After badVerb or badArgument the request is echoed without its
        # arguments (they may not be valid attribute values).
        echoed = {} if error.code in {"badVerb", "badArgument"} else arguments
        root = markup.envelope(now=now, base_url=base_url, arguments=echoed)
        sub(root, oai("error"), error.message, code=error.code)
    else:
        root = markup.envelope(now=now, base_url=base_url, arguments=arguments)
        root.append(body)
    return markup.serialise(root)


def _check_arguments(verb: str, arguments: dict[str, str], *, repeated: list[str]) -> None:
    if "verb" in repeated:
        raise ProtocolError("badVerb", "The verb is given more than once.")
    if verb not in VERBS:
        message = (f"Illegal OAI verb: {verb}." if verb else "The request has no verb.")
        raise ProtocolError("badVerb", message)
    required, optional, exclusive = VERBS[verb]
    given = set(arguments) - {"verb"}
    if repeated:
        raise ProtocolError("badArgument",
                            f"Arguments given more than once: {', '.join(repeated)}.")
    for name in given:
        syntax = _SYNTAX.get(name)
        if syntax is not None and not syntax.match(arguments[name]):
            raise ProtocolError("badArgument", f"The value of {name} is not valid.")
    if exclusive and exclusive in given:
        if given != {exclusive}:
            raise ProtocolError("badArgument",
                                f"{exclusive} is an exclusive argument of {verb}.")
        return
    unknown = given - required - optional
    if unknown:
        raise ProtocolError("badArgument",
                            f"Illegal argument for {verb}: {', '.join(sorted(unknown))}.")
    missing = required - given
    if missing:
        raise ProtocolError("badArgument",
                            f"Missing argument for {verb}: {', '.join(sorted(missing))}.")


def identify(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    element = ET.Element(oai("Identify"))
    with translation.override(settings.LANGUAGE_CODE):
        name = str(settings.PORTAL_NAME)
    with translation.override("en"):
        name_en = str(settings.PORTAL_NAME)
    sub(element, oai("repositoryName"), name if name == name_en else f"{name} / {name_en}")
    sub(element, oai("baseURL"), repository.base_url)
    sub(element, oai("protocolVersion"), "2.0")
    sub(element, oai("adminEmail"), admin_email())
    sub(element, oai("earliestDatestamp"), markup.utc(records.earliest_datestamp()))
    sub(element, oai("deletedRecord"), "no")
    sub(element, oai("granularity"), "YYYY-MM-DDThh:mm:ssZ")
    return element


def admin_email() -> str:
    """``OAI_ADMIN_EMAIL``, else the address portal emails are sent from."""
    return settings.OAI_ADMIN_EMAIL or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def list_metadata_formats(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    if "identifier" in arguments:
        _document_for(repository, arguments["identifier"])
    element = ET.Element(oai("ListMetadataFormats"))
    metadata_format = sub(element, oai("metadataFormat"))
    sub(metadata_format, oai("metadataPrefix"), METADATA_PREFIX)
    sub(metadata_format, oai("schema"), markup.OAI_DC_SCHEMA)
    sub(metadata_format, oai("metadataNamespace"), markup.OAI_DC)
    return element


def list_sets(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    if "resumptionToken" in arguments:
        # Every set fits one response: no token of ours names ListSets.
        _resumption(arguments["resumptionToken"], verb="ListSets")
    element = ET.Element(oai("ListSets"))
    for found in records.sets():
        names = list(dict.fromkeys(found.names[language] for language in records.LANGUAGES))
        item = sub(element, oai("set"))
        sub(item, oai("setSpec"), found.key)
        sub(item, oai("setName"), " / ".join(names))
    return element


def get_record(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    _check_prefix(arguments["metadataPrefix"])
    document = _document_for(repository, arguments["identifier"])
    element = ET.Element(oai("GetRecord"))
    _record(element, repository, records.records([document])[0])
    return element


def list_identifiers(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    return _list(repository, arguments, verb="ListIdentifiers")


def list_records(repository: Repository, arguments: dict[str, str]) -> ET.Element:
    return _list(repository, arguments, verb="ListRecords")


def _list(repository: Repository, arguments: dict[str, str], *, verb: str) -> ET.Element:
    """A page of ListIdentifiers or ListRecords: the first (from the
    arguments) or the one a resumption token points at."""
    if "resumptionToken" in arguments:
        resumption = _resumption(arguments["resumptionToken"], verb=verb)
        prefix, set_spec = resumption.prefix, resumption.set_spec
        since, until = resumption.since, resumption.until
    else:
        resumption = None
        prefix = arguments["metadataPrefix"]
        set_spec = arguments.get("set", "")
        since, until = arguments.get("from", ""), arguments.get("until", "")
        _check_prefix(prefix)
    start, before = _date_range(since, until)
    if set_spec and not records.set_exists(set_spec):
        # The protocol has no "no such set": the list is empty.
        raise ProtocolError("noRecordsMatch", f"No set {set_spec} in this repository.")
    documents = records.harvestable_documents(set_spec=set_spec, since=start, before=before)
    if resumption is None:
        size, cursor, page_of = None, 0, documents
    else:
        size, cursor = resumption.size, resumption.cursor
        page_of = records.after(documents, datestamp=resumption.last_moment,
                                pk=resumption.last_pk)
    page_size = settings.OAI_PAGE_SIZE
    full = verb == "ListRecords"
    found = list(records.with_relations(page_of, full=full)[:page_size + 1])
    more = len(found) > page_size
    found = found[:page_size]
    if not found:
        # A list resumed after its last records left the public archive too.
        raise ProtocolError("noRecordsMatch", "No records match the request.")
    if resumption is None:
        size = documents.count() if more else len(found)
    element = ET.Element(oai(verb))
    for record in records.records(found, full=full):
        if verb == "ListRecords":
            _record(element, repository, record)
        else:
            markup.header(element, record, identifier=repository.identifier(record.pk))
    if resumption is not None or more:
        next_token = ""
        if more:
            last = found[-1]
            next_token = tokens.token_dumps(tokens.Resumption(
                verb=verb, prefix=prefix, set_spec=set_spec, since=since, until=until,
                last_datestamp=last.updated_at.isoformat(), last_pk=last.pk,
                cursor=cursor + len(found), size=size,
            ))
        attributes = {"completeListSize": size, "cursor": cursor}
        if more:
            expires = timezone.now() + datetime.timedelta(seconds=tokens.max_age())
            attributes["expirationDate"] = markup.utc(expires)
        sub(element, oai("resumptionToken"), next_token, **attributes)
    return element


def _record(parent: ET.Element, repository: Repository, record: records.DocumentRecord) -> None:
    element = sub(parent, oai("record"))
    identifier = repository.identifier(record.pk)
    markup.header(element, record, identifier=identifier)
    metadata = sub(element, oai("metadata"))
    publisher = {}
    for language in records.LANGUAGES:
        with translation.override(language):
            publisher[language] = str(SUPPORT_UNIT)
    markup.dublin_core(
        metadata, record, publisher=publisher,
        identifiers=[repository.absolute(path) for path in record.paths.values()],
        file_urls=[repository.absolute(file.path) for file in record.files],
    )


def _check_prefix(prefix: str) -> None:
    if prefix != METADATA_PREFIX:
        raise ProtocolError("cannotDisseminateFormat",
                            f"The metadata format {prefix} is not supported: only oai_dc.")


def _document_for(repository: Repository, identifier: str):
    pk = repository.pk_of(identifier)
    document = records.document_by_pk(pk) if pk is not None else None
    if document is None:
        raise ProtocolError("idDoesNotExist", f"No record {identifier} in this repository.")
    return document


def _resumption(token: str, *, verb: str) -> tokens.Resumption:
    try:
        return tokens.token_loads(token, verb=verb)
    except tokens.BadTokenError as error:
        raise ProtocolError(
            "badResumptionToken",
            "The resumption token is invalid or has expired: start the list again.",
        ) from error


def _date_range(since: str, until: str) -> tuple[datetime.datetime | None,
                                                 datetime.datetime | None]:
    """``from`` and ``until`` as [start, before): a day ``until`` takes in
    the whole day, a second ``until`` the whole second (datestamps are kept
    to the microsecond)."""
    start = _moment(since, "from") if since else None
    end = _moment(until, "until") if until else None
    if since and until and len(since) != len(until):
        raise ProtocolError("badArgument", "from and until must have the same granularity.")
    before = None
    if end is not None:
        before = end + (datetime.timedelta(days=1) if _DAY.match(until)
                        else datetime.timedelta(seconds=1))
    if start is not None and end is not None and start > end:
        raise ProtocolError("badArgument", "from must not be later than until.")
    return start, before


def _moment(value: str, name: str) -> datetime.datetime:
    try:
        if _DAY.match(value):
            day = datetime.date.fromisoformat(value)
            return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        if _SECOND.match(value):
            return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=datetime.UTC)
    except ValueError:
        pass
    raise ProtocolError(
        "badArgument", f"{name} must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ).")


VERB_HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
