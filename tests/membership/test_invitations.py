"""Invitations to the portal and password reset by email: the email in the
recipient's language, a link that works once and expires."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from membership import services
from membership.enums import Language
from membership.models import NationalCoordinator, User
from tests.factories.membership import FocalPointFactory, StaffUserFactory, UserFactory

from .conftest import appoint

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

NEW_PASSWORD = "Steppe-wind-over-Almaty"


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Invite a coordinator; the email leaves when the transaction commits."""

    def send(coordinator, *, language=None):
        with django_capture_on_commit_callbacks(execute=True):
            return services.coordinator_invite(
                coordinator=coordinator, invited_by=StaffUserFactory(), language=language,
                base_url="https://portal.example.org/",
            )

    return send


def link_in(message) -> str:
    return re.search(r"https?://\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def test_coordinator_invite_in_russian(kazakhstan, invite):
    coordinator = appoint(kazakhstan)

    user = invite(coordinator)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator.kaz@example.org"]
    assert message.subject == "Приглашение на портал Алматинского процесса"
    assert message.extra_headers["Content-Language"] == "ru"
    assert "Уважаемый(ая) Айгерим Тестова!" in message.body
    assert "национальный координатор (Казахстан)" in message.body
    assert link_in(message).startswith("https://portal.example.org/ru/accounts/welcome/")
    coordinator.refresh_from_db()
    assert coordinator.user == user
    assert (user.email, user.has_usable_password()) == ("coordinator.kaz@example.org", False)
    assert user.invited_at is not None


def test_coordinator_invite_in_english(kazakhstan, invite):
    coordinator = appoint(kazakhstan)

    invite(coordinator, language=Language.ENGLISH)

    message = mail.outbox[0]
    assert message.subject == "Your invitation to the Almaty Process portal"
    assert message.extra_headers["Content-Language"] == "en"
    assert "national coordinator (Kazakhstan)" in message.body
    assert "Казахстан" not in message.body
    assert link_in(message).startswith("https://portal.example.org/en/accounts/welcome/")
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html


def test_coordinator_invite_uses_the_existing_account_language(kazakhstan, invite):
    existing = UserFactory(email="Coordinator.KAZ@example.org", preferred_language="en")
    coordinator = appoint(kazakhstan)

    user = invite(coordinator, language=Language.RUSSIAN)

    assert user == existing
    assert mail.outbox[0].subject == "Your invitation to the Almaty Process portal"


def test_coordinator_invite_without_email_is_refused(kazakhstan, invite):
    coordinator = appoint(kazakhstan, email="")

    with pytest.raises(ValidationError) as error:
        invite(coordinator)

    assert error.value.messages == [
        "У получателя (Айгерим Тестова) нет адреса электронной почты для приглашения."
    ]
    assert mail.outbox == []


def test_focal_point_invite_names_the_organisation(django_capture_on_commit_callbacks):
    focal_point = FocalPointFactory(
        full_name_ru="Мария Образцова", organisation__acronym_ru="МОМ",
        organisation__name_ru="Международная организация по миграции",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.focal_point_invite(focal_point=focal_point, invited_by=None)

    assert "контактное лицо наблюдателя (МОМ)" in mail.outbox[0].body


def test_invitation_link_sets_the_password_and_signs_in_once(kazakhstan, invite, client):
    user = invite(appoint(kazakhstan))
    link = path_of(link_in(mail.outbox[0]))

    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    client.logout()
    second = client.get(link, follow=True)
    assert second.context["validlink"] is False
    assert "Ссылка больше не действительна" in second.content.decode()


def test_invitation_link_expired_fails(kazakhstan, invite, client, settings):
    user = invite(appoint(kazakhstan))

    class FourDaysAgo(PasswordResetTokenGenerator):
        def _now(self):
            return super()._now() - datetime.timedelta(days=4)

    with translation.override("ru"):
        old_link = reverse("membership:invitation_accept", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": FourDaysAgo().make_token(user),
        })
    response = client.get(old_link, follow=True)

    assert settings.PASSWORD_RESET_TIMEOUT == 3 * 24 * 3600
    assert response.context["validlink"] is False
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_end_to_end(client):
    user = UserFactory(email="focal.iom@example.org", preferred_language="en")

    client.post("/ru/accounts/password-reset/", {"email": "FOCAL.IOM@example.org"})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Almaty Process portal: choose a new password"
    link = path_of(re.search(r"https?://\S+/reset/\S+/", message.body).group(0))
    assert link.startswith("/en/accounts/reset/")
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/en/accounts/reset/done/"
    assert client.login(email="focal.iom@example.org", password=NEW_PASSWORD)
    assert client.get(link, follow=True).context["validlink"] is False
    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)


def test_password_reset_for_an_invited_account_without_password(kazakhstan, invite, client):
    invite(appoint(kazakhstan))
    mail.outbox.clear()

    client.post("/ru/accounts/password-reset/", {"email": "coordinator.kaz@example.org"})

    assert [m.subject for m in mail.outbox] == ["Портал Алматинского процесса: выбор нового пароля"]


def test_coordinator_invite_decides_on_the_stored_term_not_the_callers_copy(
    kazakhstan, invite, english
):
    coordinator = appoint(kazakhstan, start=datetime.date(2013, 6, 5))
    stale = NationalCoordinator.objects.get(pk=coordinator.pk)
    services.coordinator_end_term(coordinator=coordinator, end=datetime.date(2019, 2, 28))

    with pytest.raises(ValidationError) as error:
        invite(stale)

    assert error.value.messages == [
        "Aigerim Testova's term has ended: only people in office are invited."
    ]
    assert (mail.outbox, User.objects.filter(email="coordinator.kaz@example.org").exists()) == (
        [], False,
    )


def test_coordinator_invite_appointed_from_a_future_date_is_allowed(kazakhstan, invite):
    future = timezone.localdate() + datetime.timedelta(days=30)
    coordinator = appoint(kazakhstan, start=future)

    user = invite(coordinator)

    assert (user.email, len(mail.outbox)) == ("coordinator.kaz@example.org", 1)


def test_coordinator_invite_is_limited_per_address_and_hour(kazakhstan, invite, english):
    coordinator = appoint(kazakhstan)
    for _ in range(services.INVITATIONS_PER_HOUR):
        invite(coordinator)

    with pytest.raises(ValidationError) as error:
        invite(coordinator)

    assert error.value.messages == [
        ("coordinator.kaz@example.org was already invited 3 times in the last hour: "
         "try again later.")
    ]
    assert len(mail.outbox) == 3


def test_coordinator_invite_limit_ends_after_an_hour(kazakhstan, invite):
    coordinator = appoint(kazakhstan)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(services.INVITATIONS_PER_HOUR):
            invite(coordinator)
        traveller.shift(datetime.timedelta(hours=1, seconds=1))

        invite(coordinator)

    assert len(mail.outbox) == 4
