"""Audit history of chair terms and declined turns in the admin: who
changed what, and when; the page holds under the strict CSP (no inline
style)."""

import datetime
import html
import re

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags

from chairmanship.enums import ChairmanshipBasis
from chairmanship.services import chairmanship_create, turn_decline
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.membership import StaffUserFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def kazakhstan(make_state):
    return make_state("Kazakhstan")


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


def term_form(*, state, start, end, basis, **overrides) -> dict:
    data = {
        "state": state.pk, "start": f"{start:%Y-%m-%d}", "end": f"{end:%Y-%m-%d}", "basis": basis,
        **{f"{name}_{lang}": "" for name in (
            "representative_name", "representative_title", "decision_note", "notes")
            for lang in ("ru", "en")},
    }
    return {**data, **overrides}


def test_term_history_shows_who_changed_what(client, editor, kazakhstan):
    term = chairmanship_create(
        state=kazakhstan, start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED,
        representative_name_en="Aigerim Saparova",
    )
    url = f"/en/admin/chairmanship/chairmanship/{term.pk}/"
    client.post(f"{url}change/", term_form(
        state=kazakhstan, start=term.start, end=term.end, basis=term.basis,
        representative_name_en="Aigerim Demonova",
    ))

    response = client.get(f"{url}history/")

    assert response.status_code == 200
    records = list(response.context["page_obj"])
    assert [(r.history_type, r.history_user) for r in records] == [("~", editor), ("+", None)]
    text = text_of(response)
    assert f"Changed {editor}" in text
    changes = text.split(f"Changed {editor} None", 1)[1].split(" Kazakhstan (", 1)[0]
    assert changes == (
        " Representative: Aigerim Saparova → Aigerim Demonova"
        " Representative [en]: Aigerim Saparova → Aigerim Demonova"
    )


def test_term_added_in_the_admin_records_its_author(client, editor, kazakhstan):
    client.post("/en/admin/chairmanship/chairmanship/add/", term_form(
        state=kazakhstan, start=D(2013, 6, 5), end=D(2015, 6, 4), basis=ChairmanshipBasis.ELECTED,
    ))
    term = kazakhstan.chairmanships.get()

    response = client.get(f"/en/admin/chairmanship/chairmanship/{term.pk}/history/")

    assert [(r.history_type, r.history_user) for r in response.context["page_obj"]] == [
        ("+", editor),
    ]


def test_declination_history_shows_who_changed_the_note(client, editor, kazakhstan):
    declination = turn_decline(
        state=kazakhstan, turn_start=D(2015, 6, 5), declined_on=D(2015, 3, 1),
        note_en="Hosts the Games.",
    )
    url = f"/en/admin/chairmanship/turndeclination/{declination.pk}/"
    client.post(f"{url}change/", {
        "state": kazakhstan.pk, "turn_start": "2015-06-05", "declined_on": "2015-03-01",
        "note_ru": "", "note_en": "Hosts the World Nomad Games.",
    })

    response = client.get(f"{url}history/")

    assert response.status_code == 200
    assert [(r.history_type, r.history_user) for r in response.context["page_obj"]] == [
        ("~", editor), ("+", None),
    ]
    assert "Hosts the Games. → Hosts the World Nomad Games." in text_of(response)


@pytest.mark.parametrize("model", ["chairmanship", "turndeclination"])
def test_history_pages_carry_no_inline_style(client, editor, kazakhstan, model):
    term = chairmanship_create(
        state=kazakhstan, start=D(2013, 6, 5), basis=ChairmanshipBasis.ELECTED
    )
    declination = turn_decline(
        state=kazakhstan, turn_start=D(2017, 6, 5), declined_on=D(2015, 3, 1)
    )
    pk = term.pk if model == "chairmanship" else declination.pk

    response = client.get(f"/ru/admin/chairmanship/{model}/{pk}/history/")

    assert response.status_code == 200
    assert "style-src 'self'" in response["Content-Security-Policy"]
    assert re.findall(r"<[^>]+\sstyle=", response.content.decode()) == []
