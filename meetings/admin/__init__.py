"""Secretariat admin of meetings (``meetings``) and of the registration of
delegations, accreditation and observer invitations (``registration``)."""

from . import meetings, registration  # noqa: F401  (registers the ModelAdmins)
