"""The register's pages: the public list and an outcome's page
(``register``), a coordinator's follow-up of their state (``follow_up``)."""

from .follow_up import FollowUpView
from .register import OutcomeDetailView, RegisterView

__all__ = ["FollowUpView", "OutcomeDetailView", "RegisterView"]
