"""Two-factor authentication through the test client: the second sign-in
step, recovery codes used once, enrolment, the account page, and staff who
cannot reach the admin (or any page) with a password alone when
STAFF_REQUIRE_2FA is on. The clock is frozen: codes are computed in the test
from the device's key (django_otp.oath, RFC 6238) for a known time."""

import datetime as dt
import time

import pytest
import time_machine
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from membership.accounts import services
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PASSWORD = "correct-horse-battery"
START = dt.datetime(2026, 3, 2, 9, 0, 5, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def code_for(device: TOTPDevice, *, seconds_ahead: int = 0) -> str:
    """The six digits an authenticator app shows now (or later)."""
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, 0)
    generator.time = time.time() + seconds_ahead
    return f"{generator.token():0{device.digits}d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = services.totp_enrolment_start(user=user)
    codes = services.totp_enrolment_confirm(user=user, device=device, code=code_for(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def sign_in(client, user, url="/en/accounts/login/", **extra):
    return client.post(url, {"username": user.email, "password": PASSWORD, **extra})


def test_password_alone_signs_in_an_account_without_a_second_factor(client):
    user = UserFactory()

    response = sign_in(client, user)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_password_then_code_signs_in(client, clock):
    user = UserFactory()
    device, _codes = enrol(user)
    clock.shift(dt.timedelta(seconds=30))

    response = sign_in(client, user, next="/en/about/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/code/"
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/login/code/", {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == "/en/about/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session["otp_device_id"] == device.persistent_id


def test_wrong_code_is_refused_with_a_message(client, clock):
    user = UserFactory()
    enrol(user)
    clock.shift(dt.timedelta(seconds=30))
    sign_in(client, user)

    response = client.post("/en/accounts/login/code/", {"code": "000000"})

    assert response.status_code == 200
    assert "This code is not valid." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("code", ["x" * 10_000, "", "   ", "12345678901234567"])
def test_malformed_code_is_a_form_error_not_a_500(client, clock, code):
    user = UserFactory()
    enrol(user)
    sign_in(client, user)

    response = client.post("/en/accounts/login/code/", {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_three_wrong_codes_send_back_to_the_password(client, clock):
    user = UserFactory()
    enrol(user)
    sign_in(client, user)
    for _ in range(2):
        clock.shift(dt.timedelta(seconds=60))
        assert client.post("/en/accounts/login/code/", {"code": "000000"}).status_code == 200

    response = client.post("/en/accounts/login/code/", {"code": "000000"})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert client.get("/en/accounts/login/code/")["Location"] == "/en/accounts/login/"
    # Each wrong code counted as a failed login for axes' lockout.
    assert AccessAttempt.objects.filter(username=user.email).exists()


def test_wrong_codes_lock_the_account_out_like_wrong_passwords(client, settings, clock):
    user = UserFactory()
    enrol(user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        clock.shift(dt.timedelta(seconds=60))
        sign_in(client, user)
        client.post("/en/accounts/login/code/", {"code": "000000"})
    clock.shift(dt.timedelta(seconds=60))

    response = sign_in(client, user)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_second_step_expires_after_five_minutes(client, clock):
    user = UserFactory()
    device, _codes = enrol(user)
    sign_in(client, user)
    clock.shift(dt.timedelta(minutes=5, seconds=1))

    response = client.post("/en/accounts/login/code/", {"code": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_second_step_without_a_password_first_goes_to_sign_in(client):
    response = client.get("/en/accounts/login/code/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"


def test_recovery_code_works_once(client):
    user = UserFactory()
    _device, codes = enrol(user)

    sign_in(client, user)
    response = client.post("/en/accounts/login/code/", {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.logout()

    sign_in(client, user)
    response = client.post("/en/accounts/login/code/", {"code": codes[0]})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert len(codes) == 10


def test_enrolment_from_the_account_page(client, clock):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/en/accounts/")
    assert "Set up two-factor authentication" in page.content.decode()

    setup = client.get("/en/accounts/two-factor/setup/")
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert services.totp_secret(device=device) in setup.content.decode()
    qr = client.get("/en/accounts/two-factor/setup/qr-code.svg")
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    assert b"style=" not in qr.content

    wrong = client.post("/en/accounts/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "This code is not valid." in wrong.content.decode()
    clock.shift(dt.timedelta(seconds=5))
    response = client.post("/en/accounts/two-factor/setup/", {"code": code_for(device)})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/two-factor/recovery-codes/"
    device.refresh_from_db()
    assert device.confirmed is True
    codes_page = client.get(response["Location"]).content.decode()
    assert codes_page.count("<li><code>") == 10
    account = client.get("/en/accounts/").content.decode()
    assert "You have 10 unused recovery codes." in account


def test_recovery_codes_renewed_replace_the_old_ones(client):
    user = UserFactory()
    _device, codes = enrol(user)
    sign_in(client, user)
    client.post("/en/accounts/login/code/", {"code": codes[0]})

    response = client.post("/en/accounts/two-factor/recovery-codes/")

    assert response.status_code == 302
    page = client.get("/en/accounts/two-factor/recovery-codes/").content.decode()
    assert codes[1] not in page
    assert page.count("<li><code>") == 10


def test_disable_needs_the_password_and_a_verified_session(client):
    user = UserFactory()
    _device, codes = enrol(user)
    client.force_login(user)  # no second factor in this session
    assert client.get("/en/accounts/two-factor/disable/")["Location"] == "/en/accounts/"
    client.logout()
    sign_in(client, user)
    client.post("/en/accounts/login/code/", {"code": codes[0]})

    wrong = client.post("/en/accounts/two-factor/disable/", {"password": "nope"})
    assert wrong.status_code == 200
    response = client.post("/en/accounts/two-factor/disable/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.logout()
    assert sign_in(client, user).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_account_page_needs_a_sign_in(client):
    response = client.get("/en/accounts/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/"


# --- Staff -----------------------------------------------------------------------


def test_staff_without_a_device_is_sent_to_enrol_before_the_admin(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = StaffUserFactory()

    response = sign_in(client, user, url="/ru/admin/login/", next="/ru/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/ru/admin/"
    admin = client.get("/ru/admin/")

    assert admin.status_code == 302
    assert admin["Location"] == "/ru/accounts/two-factor/setup/?next=%2Fru%2Fadmin%2F"
    assert client.get("/ru/admin/membership/user/").status_code == 302
    assert client.get("/ru/accounts/two-factor/setup/").status_code == 200


def test_staff_password_alone_never_reaches_the_admin(client, settings, clock):
    settings.STAFF_REQUIRE_2FA = True
    user = StaffUserFactory()
    device, _codes = enrol(user)
    clock.shift(dt.timedelta(seconds=30))

    response = sign_in(client, user, url="/ru/admin/login/")
    assert response["Location"] == "/ru/accounts/login/code/"
    admin = client.get("/ru/admin/")
    assert admin.status_code == 302
    assert admin["Location"].startswith("/ru/admin/login/")

    client.post("/ru/accounts/login/code/", {"code": code_for(device)})
    assert client.get("/ru/admin/").status_code == 200


def test_staff_session_without_its_second_factor_is_signed_out(client, settings):
    """A staff session that never passed the code (here: signed in by other
    means) is signed out at the admin's door and asked for the code."""
    settings.STAFF_REQUIRE_2FA = True
    user = StaffUserFactory()
    enrol(user)
    client.force_login(user)

    response = client.get("/ru/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/login/?next=/ru/admin/"
    assert "_auth_user_id" not in client.session


def test_staff_may_not_turn_a_required_second_factor_off(client, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = StaffUserFactory()
    _device, codes = enrol(user)
    sign_in(client, user)
    client.post("/en/accounts/login/code/", {"code": codes[0]})

    response = client.post("/en/accounts/two-factor/disable/", {"password": PASSWORD})

    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_staff_without_the_requirement_sign_in_with_a_password(client, settings):
    """Dev and the demo (STAFF_REQUIRE_2FA off): the admin opens as before."""
    settings.STAFF_REQUIRE_2FA = False
    user = StaffUserFactory(is_superuser=True)

    response = sign_in(client, user, url="/ru/admin/login/")

    assert response["Location"] == "/ru/admin/"
    assert client.get("/ru/admin/").status_code == 200


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/admin/login/"])
@pytest.mark.parametrize("username", ["x" * 10_000, "x" * 250 + "@example.org"])
def test_overlong_login_name_is_a_form_error_not_a_500(client, url, username):
    response = client.post(url, {"username": username, "password": "x" * 10_000})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'maxlength="254"' in response.content.decode()
