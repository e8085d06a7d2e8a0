"""The secretariat sees and sets the "illustrative" flag of a membership
period in the state's admin page (issue 24, item 7)."""

import pytest

from membership.models import MembershipPeriod

from .test_admin import post_data, state_change_url

pytestmark = pytest.mark.django_db


def test_admin_period_inline_marks_a_period_illustrative(admin_client, kazakhstan):
    page = admin_client.get(state_change_url(kazakhstan))
    data = post_data(page)
    data["membership_periods-0-illustrative"] = "on"

    response = admin_client.post(state_change_url(kazakhstan), data)

    assert 'name="membership_periods-0-illustrative"' in page.content.decode()
    assert response.status_code == 302
    assert list(MembershipPeriod.objects.filter(state=kazakhstan).values_list(
        "illustrative", flat=True)) == [True]
