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
