"""The meetings app's models: meetings with their agenda, outcomes and
documents (``meetings``), outcomes (``outcomes``), and the registration of delegations and
observers (``registration``)."""

from .meetings import (
    CONFIRMATION_LEAD,
    DEFAULT_TIME_ZONE,
    AgendaItem,
    Meeting,
    MeetingDocument,
    _default_languages,  # noqa: F401  (referenced by migration 0001)
)
from .outcomes import MeetingOutcome
from .registration import Delegate, Delegation, ObserverInvitation, credentials_path

__all__ = [
    "CONFIRMATION_LEAD",
    "DEFAULT_TIME_ZONE",
    "AgendaItem",
    "Delegate",
    "Delegation",
    "Meeting",
    "MeetingDocument",
    "MeetingOutcome",
    "ObserverInvitation",
    "credentials_path",
]
