"""The secretariat's admin for states, their membership history, national
coordinators, observer organisations and their focal points, and accounts.

Every write that has rules beyond one row goes through the services: the
forms run the same checks first, so a second active coordinator, overlapping
terms or periods, or dates in the wrong order come back as translated form
errors and nothing is saved.

- ``filters``: the list filters (status today, deadline passed, in office, role);
- ``common``: the read-only history pages and the invitation actions;
- ``states``: participating states and their membership periods;
- ``coordinators``: national coordinators, and replacing one;
- ``observers``: observer organisations and their focal points;
- ``accounts``: accounts and groups, bounded by the actor's own powers;
- ``security``: the security log (CSV export) and login lockouts.
"""

from . import accounts, coordinators, observers, security, states

__all__ = ["accounts", "coordinators", "observers", "security", "states"]
