"""make test's third pass runs the date-sensitive tests at 23:30 UTC."""

import datetime
import re

import time_machine
from django.utils import timezone

from tests.plugins.clock import travel_to_utc_clock
from tests.portal.test_deploy import ROOT


def test_utc_clock_travels_to_today_late_evening_already_tomorrow_in_almaty():
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        clock = travel_to_utc_clock("23:30")

    with clock:
        now = timezone.now()
        today_in_almaty = timezone.localdate()

    assert now.astimezone(datetime.UTC).replace(second=0, microsecond=0) == datetime.datetime(
        2026, 3, 1, 23, 30, tzinfo=datetime.UTC
    )
    assert today_in_almaty == datetime.date(2026, 3, 2)


def test_make_test_runs_the_dates_tests_at_a_late_evening_utc_hour():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile[makefile.index("\ntest:"):makefile.index("\nbench:")]

    passes = re.findall(r"^\t(.*-m pytest.*)$", recipe, flags=re.MULTILINE)

    assert len(passes) == 3
    assert passes[2].startswith("ALMATY_TEST_CLOCK=23:30 ALMATY_TEST_DB=sqlite ")
    assert '-m "dates and not postgresql and not browser and not celery_worker"' in passes[2]


def test_ci_runs_make_test_and_nothing_less():
    script = (ROOT / ".ci/run").read_text().splitlines()

    assert script[-1] == "make test"
