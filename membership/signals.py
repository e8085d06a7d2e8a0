"""Signals other apps listen to; membership never imports them.

``membership_history_changed`` is sent (sender=ParticipantState, with
``state``) by the membership services after a state's membership history was
written (a new status, corrected periods, the outcome of a no-objection
procedure) or its rotation key changed. Apps that depend on membership (the
chairmanship) answer with a list of translated warnings about records that
became inconsistent; ``services.membership_history_changed_notify`` returns
them and the state admin shows them. Receivers must not write.
"""

from django.dispatch import Signal

membership_history_changed = Signal()

# Sent (sender=Organisation, with ``organisation``, ``previous_kind`` and
# ``user``) by ``services.organisation_save`` inside its transaction when an
# organisation's kind changed. Apps above membership that hold something
# about the organisation (meetings: its invitations, whose consent depends on
# the kind) bring it in line and answer with a list of translated messages
# saying what they changed, which the admin shows. Receivers may write: they
# run in the save's transaction, so a failure saves nothing.
organisation_kind_changed = Signal()
