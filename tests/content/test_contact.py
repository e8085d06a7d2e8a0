import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.signing import TimestampSigner

from content.forms import ContactForm
from content.models import ContactDetails, ContactMessage
from content.services import contact_message_notify, contact_message_submit
from content.tasks import notify_contact_message
from tests.content.conftest import text_of
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/{lang}/contact/"


def stamp(seconds_ago: int = 60) -> str:
    """The form's signed time stamp, as if shown ``seconds_ago``."""
    shown = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=seconds_ago)
    with time_machine.travel(shown, tick=False):
        return TimestampSigner(salt=ContactForm.SALT).sign("contact")


def form_data(**overrides) -> dict:
    data = {
        "name": "Айгерим Сапарова", "email": "a.saparova@example.org",
        "organisation": "Министерство труда", "subject": "Региональный семинар",
        "message": "Когда состоится следующий семинар по реинтеграции?",
        "website": "", "started": stamp(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def staff_reader():
    """Staff allowed to read contact messages, who prefers English."""
    user = StaffUserFactory(email="editor@example.org", preferred_language="en")
    user.user_permissions.add(Permission.objects.get(codename="view_contactmessage"))
    return user


# --- The page ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ["Связаться со Службой поддержки", "Алматы, Казахстан", "Отправить сообщение"]),
     ("en", ["Contact the Support Unit", "Almaty, Kazakhstan", "Send the message"])],
)
def test_contact_page_shows_the_address_and_the_form(client, lang, expected):
    response = client.get(URL.format(lang=lang))

    assert response.status_code == 200
    page = text_of(response)
    assert [text for text in expected if text not in page] == []


def test_contact_page_shows_the_details_the_secretariat_edits(client):
    ContactDetails.objects.filter(pk=1).update(
        address_en="Business centre, Almaty", email="su@example.org", phone="+7 727 000 00 00",
    )

    response = client.get("/en/contact/")

    content = response.content.decode()
    assert "Business centre, Almaty" in content
    assert '<a href="mailto:su@example.org">su@example.org</a>' in content
    assert '<a href="tel:+77270000000">+7 727 000 00 00</a>' in content


def test_contact_page_hides_the_honeypot_from_people(client):
    content = client.get("/ru/contact/").content.decode()

    assert '<div class="contact-hp" aria-hidden="true">' in content
    assert 'name="website"' in content


# --- Sending ------------------------------------------------------------------------

def test_contact_message_is_stored_and_staff_notified_in_their_language(
    client, staff_reader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ru/contact/", form_data())

    assert response.status_code == 302
    assert response["Location"] == "/ru/contact/"
    message = ContactMessage.objects.get()
    assert (message.name, message.language, message.is_read, message.notified_at is not None) == (
        "Айгерим Сапарова", "ru", False, True,
    )
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["editor@example.org"]
    assert email.reply_to == ["a.saparova@example.org"]
    assert email.subject == (
        "Almaty Process portal: message from the contact form: Региональный семинар"
    )
    assert "Когда состоится следующий семинар по реинтеграции?" in email.body
    assert f"http://testserver/en/admin/content/contactmessage/{message.pk}/change/" in email.body


def test_contact_after_sending_the_page_thanks_the_sender(client):
    response = client.post("/en/contact/", form_data(), follow=True)

    assert "your message has been sent to the Support Unit" in text_of(response)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", "Введите правильный адрес электронной почты."),
     ("en", "Enter a valid email address.")],
)
def test_contact_bad_email_is_a_translated_error_that_keeps_the_text(client, lang, expected):
    response = client.post(URL.format(lang=lang), form_data(email="not-an-address"))

    assert response.status_code == 200
    assert expected in text_of(response)
    content = response.content.decode()
    assert "Когда состоится следующий семинар по реинтеграции?" in content
    assert 'value="Айгерим Сапарова"' in content
    assert ContactMessage.objects.count() == 0


def test_contact_sent_too_quickly_is_refused_with_the_text_kept(client):
    response = client.post("/en/contact/", form_data(started=stamp(seconds_ago=1)))

    assert response.status_code == 200
    assert "sent too quickly to be checked" in text_of(response)
    assert "Когда состоится следующий семинар по реинтеграции?" in response.content.decode()
    assert ContactMessage.objects.count() == 0


def test_contact_with_a_forged_or_old_stamp_is_refused(client):
    forged = client.post("/en/contact/", form_data(started="contact:1:forged"))
    old = client.post("/en/contact/", form_data(started=stamp(seconds_ago=2 * 24 * 3600)))

    assert "could not be checked" in text_of(forged)
    assert "open for more than a day" in text_of(old)
    assert ContactMessage.objects.count() == 0


def test_contact_the_form_shown_again_carries_a_fresh_stamp(client):
    response = client.post("/en/contact/", form_data(email="bad"))

    fresh = response.context["form"].fresh_started
    assert f'name="started" value="{fresh}"' in response.content.decode()


def test_contact_with_the_honeypot_filled_stores_nothing(client):
    response = client.post("/ru/contact/", form_data(website="http://spam.example"))

    assert response.status_code == 200
    assert "похоже на автоматическое" in text_of(response)
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_contact_is_limited_per_client_address_per_hour(client):
    for number in range(5):
        client.post("/ru/contact/", form_data(subject=f"Вопрос {number}"),
                    REMOTE_ADDR="203.0.113.7")

    refused = client.post("/en/contact/", form_data(subject="Sixth"), REMOTE_ADDR="203.0.113.7")
    other = client.post("/en/contact/", form_data(subject="Other"), REMOTE_ADDR="203.0.113.8")

    assert refused.status_code == 429
    assert "Too many messages have been sent from your address" in text_of(refused)
    assert "Sixth" in refused.content.decode()
    assert other.status_code == 302
    assert ContactMessage.objects.count() == 6


# --- The task -----------------------------------------------------------------------

def test_notify_task_runs_once_per_message(staff_reader):
    message = ContactMessage.objects.create(
        name="A", email="a@example.org", subject="S", message="M", language="en",
    )

    first = notify_contact_message.delay(message.pk).get()
    second = notify_contact_message.delay(message.pk).get()

    assert (first, second, len(mail.outbox)) == (1, 0, 1)


def test_notify_writes_to_each_reader_in_their_own_language(staff_reader):
    russian = StaffUserFactory(email="ru@example.org", preferred_language="ru",
                               is_superuser=True)
    UserFactory(email="visitor@example.org")  # not staff: never told
    StaffUserFactory(email="other@example.org")  # staff without the permission
    message = ContactMessage.objects.create(
        name="A", email="a@example.org", subject="Вопрос", message="M", language="ru",
    )

    sent = contact_message_notify(message_id=message.pk, base_url="https://portal.example")

    subjects = {email.to[0]: email.subject for email in mail.outbox}
    assert sent == 2
    assert subjects == {
        "editor@example.org": "Almaty Process portal: message from the contact form: Вопрос",
        russian.email: "Портал Алматинского процесса: сообщение через форму связи: Вопрос",
    }


def test_notify_task_skips_a_message_deleted_meanwhile():
    assert notify_contact_message.delay(987654).get() == 0


def test_submit_service_trims_and_validates():
    message = contact_message_submit(
        name=" A ", email="a@example.org", subject=" S ", message=" M ", language="ru",
    )

    assert (message.name, message.subject, message.message) == ("A", "S", "M")


# --- Admin --------------------------------------------------------------------------------

def test_admin_lists_unread_messages_and_opening_one_marks_it_read(client, superuser):
    message = ContactMessage.objects.create(
        name="Айгерим", email="a@example.org", subject="Вопрос о семинаре", message="Текст",
        language="ru",
    )

    listing = client.get("/ru/admin/content/contactmessage/", {"is_read__exact": "0"})
    opened = client.get(f"/ru/admin/content/contactmessage/{message.pk}/change/")

    assert "Вопрос о семинаре" in text_of(listing)
    assert opened.status_code == 200
    message.refresh_from_db()
    assert (message.is_read, message.read_by) == (True, superuser)


def test_admin_marks_messages_unread_again(client, superuser):
    message = ContactMessage.objects.create(
        name="A", email="a@example.org", subject="S", message="M", language="ru", is_read=True,
    )

    client.post("/ru/admin/content/contactmessage/", {
        "action": "mark_unread", "_selected_action": [message.pk],
    })

    message.refresh_from_db()
    assert (message.is_read, message.read_at) == (False, None)


def test_admin_contact_details_are_edited_not_added(client, superuser):
    add = client.get("/ru/admin/content/contactdetails/add/")
    change = client.post("/ru/admin/content/contactdetails/1/change/", {
        "address_ru": "Алматы, ул. Примерная, 1", "address_en": "1 Example St, Almaty",
        "email": "su@example.org", "phone": "",
    })

    assert add.status_code == 403
    assert change.status_code == 302
    assert ContactDetails.objects.get().address_en == "1 Example St, Almaty"


def test_notify_reaches_staff_given_the_permission_through_a_group():
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Contact readers")
    group.permissions.add(Permission.objects.get(codename="view_contactmessage"))
    reader = StaffUserFactory(email="group.reader@example.org")
    reader.groups.add(group)
    message = ContactMessage.objects.create(
        name="A", email="a@example.org", subject="S", message="M", language="ru",
    )

    contact_message_notify(message_id=message.pk)

    assert [email.to for email in mail.outbox] == [["group.reader@example.org"]]
