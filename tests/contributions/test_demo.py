import datetime

import pytest
import time_machine

from contributions import demo
from contributions.models import AdministrativeCosts, Payment, Pledge
from contributions.selectors import statement_for_year
from membership import demo as membership_demo

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def test_demo_ledger_is_illustrative_and_loads_once():
    membership_demo.load()
    with time_machine.travel(datetime.datetime(2026, 3, 1, 6, tzinfo=datetime.UTC)):
        demo.load()
        summary = demo.load()

    assert summary == ("contributions: 3 illustrative pledges, 2 payments and the Support "
                       "Unit's costs for 2025")
    assert (Pledge.objects.count(), Payment.objects.count(),
            AdministrativeCosts.objects.count()) == (3, 2, 1)
    assert not Pledge.objects.filter(illustrative=False).exists()
    assert not Payment.objects.filter(illustrative=False).exists()
    assert not AdministrativeCosts.objects.filter(illustrative=False).exists()
    statement = statement_for_year(year=2025)
    assert statement.illustrative
    assert all(line.illustrative for line in statement.lines)
