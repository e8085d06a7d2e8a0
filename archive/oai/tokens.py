"""Resumption tokens: where a harvester's next page of a list starts.

A token carries the list's arguments (metadata prefix, set, from, until),
the last record it was sent (datestamp to the microsecond and id: the next
page starts after it, so a page deep in the archive costs what the first
does), how many records came before and the list's size. It is signed
(``django.core.signing``, with its own salt), so a harvester can neither
forge nor alter one, and it expires after ``OAI_TOKEN_MAX_AGE`` seconds.
Nothing is stored on our side."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing

SALT = "archive.oai.resumption"


class BadTokenError(Exception):
    """Not a token of ours, altered, or expired."""


@dataclass(frozen=True)
class Resumption:
    verb: str
    prefix: str
    set_spec: str
    since: str
    until: str
    last_datestamp: str
    last_pk: int
    cursor: int
    size: int

    @property
    def last_moment(self) -> datetime.datetime:
        return datetime.datetime.fromisoformat(self.last_datestamp)


def max_age() -> int:
    return settings.OAI_TOKEN_MAX_AGE


def token_dumps(resumption: Resumption) -> str:
    return signing.dumps(asdict(resumption), salt=SALT, compress=True)


def token_loads(token: str, *, verb: str) -> Resumption:
    """The resumption ``token`` stands for, if it is one of ours for this
    verb and has not expired; else ``BadTokenError``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
        resumption = Resumption(**data)
        resumption.last_moment  # noqa: B018 - a malformed date is a bad token
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise BadTokenError(str(error)) from error
    if resumption.verb != verb:
        raise BadTokenError("token of another verb")
    return resumption
