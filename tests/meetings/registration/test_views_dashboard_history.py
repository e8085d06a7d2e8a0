"""The coordinator's dashboard after years of meetings: the meetings in
hand in full, the delegations to earlier meetings a page at a time (none
dropped), and a query count that does not grow with the history."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.utils import timezone

from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory

from .conftest import open_meeting

pytestmark = pytest.mark.django_db


def past_delegation(state, *, days_ago: int, title: str, organisation=None):
    """The state's (or organisation's) submitted delegation, with a
    delegate, to a meeting held ``days_ago`` days ago."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    meeting = MeetingFactory(title_en=title, title_ru=title, start=day, end=day)
    delegation = DelegationFactory(meeting=meeting, state=state, organisation=organisation)
    DelegateFactory(delegation=delegation)
    return delegation


def headings(page: str) -> list[str]:
    """The meetings in hand (a card each)."""
    return [html.unescape(title) for title in
            re.findall(r'<h3 id="meeting-\d+"><a href="[^"]*">([^<]*)</a></h3>', page)]


def earlier(page: str) -> list[tuple[str, str]]:
    """The table of earlier delegations: meeting and number of delegates."""
    _before, _heading, table = page.partition("Delegations to earlier meetings")
    return [(html.unescape(title), count) for title, count in re.findall(
        r'<tr><td><a href="[^"]*">([^<]*)</a></td>.*?<td>(\d+)</td></tr>', table, re.S,
    )]


def test_dashboard_shows_the_latest_earlier_delegations_first_ten_a_page(
    client, kazakhstan, coordinator,
):
    for n in range(12):  # meeting 0 the latest, meeting 11 the earliest (years ago)
        past_delegation(kazakhstan, days_ago=10 + 200 * n, title=f"Meeting {n}")
    open_meeting(title_en="Upcoming meeting")
    client.force_login(coordinator)

    first = client.get("/en/registration/").content.decode()
    second = client.get("/en/registration/", {"page": "2"}).content.decode()

    assert (headings(first), earlier(first)) == (
        ["Upcoming meeting"], [(f"Meeting {n}", "1") for n in range(10)],
    )
    assert (headings(second), earlier(second)) == (
        ["Upcoming meeting"], [("Meeting 10", "1"), ("Meeting 11", "1")],
    )
    assert ("Page 1 of 2" in first, "Page 2 of 2" in second) == (True, True)


def test_dashboard_without_earlier_delegations_has_no_history_section(
    client, kazakhstan, coordinator, meeting,
):
    client.force_login(coordinator)

    page = client.get("/en/registration/").content.decode()

    assert ("Delegations to earlier meetings" in page, headings(page)) == (
        False, [meeting.title_en],
    )


def test_dashboard_history_leaves_out_other_states_delegations(
    client, kazakhstan, kyrgyzstan, coordinator,
):
    past_delegation(kazakhstan, days_ago=30, title="Ours")
    past_delegation(kyrgyzstan, days_ago=20, title="Theirs")
    client.force_login(coordinator)

    page = client.get("/en/registration/").content.decode()

    assert earlier(page) == [("Ours", "1")]


def test_dashboard_malformed_page_number_shows_the_first_page(client, kazakhstan, coordinator):
    past_delegation(kazakhstan, days_ago=30, title="Ours")
    client.force_login(coordinator)

    response = client.get("/en/registration/", {"page": "x"})

    assert (response.status_code, earlier(response.content.decode())) == (200, [("Ours", "1")])


@pytest.mark.parametrize("earlier", [3, 30])
def test_dashboard_queries_do_not_grow_with_the_history(
    client, kazakhstan, coordinator, earlier, django_assert_num_queries,
):
    for n in range(earlier):
        past_delegation(kazakhstan, days_ago=10 + 30 * n, title=f"Meeting {n}")
    for n in range(3):
        delegation = DelegationFactory(meeting=open_meeting(), state=kazakhstan)
        DelegateFactory(delegation=delegation, email=f"current{n}@example.org")
    client.force_login(coordinator)

    # session, user, the coordinator's roles (2), the meetings in hand with
    # the state's delegations and their delegates, the count and the page
    # of earlier delegations, the briefing packs; the other apps' panels
    # (decisions, contributions (2), workplans, alerts)
    with django_assert_num_queries(14):
        response = client.get("/en/registration/")

    assert response.status_code == 200


def test_dashboard_history_counts_the_delegates_a_purge_removed(client, kazakhstan, coordinator):
    delegation = past_delegation(kazakhstan, days_ago=800, title="Long ago")
    delegation.delegates.all().delete()
    delegation.personal_data_purged_at = timezone.now()
    delegation.purged_delegate_count = 4
    delegation.save()
    client.force_login(coordinator)

    page = client.get("/en/registration/").content.decode()

    assert earlier(page) == [("Long ago", "4")]


def test_focal_point_dashboard_shows_its_organisations_current_and_earlier_delegations(client):
    from membership.enums import OrganisationKind
    from tests.factories.membership import FocalPointFactory, OrganisationFactory, UserFactory

    iom = OrganisationFactory(name_en="IOM", kind=OrganisationKind.INTERNATIONAL)
    user = UserFactory()
    FocalPointFactory(organisation=iom, user=user)
    current = DelegationFactory(meeting=open_meeting(title_en="Upcoming meeting"), state=None,
                                organisation=iom, status="draft", submitted_at=None)
    DelegateFactory(delegation=current)
    past_delegation(None, days_ago=40, title="Earlier meeting", organisation=iom)
    past_delegation(None, days_ago=20, title="Another organisation's",
                    organisation=OrganisationFactory())
    client.force_login(user)

    page = client.get("/en/registration/").content.decode()

    assert (headings(page), earlier(page)) == (
        ["Upcoming meeting"], [("Earlier meeting", "1")],
    )
