"""The secretariat sees and sets the "illustrative" flag of terms and
declined turns in the admin (issue 24, item 7): a record invented for a
demonstration is marked so on the public pages."""

import datetime

import pytest
from django.contrib.auth.models import Group

from chairmanship.enums import ChairmanshipBasis
from chairmanship.models import Chairmanship, TurnDeclination
from chairmanship.services import chairmanship_create
from membership.models import ParticipantState
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TEXTS = dict.fromkeys((
    "representative_name_ru", "representative_name_en", "representative_title_ru",
    "representative_title_en", "decision_note_ru", "decision_note_en", "notes_ru", "notes_en",
), "")


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def first_term(make_state):
    make_state("Kyrgyzstan")
    return chairmanship_create(
        state=make_state("Kazakhstan"), start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED,
    )


def test_admin_marks_a_new_term_illustrative(client, editor, first_term):
    kyrgyzstan = ParticipantState.objects.get(
        name_en="Kyrgyzstan"
    )
    form = client.get("/en/admin/chairmanship/chairmanship/add/").content.decode()

    response = client.post("/en/admin/chairmanship/chairmanship/add/", {
        **TEXTS, "state": kyrgyzstan.pk, "start": "2015-06-05", "end": "",
        "basis": ChairmanshipBasis.ROTATION, "illustrative": "on",
    })

    assert 'name="illustrative"' in form
    assert response.status_code == 302
    assert Chairmanship.objects.get(state=kyrgyzstan).illustrative is True


def test_admin_marks_a_recorded_term_and_a_declined_turn_illustrative(
    client, editor, first_term
):
    url = f"/en/admin/chairmanship/chairmanship/{first_term.pk}/change/"
    response = client.post(url, {
        **TEXTS, "state": first_term.state.pk, "start": "2013-06-05", "end": "2015-06-04",
        "basis": ChairmanshipBasis.ELECTED, "illustrative": "on",
    })
    declined = client.post("/en/admin/chairmanship/turndeclination/add/", {
        "state": ParticipantState.objects.get(
            name_en="Kyrgyzstan").pk,
        "turn_start": "2015-06-05", "declined_on": "2015-01-10", "note_ru": "", "note_en": "",
        "illustrative": "on",
    })

    first_term.refresh_from_db()
    assert (response.status_code, first_term.illustrative) == (302, True)
    assert declined.status_code == 302
    assert list(TurnDeclination.objects.values_list("illustrative", flat=True)) == [True]
