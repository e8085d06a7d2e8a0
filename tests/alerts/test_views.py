"""The public pages of alerts: subscribing, the double opt-in, managing
and deleting, the one-click unsubscribe, bad links, rate limits, no
enumeration, both languages."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client

from alerts import tokens
from alerts.enums import Frequency, Topic
from alerts.models import Subscription
from alerts.services import subscriptions_purge_unconfirmed
from tests.alerts.conftest import confirmed, link_in
from tests.factories.archive import ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(slug="refugee-protection", name_en="Refugee protection",
                        name_ru="Защита беженцев")


@pytest.mark.parametrize(("lang", "heading", "button"), [
    ("ru", "Оповещения по электронной почте", "Подписаться"),
    ("en", "Email alerts", "Subscribe"),
])
def test_subscribe_page_in_both_languages(client, theme, lang, heading, button):
    response = client.get(f"/{lang}/alerts/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert f'<button type="submit" class="button">{button}</button>' in html
    assert theme.name_en in html if lang == "en" else theme.name_ru in html


def test_subscription_is_confirmed_only_by_posting_the_signed_link(client, subscribe, theme):
    confirm = subscribe(themes=[theme.slug], lang="ru")

    message = mail.outbox[0]
    assert message.subject == "Подтвердите подписку на оповещения портала Алматинского процесса"
    assert message.extra_headers["Content-Language"] == "ru"
    assert confirm.startswith("/ru/alerts/confirm/")
    row = Subscription.objects.get()
    assert (row.email, row.topic, row.value, row.language, row.confirmed_at) == (
        "reader@example.org", Topic.THEME, theme.slug, "ru", None)

    assert client.get(confirm).status_code == 200
    row.refresh_from_db()
    assert row.confirmed_at is None

    response = client.post(confirm)
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.confirmed_at is not None
    assert row.digest_covered_until == row.confirmed_at


def test_bad_confirm_link_gets_a_clear_page(client, subscribe, theme):
    confirm = subscribe(themes=[theme.slug])
    tampered = confirm[:-3] + ("A" if confirm[-3] != "A" else "B") + confirm[-2:]

    for path in (tampered, "/en/alerts/confirm/garbage/", "/en/alerts/manage/x:y:z/",
                 "/en/alerts/unsubscribe/nothing/"):
        response = client.get(path)
        assert response.status_code == 400
        assert "<h1>This link cannot be used</h1>" in response.content.decode()
        assert client.post(path).status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_expired_confirm_link_gets_a_clear_page_in_russian(client, subscribe, theme):
    confirm = subscribe(themes=[theme.slug], lang="ru")

    with time_machine.travel(datetime.timedelta(days=8)):
        response = client.post(confirm)

    assert response.status_code == 400
    assert "<h1>Этой ссылкой нельзя воспользоваться</h1>" in response.content.decode()


def test_same_answer_whether_or_not_the_address_is_subscribed(client, subscribe, theme):
    confirmed(topic=Topic.THEME, value=theme.slug)
    data = {"email": "reader@example.org", "frequency": "daily", "language": "en",
            "themes": [theme.slug]}
    known = client.post("/en/alerts/", data)
    unknown = client.post("/en/alerts/", {**data, "email": "new@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/alerts/sent/"
    assert client.get(known["Location"]).status_code == 200


def test_already_followed_topic_gets_the_manage_link_not_a_second_row(
        subscribe, theme, django_capture_on_commit_callbacks, client):
    confirmed(topic=Topic.THEME, value=theme.slug, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/alerts/", {"email": "Reader@Example.org ", "frequency": "daily",
                                    "language": "en", "themes": [theme.slug]})

    assert Subscription.objects.get().frequency == Frequency.WEEKLY
    assert mail.outbox[0].subject == "Your alerts from the Almaty Process portal"
    assert link_in(mail.outbox[0], "manage")


def test_form_without_a_topic_or_with_a_bad_email_keeps_the_input(client, theme):
    response = client.post("/en/alerts/", {"email": "not an address", "frequency": "weekly",
                                           "language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="not an address"' in html
    assert "Enter a valid email address." in html

    response = client.post("/en/alerts/", {"email": "a@example.org", "frequency": "weekly",
                                           "language": "en"})
    assert "Choose at least one thing to follow" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_saved_search_from_the_archive_link(client, subscribe):
    response = client.get("/en/alerts/?search=q%3Dborders%26type%3Dreport%26page%3D2")
    html = response.content.decode()
    assert 'name="follow_search"' in html
    assert "Archive search: «borders»" in html

    subscribe(search="q=borders&type=report&page=2", follow_search="on")

    assert Subscription.objects.get().value == "q=borders&type=report"


def test_archive_page_links_to_save_the_search(client):
    html = client.get("/en/archive/?q=borders").content.decode()

    assert '<a href="/en/alerts/?search=q%3Dborders">' in html


def test_rate_limit_per_address_answers_the_same_and_sends_nothing(
        client, settings, theme, django_capture_on_commit_callbacks):
    settings.ALERTS_LIMIT_PER_ADDRESS = 2
    data = {"email": "target@example.org", "frequency": "daily", "language": "en",
            "themes": [theme.slug]}
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post("/en/alerts/", data, REMOTE_ADDR=f"10.0.0.{n}")["Location"]
                   for n in range(4)]

    assert answers == ["/en/alerts/sent/"] * 4
    assert len(mail.outbox) == 2


def test_rate_limit_per_client_refuses_with_429_and_keeps_the_input(client, settings, theme):
    settings.ALERTS_LIMIT_PER_CLIENT = 2
    for n in range(2):
        client.post("/en/alerts/", {"email": f"p{n}@example.org", "frequency": "daily",
                                    "language": "en", "themes": [theme.slug]})

    response = client.post("/en/alerts/", {"email": "p9@example.org", "frequency": "daily",
                                           "language": "en", "themes": [theme.slug]})

    assert response.status_code == 429
    assert 'value="p9@example.org"' in response.content.decode()
    assert Subscription.objects.filter(email="p9@example.org").count() == 0


def test_manage_page_lists_and_deletes_after_asking(client):
    state = ParticipantStateFactory(iso3="KGZ", name_en="Kyrgyz Republic")
    row = confirmed(topic=Topic.STATE, value="kgz")
    confirmed(email="other@example.org", topic=Topic.STATE, value="kgz")
    token = tokens.make("manage", email="reader@example.org")

    html = client.get(f"/en/alerts/manage/{token}/").content.decode()
    assert f"State concerned: {state.name_en}" in html
    delete = f"/en/alerts/manage/{token}/delete/{row.pk}/"
    assert delete in html

    assert client.get(delete).status_code == 200
    assert Subscription.objects.count() == 2
    response = client.post(delete)
    assert response.status_code == 302
    assert list(Subscription.objects.values_list("email", flat=True)) == ["other@example.org"]


def test_manage_link_cannot_delete_another_address(client):
    other = confirmed(email="other@example.org", topic=Topic.THEME, value="x")
    token = tokens.make("manage", email="reader@example.org")

    assert client.post(f"/en/alerts/manage/{token}/delete/{other.pk}/").status_code == 404
    assert Subscription.objects.count() == 1


def test_one_click_unsubscribe_post_needs_no_csrf_token_and_get_only_asks(client):
    row = confirmed(topic=Topic.THEME, value="x")
    path = f"/en/alerts/unsubscribe/{tokens.make('unsubscribe', email=row.email, ids=[row.pk])}/"
    strict = Client(enforce_csrf_checks=True)

    assert strict.get(path).status_code == 200
    assert Subscription.objects.count() == 1

    response = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_manage_link_request_sends_only_to_known_addresses(
        client, django_capture_on_commit_callbacks):
    confirmed(topic=Topic.THEME, value="x")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/ru/alerts/manage/", {"email": "reader@example.org"})
        unknown = client.post("/ru/alerts/manage/", {"email": "nobody@example.org"})

    assert known["Location"] == unknown["Location"] == "/ru/alerts/sent/"
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert client.get(link_in(mail.outbox[0], "manage")).status_code == 200


def test_unconfirmed_subscriptions_are_deleted_after_seven_days():
    Subscription.objects.create(email="late@example.org", topic=Topic.THEME, value="x")
    keep = confirmed(topic=Topic.THEME, value="x")

    with time_machine.travel(datetime.timedelta(days=6, hours=23)):
        assert subscriptions_purge_unconfirmed() == 0
    with time_machine.travel(datetime.timedelta(days=7, minutes=1)):
        assert subscriptions_purge_unconfirmed() == 1

    assert list(Subscription.objects.all()) == [keep]


def test_long_cyrillic_search_is_kept_and_an_overlong_one_refused_without_error(
        client, subscribe):
    from django.utils.http import urlencode

    query = ("беженцы " * 25).strip()
    subscribe(search=urlencode({"q": query}), follow_search="on")
    assert Subscription.objects.get().value == urlencode({"q": query})

    response = client.post("/en/alerts/", {"email": "b@example.org", "frequency": "daily",
                                           "language": "en", "search": "q=" + "я" * 5000,
                                           "follow_search": "on"})
    assert response.status_code == 200
    assert Subscription.objects.filter(email="b@example.org").count() == 0
