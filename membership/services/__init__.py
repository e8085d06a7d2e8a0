"""Writes to membership data, one module per entity: ``periods`` (a
state's status history), ``states``, ``coordinators``, ``focal_points``,
``invitations`` (accounts), ``groups`` (staff groups) and ``security``
(the security log); ``common`` holds
what they share. Import from here: ``from membership.services import X``.

Every service validates (``full_clean`` plus the rules that need other
rows), writes inside ``transaction.atomic`` and locks the state's row
(``select_for_update``) before it counts or closes periods and terms, so two
secretariat users saving at once cannot both open a period or appoint a
coordinator. On PostgreSQL the database also refuses overlapping periods
and overlapping coordinators' terms (exclusion constraints on the date
ranges); an ``IntegrityError`` from either becomes the same translated
``ValidationError`` the service raises on any database.
"""

from .common import (
    COORDINATOR_NO_OVERLAP,
    MSG_PERIOD_OVERLAP,
    MSG_SECOND_ACTIVE_COORDINATOR,
    MSG_SECOND_OPEN_PERIOD,
    ONE_DAY,
    ONE_OPEN_PERIOD,
    PERIOD_NO_OVERLAP,
    integrity_errors_as_validation,
    membership_history_changed_notify,
)
from .coordinators import (
    CONTACT_FIELDS,
    COORDINATOR_FIELDS,
    coordinator_appoint,
    coordinator_check_new,
    coordinator_check_term,
    coordinator_end_term,
    coordinator_replace,
    coordinator_save,
    coordinator_update_contacts,
)
from .focal_points import FOCAL_POINT_FIELDS, focal_point_appoint
from .groups import staff_groups_ensure
from .invitations import (
    INVITATIONS_PER_HOUR,
    coordinator_invite,
    focal_point_invite,
    user_for_person,
)
from .organisations import organisation_save
from .periods import (
    membership_change_status,
    membership_periods_check,
    membership_periods_save,
    membership_record_pending_outcome,
)
from .security import login_lockouts_lift, security_event_record, security_events_purge
from .states import state_save

__all__ = [
    "CONTACT_FIELDS",
    "COORDINATOR_FIELDS",
    "COORDINATOR_NO_OVERLAP",
    "FOCAL_POINT_FIELDS",
    "INVITATIONS_PER_HOUR",
    "MSG_PERIOD_OVERLAP",
    "MSG_SECOND_ACTIVE_COORDINATOR",
    "MSG_SECOND_OPEN_PERIOD",
    "ONE_DAY",
    "ONE_OPEN_PERIOD",
    "PERIOD_NO_OVERLAP",
    "coordinator_appoint",
    "coordinator_check_new",
    "coordinator_check_term",
    "coordinator_end_term",
    "coordinator_invite",
    "coordinator_replace",
    "coordinator_save",
    "coordinator_update_contacts",
    "focal_point_appoint",
    "focal_point_invite",
    "integrity_errors_as_validation",
    "login_lockouts_lift",
    "membership_change_status",
    "membership_history_changed_notify",
    "membership_periods_check",
    "membership_periods_save",
    "membership_record_pending_outcome",
    "organisation_save",
    "security_event_record",
    "security_events_purge",
    "staff_groups_ensure",
    "state_save",
    "user_for_person",
]
