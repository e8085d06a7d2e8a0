"""The late-evening clock of `make test`'s third pass (ALMATY_TEST_CLOCK)."""

from __future__ import annotations

import datetime

import time_machine


def travel_to_utc_clock(clock: str) -> time_machine.travel:
    """Today's UTC date at ``clock`` ("HH:MM", UTC), the clock ticking."""
    hour, minute = (int(part) for part in clock.split(":"))
    now = datetime.datetime.now(datetime.UTC)
    return time_machine.travel(
        now.replace(hour=hour, minute=minute, second=0, microsecond=0), tick=True
    )
