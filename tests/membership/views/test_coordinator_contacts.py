"""Who may see and change coordinators' contact details."""

import pytest
from django.contrib.auth.models import Group

from membership import permissions
from membership.models import NationalCoordinator
from tests.factories.membership import FocalPointFactory, StaffUserFactory, UserFactory

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

KAZ_PAGE = "/ru/states/kaz/coordinator/"
KGZ_PAGE = "/ru/states/kgz/coordinator/"


@pytest.fixture
def focal_point_user():
    user = UserFactory(email="focal.iom@example.org")
    FocalPointFactory(user=user)
    return user


@pytest.fixture
def editor():
    user = StaffUserFactory()
    Group.objects.get(name=permissions.SECRETARIAT_EDITORS).user_set.add(user)
    return user


def contact_form(**overrides):
    return {
        "position_ru": "Главный советник", "position_en": "Senior Adviser",
        "agency_ru": "Министерство иностранных дел", "agency_en": "Ministry of Foreign Affairs",
        "email": "coordinator.kaz@example.org", "phone": "+7 717 200 00 05",
        **overrides,
    }


def test_coordinator_page_anonymous_is_sent_to_sign_in(client, kaz_coordinator_user):
    response = client.get(KAZ_PAGE)

    assert (response.status_code, response["Location"]) == (
        302, "/ru/accounts/login/?next=/ru/states/kaz/coordinator/",
    )


def test_coordinator_updates_own_phone(client, kaz_coordinator_user):
    client.force_login(kaz_coordinator_user)

    page = client.get(KAZ_PAGE)
    response = client.post(KAZ_PAGE, contact_form(phone="+7 717 200 12 34"), follow=True)

    assert page.status_code == 200
    assert response.redirect_chain == [("/ru/states/kaz/", 302)]
    assert [str(m) for m in response.context["messages"]] == ["Ваши контактные данные сохранены."]
    coordinator = NationalCoordinator.objects.get(state__iso3="KAZ")
    assert coordinator.phone == "+7 717 200 12 34"
    assert "+7 717 200 12 34" in response.content.decode()


def test_coordinator_cannot_edit_another_states_coordinator(
    client, kaz_coordinator_user, kgz_coordinator
):
    client.force_login(kaz_coordinator_user)

    get = client.get(KGZ_PAGE)
    post = client.post(KGZ_PAGE, contact_form(phone="+7 000 000 00 00"))

    assert (get.status_code, post.status_code) == (403, 403)
    kgz_coordinator.refresh_from_db()
    assert kgz_coordinator.phone == "+996 312 00 00 07"


def test_focal_point_cannot_edit_a_coordinator(client, focal_point_user, kgz_coordinator):
    client.force_login(focal_point_user)

    assert client.get(KGZ_PAGE).status_code == 403


def test_staff_editor_can_edit_any_coordinator(client, editor, kgz_coordinator):
    client.force_login(editor)

    response = client.post(KGZ_PAGE, contact_form(email="nurgul@example.org"))

    assert response.status_code == 302
    kgz_coordinator.refresh_from_db()
    assert kgz_coordinator.email == "nurgul@example.org"


def test_coordinator_page_invalid_phone_is_a_form_error(client, kaz_coordinator_user):
    client.force_login(kaz_coordinator_user)

    response = client.post(KAZ_PAGE, contact_form(phone="call me"))

    assert response.status_code == 200
    assert response.context["form"].errors == {"phone": [
        ("Введите номер телефона цифрами, с пробелами, скобками или дефисами, например "
        "+7 727 258 00 00.")
    ]}


def test_coordinator_page_of_a_state_without_coordinator_is_404(client, editor, kazakhstan):
    client.force_login(editor)

    assert client.get(KAZ_PAGE).status_code == 404


def test_coordinator_page_upper_case_code_redirects(client, kaz_coordinator_user):
    client.force_login(kaz_coordinator_user)

    response = client.get("/ru/states/KAZ/coordinator/")

    assert (response.status_code, response["Location"]) == (301, KAZ_PAGE)


def test_state_page_links_the_coordinator_to_their_contacts(
    client, kaz_coordinator_user, kgz_coordinator
):
    client.force_login(kaz_coordinator_user)

    own = client.get("/ru/states/kaz/").content.decode()
    other = client.get("/ru/states/kgz/").content.decode()

    assert f'href="{KAZ_PAGE}"' in own
    assert "/coordinator/" not in other


def test_header_shows_my_state_to_a_coordinator_only(client, kaz_coordinator_user, editor):
    anonymous = client.get("/ru/").content.decode()
    client.force_login(kaz_coordinator_user)
    coordinator = client.get("/ru/").content.decode()
    client.force_login(editor)
    staff = client.get("/ru/").content.decode()

    # "My state" is the coordinator's dashboard, which links the state's page.
    assert '<a href="/ru/registration/">Моё государство</a>' in coordinator
    assert "Моё государство" not in anonymous
    assert "Моё государство" not in staff


# --- Contact details on the public pages -----------------------------------------------------

@pytest.mark.parametrize(
    ("who", "sees"),
    [("anonymous", False), ("focal_point", False), ("other_coordinator", True),
     ("staff", True)],
)
@pytest.mark.parametrize("url", ["/ru/states/", "/ru/states/kgz/", "/en/states/kgz/"])
def test_coordinator_contacts_are_shown_to_coordinators_and_staff(
    client, kgz_coordinator, kaz_coordinator_user, focal_point_user, editor, who, sees, url
):
    users = {"focal_point": focal_point_user, "other_coordinator": kaz_coordinator_user,
             "staff": editor}
    if who in users:
        client.force_login(users[who])

    content = client.get(url).content.decode()

    assert ('href="mailto:coordinator.kgz@example.org"' in content) is sees
    assert ("+996 312 00 00 07" in content) is sees
