"""Nobody lifts an account above their own powers in the admin (issue 22,
item 1). A member of "Secretariat administrators" (staff, not superuser)
goes through every path a browser or a crafted POST could take, with the
real admin views; each test reads the database afterwards. Superusers keep
every power they had."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from membership import permissions
from membership.models import User
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
NEW_PASSWORD = "Another-long-passphrase-42"


@pytest.fixture
def administrators():
    return Group.objects.get(name=permissions.SECRETARIAT_ADMINISTRATORS)


@pytest.fixture
def editors():
    return Group.objects.get(name=permissions.SECRETARIAT_EDITORS)


@pytest.fixture
def sec_admin(administrators):
    user = StaffUserFactory(email="secadmin@example.org", full_name="Sec Admin")
    administrators.user_set.add(user)
    return user


@pytest.fixture
def admin_client_of(client):
    def login(user):
        client.force_login(user)
        return client
    return login


@pytest.fixture
def as_sec_admin(admin_client_of, sec_admin):
    return admin_client_of(sec_admin)


@pytest.fixture
def superuser():
    return UserFactory(email="root@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def powerful_group():
    """A group a superuser made with a power the administrators lack."""
    group = Group.objects.create(name="Group managers")
    group.permissions.add(Permission.objects.get(codename="change_group"))
    return group


def change_url(user) -> str:
    return reverse("admin:membership_user_change", args=[user.pk])


def password_url(user) -> str:
    return reverse("admin:auth_user_password_change", args=[user.pk])


def change_data(user, **overrides) -> dict:
    """What the account's change form posts back, plus overrides. Groups
    only when given: the browser posts only the groups the form offers."""
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
    }
    if user.is_active:
        data["is_active"] = "on"
    if user.is_staff:
        data["is_staff"] = "on"
    data.update(overrides)
    return data


def groups_of(user) -> set[str]:
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


# --- Superuser status and the account's own permissions -------------------------------

def test_sec_admin_cannot_make_themselves_superuser(as_sec_admin, sec_admin):
    any_permission = Permission.objects.get(codename="change_group")

    response = as_sec_admin.post(change_url(sec_admin), change_data(
        sec_admin, full_name="Renamed", is_superuser="on",
        user_permissions=[any_permission.pk],
    ))

    assert response.status_code == 302
    sec_admin.refresh_from_db()
    assert (sec_admin.full_name, sec_admin.is_superuser) == ("Renamed", False)
    assert list(sec_admin.user_permissions.all()) == []


def test_sec_admin_sees_superuser_and_permissions_read_only(as_sec_admin, sec_admin):
    response = as_sec_admin.get(change_url(sec_admin))

    form = response.context["adminform"].form
    assert response.status_code == 200
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields
    assert "groups" in form.fields


def test_sec_admin_cannot_make_another_account_superuser(as_sec_admin):
    colleague = StaffUserFactory()

    as_sec_admin.post(change_url(colleague), change_data(colleague, is_superuser="on"))

    colleague.refresh_from_db()
    assert colleague.is_superuser is False


def test_sec_admin_cannot_give_an_account_permissions(as_sec_admin):
    colleague = StaffUserFactory()
    permission = Permission.objects.get(codename="change_group")

    as_sec_admin.post(change_url(colleague), change_data(
        colleague, user_permissions=[permission.pk],
    ))

    assert list(colleague.user_permissions.all()) == []


def test_sec_admin_cannot_take_superuser_status_away(as_sec_admin, superuser):
    response = as_sec_admin.post(change_url(superuser), change_data(superuser, is_superuser=""))

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_superuser is True


# --- A superuser's account: seen, never changed ------------------------------------------

def test_sec_admin_sees_a_superuser_read_only(as_sec_admin, superuser):
    response = as_sec_admin.get(change_url(superuser))

    assert response.status_code == 200
    # Only Django's read-only password summary stays in the form, not shown.
    assert list(response.context["adminform"].form.fields) == ["password"]
    assert response.context["has_change_permission"] is False
    assert "../password/" not in response.content.decode()


def test_sec_admin_cannot_change_a_superuser(as_sec_admin, superuser):
    response = as_sec_admin.post(change_url(superuser), change_data(
        superuser, email="attacker@example.org", is_active="",
    ))

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert (superuser.email, superuser.is_active) == ("root@example.org", True)


@pytest.mark.parametrize("method", ["get", "post"])
def test_sec_admin_cannot_set_a_superusers_password(as_sec_admin, superuser, method):
    response = getattr(as_sec_admin, method)(password_url(superuser), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    } if method == "post" else None)

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password(PASSWORD)


def test_sec_admin_cannot_disable_a_superusers_password(as_sec_admin, superuser):
    response = as_sec_admin.post(password_url(superuser), {
        "usable_password": "false", "unset-password": "1",
    })

    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.has_usable_password()


def test_sec_admin_cannot_delete_a_superuser(as_sec_admin, superuser):
    url = reverse("admin:membership_user_delete", args=[superuser.pk])

    response = as_sec_admin.post(url, {"post": "yes"})

    assert response.status_code == 403
    assert User.objects.filter(pk=superuser.pk).exists()


def test_sec_admin_cannot_delete_a_superuser_with_the_bulk_action(as_sec_admin, superuser):
    plain = UserFactory()

    response = as_sec_admin.post(reverse("admin:membership_user_changelist"), {
        "action": "delete_selected", "_selected_action": [superuser.pk, plain.pk],
        "post": "yes",
    })

    assert response.status_code == 403
    assert User.objects.filter(pk__in=[superuser.pk, plain.pk]).count() == 2


# --- Accounts with powers the administrator lacks ---------------------------------------

@pytest.mark.parametrize("active", [True, False])
def test_sec_admin_cannot_manage_an_account_with_more_powers(
    as_sec_admin, powerful_group, active
):
    """An inactive account counts with its groups: reactivating it would
    give them back."""
    manager = StaffUserFactory(email="manager@example.org", is_active=active)
    powerful_group.user_set.add(manager)

    change = as_sec_admin.post(change_url(manager), change_data(manager, is_active="on"))
    password = as_sec_admin.post(password_url(manager), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })

    assert (change.status_code, password.status_code) == (403, 403)
    manager.refresh_from_db()
    assert manager.is_active is active
    assert manager.check_password(PASSWORD)


def test_sec_admin_still_manages_ordinary_accounts(as_sec_admin, editors):
    colleague = StaffUserFactory()

    changed = as_sec_admin.post(change_url(colleague), change_data(
        colleague, full_name="New Name", groups=[editors.pk],
    ))
    password = as_sec_admin.post(password_url(colleague), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })

    assert (changed.status_code, password.status_code) == (302, 302)
    colleague.refresh_from_db()
    assert colleague.full_name == "New Name"
    assert groups_of(colleague) == {permissions.SECRETARIAT_EDITORS}
    assert colleague.check_password(NEW_PASSWORD)


# --- Groups on the account page ----------------------------------------------------------

def test_sec_admin_is_not_offered_secretariat_administrators(as_sec_admin, sec_admin):
    response = as_sec_admin.get(change_url(StaffUserFactory()))

    offered = response.context["adminform"].form.fields["groups"].queryset
    assert set(offered.values_list("name", flat=True)) == {permissions.SECRETARIAT_EDITORS}


def test_sec_admin_cannot_add_someone_to_secretariat_administrators(
    as_sec_admin, administrators
):
    colleague = StaffUserFactory()

    response = as_sec_admin.post(change_url(colleague), change_data(
        colleague, groups=[administrators.pk],
    ))

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert groups_of(colleague) == set()


def test_sec_admin_cannot_add_someone_to_a_group_with_more_powers(
    as_sec_admin, powerful_group
):
    colleague = StaffUserFactory()

    response = as_sec_admin.post(change_url(colleague), change_data(
        colleague, groups=[powerful_group.pk],
    ))

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert groups_of(colleague) == set()


def test_sec_admin_cannot_remove_someone_from_secretariat_administrators(
    as_sec_admin, administrators, editors
):
    """A fellow administrator's account is a superuser's to manage: no
    group change, no new password (a takeover), no deletion."""
    fellow = StaffUserFactory()
    fellow.groups.add(administrators, editors)

    change = as_sec_admin.post(change_url(fellow), change_data(fellow, groups=[]))
    password = as_sec_admin.post(password_url(fellow), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })
    delete = as_sec_admin.post(
        reverse("admin:membership_user_delete", args=[fellow.pk]), {"post": "yes"},
    )

    assert (change.status_code, password.status_code, delete.status_code) == (403, 403, 403)
    assert groups_of(fellow) == {
        permissions.SECRETARIAT_ADMINISTRATORS, permissions.SECRETARIAT_EDITORS,
    }
    fellow.refresh_from_db()
    assert fellow.check_password(PASSWORD)


def test_sec_admin_keeps_their_own_account_page(as_sec_admin, sec_admin, editors):
    """Their own name, language and the groups within their powers."""
    response = as_sec_admin.post(change_url(sec_admin), change_data(
        sec_admin, full_name="Own Name", groups=[editors.pk],
    ))

    assert response.status_code == 302
    sec_admin.refresh_from_db()
    assert sec_admin.full_name == "Own Name"
    assert groups_of(sec_admin) == {
        permissions.SECRETARIAT_ADMINISTRATORS, permissions.SECRETARIAT_EDITORS,
    }


def test_sec_admin_cannot_leave_secretariat_administrators_themselves(
    as_sec_admin, sec_admin
):
    as_sec_admin.post(change_url(sec_admin), change_data(sec_admin, groups=[]))

    assert groups_of(sec_admin) == {permissions.SECRETARIAT_ADMINISTRATORS}


# --- The add form -----------------------------------------------------------------------

def test_sec_admin_add_form_ignores_crafted_privilege_fields(as_sec_admin, administrators):
    permission = Permission.objects.get(codename="change_group")

    response = as_sec_admin.post(reverse("admin:membership_user_add"), {
        "email": "new@example.org", "full_name": "New", "preferred_language": "en",
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD,
        "is_superuser": "on", "is_staff": "on", "groups": [administrators.pk],
        "user_permissions": [permission.pk],
    })

    assert response.status_code == 302
    created = User.objects.get(email="new@example.org")
    assert (created.is_superuser, created.is_staff) == (False, False)
    assert groups_of(created) == set()
    assert list(created.user_permissions.all()) == []


# --- The group admin --------------------------------------------------------------------

@pytest.fixture
def group_manager(sec_admin, powerful_group):
    """An administrator a superuser also let change groups."""
    powerful_group.user_set.add(sec_admin)
    return sec_admin


def group_url(group) -> str:
    return reverse("admin:auth_group_change", args=[group.pk])


def test_sec_admin_cannot_change_secretariat_administrators_group(as_sec_admin, administrators):
    before = set(administrators.permissions.values_list("pk", flat=True))
    delete_group = Permission.objects.get(codename="delete_group")

    response = as_sec_admin.post(group_url(administrators), {
        "name": administrators.name, "permissions": [*before, delete_group.pk],
    })

    assert response.status_code == 403
    assert set(administrators.permissions.values_list("pk", flat=True)) == before


def test_group_manager_cannot_change_secretariat_administrators_group(
    admin_client_of, group_manager, administrators
):
    before = set(administrators.permissions.values_list("pk", flat=True))
    delete_group = Permission.objects.get(codename="delete_group")

    response = admin_client_of(group_manager).post(group_url(administrators), {
        "name": "Renamed", "permissions": [*before, delete_group.pk],
    })

    assert response.status_code == 403
    administrators.refresh_from_db()
    assert administrators.name == permissions.SECRETARIAT_ADMINISTRATORS
    assert set(administrators.permissions.values_list("pk", flat=True)) == before


def test_group_manager_cannot_give_their_group_powers_they_lack(
    admin_client_of, group_manager, powerful_group
):
    change_group = Permission.objects.get(codename="change_group")
    delete_group = Permission.objects.get(codename="delete_group")

    response = admin_client_of(group_manager).post(group_url(powerful_group), {
        "name": powerful_group.name, "permissions": [change_group.pk, delete_group.pk],
    })

    assert response.status_code == 200
    assert "permissions" in response.context["adminform"].form.errors
    assert list(powerful_group.permissions.all()) == [change_group]


def test_group_manager_cannot_delete_secretariat_administrators(
    admin_client_of, group_manager, administrators
):
    delete_group = Permission.objects.get(codename="delete_group")
    Group.objects.get(name="Group managers").permissions.add(delete_group)

    response = admin_client_of(group_manager).post(
        reverse("admin:auth_group_delete", args=[administrators.pk]), {"post": "yes"},
    )

    assert response.status_code == 403
    assert Group.objects.filter(pk=administrators.pk).exists()


# --- History ----------------------------------------------------------------------------

def test_account_history_has_no_revert(as_sec_admin, superuser):
    """Accounts keep no simple_history versions: the admin's history page is
    Django's read-only list, and there is no revert address to post to."""
    history = as_sec_admin.get(reverse("admin:membership_user_history", args=[superuser.pk]))

    assert history.status_code == 200
    assert not hasattr(User, "history")
    assert "revert" not in history.content.decode().lower()


# --- Superusers keep every power --------------------------------------------------------

def test_superuser_still_grants_superuser_permissions_and_groups(
    admin_client_of, superuser, administrators
):
    target = StaffUserFactory()
    permission = Permission.objects.get(codename="change_group")
    client = admin_client_of(superuser)

    response = client.post(change_url(target), change_data(
        target, is_superuser="on", groups=[administrators.pk],
        user_permissions=[permission.pk],
    ))

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_superuser is True
    assert groups_of(target) == {permissions.SECRETARIAT_ADMINISTRATORS}
    assert list(target.user_permissions.all()) == [permission]


def test_superuser_still_sets_another_superusers_password(admin_client_of, superuser):
    other = UserFactory(is_staff=True, is_superuser=True)

    response = admin_client_of(superuser).post(password_url(other), {
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true",
    })

    assert response.status_code == 302
    other.refresh_from_db()
    assert other.check_password(NEW_PASSWORD)


def test_superuser_still_changes_the_secretariat_administrators_group(
    admin_client_of, superuser, administrators
):
    delete_group = Permission.objects.get(codename="delete_group")
    before = list(administrators.permissions.values_list("pk", flat=True))

    response = admin_client_of(superuser).post(group_url(administrators), {
        "name": administrators.name, "permissions": [*before, delete_group.pk],
    })

    assert response.status_code == 302
    assert administrators.permissions.filter(pk=delete_group.pk).exists()
