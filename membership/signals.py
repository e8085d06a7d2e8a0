"""Signals other apps listen to; membership never imports them.

``membership_history_changed`` is sent after a state's membership history
was written (a new status, corrected periods), with ``state``. Apps that
depend on membership (the chairmanship) answer with a list of translated
warnings about records that became inconsistent; the sender (the admin)
shows them. Receivers must not write.
"""

from django.dispatch import Signal

membership_history_changed = Signal()
