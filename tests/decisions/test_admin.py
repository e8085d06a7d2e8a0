"""The secretariat edits follow-up items under each outcome (the register's
admin) and on their own, with their audit history; a follow-up due before
its decision comes back with the error and the input kept; an outcome with
follow-up items cannot be deleted with its meeting."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags

from decisions.enums import Responsible
from decisions.models import FollowUpItem
from membership.permissions import SECRETARIAT_ADMINISTRATORS, SECRETARIAT_EDITORS
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

PREFIX = "follow_up_items"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


def staff_in(client, group):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def items_form(rows):
    data = {f"{PREFIX}-TOTAL_FORMS": str(len(rows)), f"{PREFIX}-INITIAL_FORMS": "0",
            f"{PREFIX}-MIN_NUM_FORMS": "0", f"{PREFIX}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        data.update({f"{PREFIX}-{index}-{name}": value for name, value in row.items()})
    return data


def row(**overrides):
    values = {"position": "1", "responsible": Responsible.SUPPORT_UNIT, "state": "",
              "action_ru": "Подготовить доклад.", "action_en": "Prepare the report.",
              "due_on": "2025-03-01", "status": "not_started", "note": ""}
    values.update(overrides)
    return values


def test_editor_adds_a_follow_up_item_under_the_outcome(client, public_outcome):
    editor = staff_in(client, SECRETARIAT_EDITORS)
    url = f"/en/admin/decisions/registeroutcome/{public_outcome.pk}/change/"

    page = client.get(url)
    response = client.post(url, items_form([row()]))

    assert page.status_code == 200
    assert "edit the outcome there" in text_of(page)
    assert response.status_code == 302, text_of(response)
    item = FollowUpItem.objects.get()
    assert (item.action_en, item.updated_by) == ("Prepare the report.", editor)
    assert item.history.first().history_user == editor


def test_due_before_decision_comes_back_with_error_and_input(client, public_outcome):
    staff_in(client, SECRETARIAT_EDITORS)
    url = f"/en/admin/decisions/registeroutcome/{public_outcome.pk}/change/"

    response = client.post(url, items_form([row(due_on="2024-06-01",
                                                action_en="Typed by the user")]))

    assert response.status_code == 200
    assert "A follow-up cannot be due before its decision was adopted (12 June 2024)." in (
        text_of(response))
    assert "Typed by the user" in response.content.decode()
    assert FollowUpItem.objects.count() == 0


def test_follow_up_item_change_page_and_history(client, public_outcome, kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    staff_in(client, SECRETARIAT_EDITORS)

    change = client.get(f"/en/admin/decisions/followupitem/{item.pk}/change/")
    history = client.get(f"/en/admin/decisions/followupitem/{item.pk}/history/")

    assert change.status_code == 200
    assert history.status_code == 200


def test_meeting_with_followed_up_outcome_cannot_be_deleted(client, public_outcome, kazakhstan):
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    staff_in(client, SECRETARIAT_ADMINISTRATORS)
    url = f"/en/admin/meetings/meeting/{public_outcome.meeting.pk}/delete/"

    page = client.get(url)
    client.post(url, {"post": "yes"})

    assert "would require deleting the following protected related objects" in text_of(page)
    assert FollowUpItem.objects.count() == 1
    public_outcome.refresh_from_db()
