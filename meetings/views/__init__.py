"""Views of the meetings app: the public pages (``public``) and the
registration pages of coordinators and observers (``registration``)."""

from .public import MeetingDetailView, MeetingListView, meeting_ics, meetings_ics
from .registration import (
    CredentialsView,
    DashboardView,
    DelegateCreateView,
    DelegateUpdateView,
    DelegateWithdrawView,
    DelegationRestoreView,
    DelegationSubmitView,
    DelegationView,
    DelegationWithdrawView,
)

__all__ = [
    "CredentialsView",
    "DashboardView",
    "DelegateCreateView",
    "DelegateUpdateView",
    "DelegateWithdrawView",
    "DelegationRestoreView",
    "DelegationSubmitView",
    "DelegationView",
    "DelegationWithdrawView",
    "MeetingDetailView",
    "MeetingListView",
    "meeting_ics",
    "meetings_ics",
]
