"""Two-factor authentication in Chromium: a coordinator enrols from the
account page (the key read from the page, each code computed in the test
with RFC 6238 as the app would), signs out, signs in with a code, then with
a recovery code, which fails the second time; staff required to use a
second factor land on enrolment, not in the admin. No CSP violation."""

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.browser.test_quality import (  # the public pages' quality bars, reused
    NARROW,
    _checker_problems,
    _horizontal_overflow,
    _violations,
    axe_source,  # noqa: F401 (fixture)
    vnu_command,  # noqa: F401 (fixture)
)
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"  # UserFactory's
EMAIL = "coordinator.kaz@example.org"


def app_code(secret: str, *, seconds_ahead: int = 0) -> str:
    """What an authenticator app shows for ``secret`` (base32) now, or in
    the next 30-second step: a code not yet used, since each is accepted once."""
    key = b32decode(secret + "=" * (-len(secret) % 8))
    generator = TOTP(key, 30, 0, 6, 0)
    generator.time = time.time() + seconds_ahead
    return f"{generator.token():06d}"


def sign_in_with_password(page: Page, base: str):
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=username]").fill(EMAIL)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()


def sign_out(page: Page):
    page.locator("footer").get_by_role("button", name="Sign out").click()
    expect(page.locator("footer").get_by_role("link", name="Sign in")).to_be_visible()


def test_enrol_then_sign_in_with_a_code_and_a_recovery_code_once(live_server, page: Page):
    UserFactory(email=EMAIL, full_name="Aigerim Testova")
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    base = live_server.url

    # Signed in with the password alone: no second factor yet.
    sign_in_with_password(page, base)
    page.locator("footer").get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.locator("main")).to_contain_text(EMAIL)
    page.get_by_role("link", name="Set up two-factor authentication").click()

    qr = page.get_by_role("img", name="QR code to add this account to an authenticator app")
    expect(qr).to_be_visible()
    # Its width once it has loaded (or 0 if it failed to): "visible" comes
    # before the image's bytes on a busy machine.
    width = qr.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise(resolve => {"
        " img.addEventListener('load', () => resolve(img.naturalWidth));"
        " img.addEventListener('error', () => resolve(0)); })"
    )
    assert width > 0
    secret = page.locator("#totp-secret").get_attribute("data-secret")
    page.get_by_label("Code from the app").fill(app_code(secret))
    page.get_by_role("button", name="Turn on").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    sign_out(page)

    # Password, then a code from the app.
    sign_in_with_password(page, base)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    page.get_by_label("Code").fill(app_code(secret, seconds_ahead=30))
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("footer")).to_contain_text("Signed in as Aigerim Testova")
    sign_out(page)

    # Password, then a recovery code: accepted once.
    sign_in_with_password(page, base)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("footer")).to_contain_text("Signed in as Aigerim Testova")
    page.goto(f"{base}/en/accounts/")
    expect(page.locator("main")).to_contain_text("You have 9 unused recovery codes.")
    sign_out(page)

    sign_in_with_password(page, base)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".errorlist")).to_contain_text("This code is not valid.")
    expect(page.locator("footer").get_by_role("link", name="Sign in")).to_be_visible()

    assert console_errors == []


def test_staff_password_alone_lands_on_enrolment_not_the_admin(
    live_server, page: Page, settings
):
    settings.STAFF_REQUIRE_2FA = True
    StaffUserFactory(email="editor@example.org", is_superuser=True)
    page.goto(f"{live_server.url}/ru/admin/")

    expect(page).to_have_url(f"{live_server.url}/ru/admin/login/?next=/ru/admin/")
    page.locator("input[name=username]").fill("editor@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()

    expect(page).to_have_url(
        f"{live_server.url}/ru/accounts/two-factor/setup/?next=%2Fru%2Fadmin%2F"
    )
    page.goto(f"{live_server.url}/ru/admin/membership/user/")
    expect(page).not_to_have_url(f"{live_server.url}/ru/admin/membership/user/")
    assert "/ru/accounts/two-factor/setup/" in page.url


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_account_pages_pass_axe_and_the_html_checker(
    live_server, page: Page, axe_source, vnu_command, lang, tmp_path  # noqa: F811 (fixtures)
):
    """The account and two-factor pages meet the public pages' bars: no
    WCAG 2.1 A/AA violation, no HTML error, no sideways scroll at 360 px."""
    user = UserFactory(email=EMAIL, full_name="Aigerim Testova")
    base = live_server.url
    page.set_viewport_size({"width": NARROW, "height": 800})
    sign_in_with_password(page, base)
    pages = [f"/{lang}/accounts/", f"/{lang}/accounts/two-factor/setup/"]
    problems: dict[str, list[str]] = {}
    html_files: dict[str, str] = {}

    def check(url: str, index: int):
        response = page.goto(f"{base}{url}") if url else None
        html = response.text() if response is not None else page.content()
        found = _violations(page, axe_source)
        overflow = _horizontal_overflow(page)
        if overflow > 0:
            found.append(f"scrolls sideways by {overflow}px at {NARROW}px")
        if found:
            problems[url or page.url] = found
        saved = tmp_path / f"page-{index:02d}.html"
        saved.write_text(html, encoding="utf-8")
        html_files[str(saved)] = url or page.url

    for index, url in enumerate(pages):
        check(url, index)
    secret = page.locator("#totp-secret").get_attribute("data-secret")
    page.locator("input[name=code]").fill(app_code(secret))
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{base}/{lang}/accounts/two-factor/recovery-codes/")
    more = [
        f"/{lang}/accounts/two-factor/recovery-codes/", f"/{lang}/accounts/two-factor/disable/",
        f"/{lang}/accounts/sign-out-everywhere/",
    ]
    for index, url in enumerate(more, start=len(pages)):
        check(url, index)
    page.locator("footer form button[type=submit]").click()  # sign out
    sign_in_with_password(page, base)
    page.goto(f"{base}/{lang}/accounts/login/code/")
    check(f"/{lang}/accounts/login/code/", len(pages) + len(more))
    assert user.totpdevice_set.filter(confirmed=True).count() == 1

    for url, messages in _checker_problems(vnu_command, html_files).items():
        problems.setdefault(url, []).extend(messages)

    assert problems == {}
