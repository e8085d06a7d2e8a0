"""The rotation key is a fact: shown on its own in the state admin, changed
only with a confirmation, never by editing the display name."""

import pytest

from membership.models import ParticipantState
from membership.signals import membership_history_changed

from .test_admin import post_data

pytestmark = pytest.mark.django_db


def change_url(state, lang="en"):
    return f"/{lang}/admin/membership/participantstate/{state.pk}/change/"


@pytest.fixture
def heard():
    calls = []

    def receiver(sender, state, **kwargs):
        calls.append(state)
        return ["The projected chair terms changed."]

    membership_history_changed.connect(receiver, dispatch_uid="test-rotation-heard")
    yield calls
    membership_history_changed.disconnect(dispatch_uid="test-rotation-heard")


def test_state_admin_shows_the_rotation_key_with_what_it_moves(admin_client, kazakhstan):
    response = admin_client.get(change_url(kazakhstan))

    fieldsets = [
        (fieldset.name, fieldset.description, list(fieldset.fields))
        for fieldset in response.context["adminform"]
    ]
    assert fieldsets[1] == (
        "Place in the chairmanship rotation",
        ("The rotation of the chairmanship follows the English alphabetical order of these "
         "keys. Changing this state's key moves it in the rotation: every projected term and "
         "the turns of the states around it change."),
        ["rotation_key", "confirm_rotation_key_change"],
    )


def test_state_admin_rotation_key_change_without_confirmation_is_refused(
    admin_client, kazakhstan, heard
):
    data = post_data(admin_client.get(change_url(kazakhstan)))
    data["rotation_key"] = "Qazaqstan"

    response = admin_client.post(change_url(kazakhstan), data)

    assert response.context["adminform"].form.errors == {"confirm_rotation_key_change": [
        ("Changing the rotation key moves the state in the rotation of the chairmanship: "
        "tick this box to confirm.")
    ]}
    assert ParticipantState.objects.get(pk=kazakhstan.pk).rotation_key == "Kazakhstan"
    assert heard == []


def test_state_admin_rotation_key_change_with_confirmation_tells_the_other_apps(
    admin_client, kazakhstan, heard
):
    data = post_data(admin_client.get(change_url(kazakhstan)))
    data["rotation_key"] = "Qazaqstan"
    data["confirm_rotation_key_change"] = "on"

    response = admin_client.post(change_url(kazakhstan), data, follow=True)

    assert ParticipantState.objects.get(pk=kazakhstan.pk).rotation_key == "Qazaqstan"
    assert heard == [kazakhstan]
    assert [str(m) for m in response.context["messages"] if m.level_tag == "warning"] == [
        "The projected chair terms changed."
    ]


def test_state_admin_editing_the_english_name_keeps_the_rotation_key(
    admin_client, kazakhstan, heard
):
    data = post_data(admin_client.get(change_url(kazakhstan)))
    data["name_en"] = "Qazaqstan"

    admin_client.post(change_url(kazakhstan), data)

    state = ParticipantState.objects.get(pk=kazakhstan.pk)
    assert (state.name_en, state.rotation_key) == ("Qazaqstan", "Kazakhstan")
    assert heard == []


def test_state_admin_new_state_rotation_key_defaults_to_the_english_name(admin_client):
    url = "/en/admin/membership/participantstate/add/"
    data = post_data(admin_client.get(url))
    data.update({
        "name_ru": "Таджикистан", "name_en": "Tajikistan", "official_name_ru": "Республика",
        "official_name_en": "Republic of Tajikistan", "iso2": "TJ", "iso3": "TJK",
    })

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert ParticipantState.objects.get(iso3="TJK").rotation_key == "Tajikistan"
