"""The delegation pages read their meeting from the public pages' kept
pieces (issue 25): a change of the meeting (its registration closed early)
is on the coordinator's next request, and a write reads the meeting afresh,
so a delegate cannot be added after the Support Unit closed registration."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from meetings.services.registration import delegation_open

from .conftest import delegate_fields

pytestmark = pytest.mark.django_db


def _close_registration(meeting) -> None:
    meeting.registration_opens = timezone.now() - datetime.timedelta(days=3)
    meeting.registration_closes = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()


def test_a_registration_closed_early_is_on_the_next_request(
    client, pieces_cache, committed_change, meeting, kazakhstan, coordinator,
):
    delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    client.force_login(coordinator)
    assert "Add a delegate" in client.get(f"/en/registration/{meeting.slug}/").content.decode()

    with committed_change():
        _close_registration(meeting)

    page = client.get(f"/en/registration/{meeting.slug}/").content.decode()
    assert "Add a delegate" not in page
    assert "Registration closed on" in page


def test_a_delegate_added_after_the_close_is_refused_though_the_form_was_kept(
    client, pieces_cache, meeting, kazakhstan, coordinator,
):
    delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    client.force_login(coordinator)
    add = f"/en/registration/{meeting.slug}/delegates/add/"
    assert client.get(add).status_code == 200  # the meeting now kept, open

    _close_registration(meeting)  # no commit: the kept meeting stays as it was
    response = client.post(add, delegate_fields())

    assert kazakhstan.delegations.get().delegates.count() == 0
    assert response.status_code == 200  # the form again, what was typed kept
    assert "Registration for this meeting closed on" in response.content.decode()
