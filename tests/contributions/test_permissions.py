"""The ledger is the secretariat administrators' (and superusers'): what
each government paid is kept by those who also manage accounts, not by
every editor of the public pages (secretariat_editors = False)."""

import pytest
from django.contrib.auth.models import Group

from membership.permissions import SECRETARIAT_ADMINISTRATORS, SECRETARIAT_EDITORS

pytestmark = pytest.mark.django_db


def _contributions_permissions(name: str) -> set[str]:
    return set(Group.objects.get(name=name).permissions.filter(
        content_type__app_label="contributions").values_list("codename", flat=True))


def test_editors_hold_no_permission_on_the_ledger():
    assert _contributions_permissions(SECRETARIAT_EDITORS) == set()


def test_administrators_keep_the_ledger():
    assert {"view_pledge", "add_payment", "change_payment", "delete_pledge",
            "view_statement", "add_administrativecosts"} <= _contributions_permissions(
        SECRETARIAT_ADMINISTRATORS)
