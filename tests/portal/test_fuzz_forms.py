"""Fuzzing the public and coordinators' forms with hypothesis (issue 22,
item 16): generated text (any Unicode, Cyrillic, control characters, NUL,
very long strings, HTML and JavaScript, numbers as text) goes through the
Django test client into every form a visitor, a coordinator or an
observer's link can send, and into the query strings of search and the
list filters. No answer is a 5xx, and nothing is shown unescaped: a
payload never comes back raw in a page, and a value that was stored
shows escaped on the page that displays it.

The examples are derandomised (``derandomize=True``, no example
database), so every run and CI try the same inputs. ``EXAMPLES`` counts
them (reported in the closing note of issue 22).
"""

from __future__ import annotations

import datetime
import html

import pytest
import time_machine
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signing import TimestampSigner
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from actionplan.models import ProgressNote
from content.forms import ContactForm
from content.models import ContactMessage
from meetings.enums import Consent, MeetingStatus
from meetings.invitations import invitation_token
from meetings.models import Delegate, Delegation
from membership.enums import OrganisationKind
from tests.factories.actionplan import (
    ActionFactory,
    AreaFactory,
    PlanFactory,
    ReportingRoundFactory,
)
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.briefings import pdf_bytes
from tests.factories.meetings import DelegateFactory, MeetingFactory, ObserverInvitationFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Payloads that must never come back raw. Each is unique to this file, so
# finding one in a page can only mean it was echoed unescaped.
PAYLOADS = [
    '<script>alert("almaty-xss-1")</script>',
    "<img src=x onerror=alert('almaty-xss-2')>",
    '"><svg onload=alert(`almaty-xss-3`)>',
    "</textarea><script>almaty_xss_4()</script>",
    "javascript:alert('almaty-xss-5')//<b>",
    "<a href='javascript:almaty_xss_6()'>Жми</a>",
]

CYRILLIC = st.characters(min_codepoint=0x0400, max_codepoint=0x04FF)
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F)

# Text of every kind a form may receive.
TEXT = st.one_of(
    st.text(max_size=60),                                   # any Unicode (no surrogates)
    st.text(alphabet=CYRILLIC, min_size=1, max_size=40),     # Russian, Kazakh letters
    st.text(alphabet=CONTROL, min_size=1, max_size=8),       # control characters, NUL
    st.sampled_from(PAYLOADS),                               # HTML and JavaScript
    st.integers().map(str),                                  # numbers as text
    st.floats(allow_nan=True).map(str),
    st.tuples(st.sampled_from(["А", "z", "\x00", "<", "é", "𝔘"]),
              st.integers(min_value=300, max_value=20_000)).map(lambda t: t[0] * t[1]),  # long
    st.tuples(st.text(alphabet=CYRILLIC, max_size=10), st.sampled_from(PAYLOADS),
              st.text(max_size=10)).map("".join),            # a payload inside words
)

# Shared by every test: fixed examples, no 5xx tolerated, a minute or two in all.
EXAMPLES = 40
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def assert_sound(response) -> str:
    """No server error, and no payload raw in the page; the page's text."""
    assert response.status_code < 500, response.status_code
    if currently_in_test_context():  # counted in --hypothesis-show-statistics
        event(f"{response.request['REQUEST_METHOD']} answered {response.status_code}")
    page = body_of(response)
    echoed = [payload for payload in PAYLOADS if payload in page]
    assert echoed == []
    return page


def assert_shown_escaped(page: str, value: str) -> None:
    """A stored payload shows escaped where it is displayed."""
    if value in PAYLOADS:
        assert html.escape(value) in page
        event("a stored payload shown escaped")


# --- Registration of a delegation (coordinator) -----------------------------------

def _open_meeting():
    now = timezone.now()
    start = timezone.localdate() + datetime.timedelta(days=30)
    return MeetingFactory(
        status=MeetingStatus.REGISTRATION_OPEN, start=start,
        end=start + datetime.timedelta(days=1),
        registration_opens=now - datetime.timedelta(days=1),
        registration_closes=now + datetime.timedelta(days=10), max_delegation_size=1000,
    )


@pytest.fixture
def meeting():
    return _open_meeting()


@pytest.fixture
def coordinator(client):
    state = ParticipantStateFactory(name_en="Kazakhstan", iso2="KZ", iso3="KAZ")
    user = UserFactory()
    NationalCoordinatorFactory(state=state, user=user, email=user.email)
    client.force_login(user)
    return user


VALID_DELEGATE = {
    "surname_cyrillic": "Ахметов", "given_names_cyrillic": "Ерлан",
    "surname_latin": "Akhmetov", "given_names_latin": "Erlan", "position": "Director",
    "agency": "Ministry of Labour", "email": "delegate@example.kz", "role": "delegate",
    "preferred_language": "ru", "dietary_needs": "", "accessibility_needs": "",
}


def fuzzed(valid: dict[str, str], *, choices: dict | None = None):
    """A valid form with up to three of its fields replaced by generated
    text (a choice field by one of its values or by text): most examples
    reach the service and the database, the others its error messages."""
    values = dict.fromkeys(valid, TEXT)
    for name, options in (choices or {}).items():
        values[name] = st.one_of(st.sampled_from(options), TEXT)
    return st.lists(st.sampled_from(sorted(values)), min_size=1, max_size=3, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: values[name] for name in names})
    ).map(lambda overrides: {**valid, **overrides})


delegate_data = fuzzed(VALID_DELEGATE, choices={
    "role": ["delegate", "head", "adviser"], "preferred_language": ["ru", "en"],
    "email": ["делегат@пример.рф", "a@b.c"],
})


def _check_delegate_post(client, response, delegation_url, data) -> None:
    assert_sound(response)
    if response.status_code == 302:
        page = assert_sound(client.get(delegation_url))
        for value in data.values():
            if len(value) < 200:  # long names are cut on the page
                assert_shown_escaped(page, value.strip())


def test_payloads_in_a_delegate_are_stored_as_typed_and_shown_escaped(
        client, meeting, coordinator):
    """The generated examples' check made certain: payloads in the fields
    the delegation's page shows are stored as typed (not escaped twice, not
    stripped) and come back escaped."""
    data = {**VALID_DELEGATE, "position": PAYLOADS[0], "agency": PAYLOADS[1]}

    response = client.post(reverse("meetings:delegate_add", kwargs={"slug": meeting.slug}),
                           data)

    assert response.status_code == 302
    assert Delegate.objects.values_list("position", "agency").get() == (PAYLOADS[0], PAYLOADS[1])
    page = assert_sound(client.get(reverse("meetings:delegation",
                                           kwargs={"slug": meeting.slug})))
    assert html.escape(PAYLOADS[0]) in page
    assert html.escape(PAYLOADS[1]) in page


@FUZZ
@given(data=delegate_data)
@example(data={**VALID_DELEGATE, "position": PAYLOADS[4], "agency": PAYLOADS[0]})
def test_fuzz_delegate_add(client, meeting, coordinator, data):
    response = client.post(reverse("meetings:delegate_add", kwargs={"slug": meeting.slug}), data)

    _check_delegate_post(client, response,
                         reverse("meetings:delegation", kwargs={"slug": meeting.slug}), data)
    Delegate.objects.filter(meeting=meeting).delete()


@FUZZ
@given(data=delegate_data)
@example(data={**VALID_DELEGATE, "position": PAYLOADS[2], "agency": PAYLOADS[3]})
def test_fuzz_delegate_edit(client, meeting, coordinator, data):
    delegation, _ = Delegation.objects.get_or_create(
        meeting=meeting, state=coordinator.coordinator_terms.get().state)
    delegate = DelegateFactory(delegation=delegation)
    url = reverse("meetings:delegate_edit", kwargs={"slug": meeting.slug, "pk": delegate.pk})

    response = client.post(url, data)

    _check_delegate_post(client, response,
                         reverse("meetings:delegation", kwargs={"slug": meeting.slug}), data)
    Delegate.objects.filter(pk=delegate.pk).delete()


# --- A coordinator's own contact details ---------------------------------------------

VALID_CONTACTS = {"position_ru": "Директор", "position_en": "Director",
                  "agency_ru": "Министерство труда", "agency_en": "Ministry of Labour",
                  "email": "coordinator@example.kz", "phone": "+7 727 000 00 00"}


@FUZZ
@given(data=fuzzed(VALID_CONTACTS))
@example(data={**VALID_CONTACTS, "position_en": PAYLOADS[0], "agency_en": PAYLOADS[1]})
def test_fuzz_coordinator_contacts(client, coordinator, data):
    response = client.post("/en/states/kaz/coordinator/", data)

    assert_sound(response)
    if response.status_code == 302:
        # Shown to signed-in coordinators on the state's page.
        page = assert_sound(client.get("/en/states/kaz/"))
        for name in ("position_en", "agency_en"):
            if len(data[name]) < 200:
                assert_shown_escaped(page, data[name].strip())


# --- Observers' registration through the signed link ------------------------------

@pytest.fixture
def invitation(meeting):
    return ObserverInvitationFactory(
        meeting=meeting, organisation=OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY),
        consent=Consent.GIVEN, consent_date=timezone.localdate(), consent_how="No objection",
        max_delegation_size=1000,
    )


@FUZZ
@given(data=delegate_data)
@example(data={**VALID_DELEGATE, "position": PAYLOADS[4], "agency": PAYLOADS[5]})
def test_fuzz_observer_registration_through_the_link(client, meeting, invitation, data):
    kwargs = {"token": invitation_token(invitation), "slug": meeting.slug}

    response = client.post(reverse("meetings:invited_delegate_add", kwargs=kwargs), data)

    _check_delegate_post(client, response,
                         reverse("meetings:invited_delegation", kwargs=kwargs), data)
    Delegate.objects.filter(meeting=meeting).delete()


@FUZZ
@given(token=TEXT)
def test_fuzz_observer_link_token(client, meeting, invitation, token):
    """A forged or mangled token is not found, whatever it holds."""
    url = f"/ru/observer-registration/{_path_segment(token)}/{meeting.slug}/"

    response = client.get(url)

    assert_sound(response)
    assert response.status_code == 404


def _path_segment(text: str) -> str:
    from urllib.parse import quote

    return quote(text.replace("/", ""), safe="") or "x"


# --- Note verbale: the upload's name, type and bytes --------------------------------

@FUZZ
@given(name=TEXT, content_type=st.one_of(st.sampled_from(
    ["application/pdf", "text/html", "application/octet-stream", ""]), TEXT),
    real_pdf=st.booleans(), prefix=st.sampled_from([b"", b"%PDF-1.7\n", b"<html>"]))
def test_fuzz_note_verbale_upload(client, meeting, coordinator, name, content_type, real_pdf,
                                  prefix):
    content = pdf_bytes(1) if real_pdf else prefix + name.encode("utf-8", "replace")[:2000]
    filename = (name.replace("\x00", "") or "x")[:300]
    try:
        upload = SimpleUploadedFile(filename, content, content_type=content_type)
    except (ValueError, UnicodeEncodeError):
        return  # not a request a client library can make
    url = reverse("meetings:credentials", kwargs={"slug": meeting.slug})

    response = client.post(url, {"credentials": upload})

    page = assert_sound(response)
    assert response.status_code in (302, 400), page[:300]
    if response.status_code == 302:
        download = client.get(url)
        assert download.status_code == 200
        assert_sound(client.get(reverse("meetings:delegation", kwargs={"slug": meeting.slug})))


# --- Contact form -------------------------------------------------------------------

def _stamp() -> str:
    shown = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=60)
    with time_machine.travel(shown, tick=False):
        return TimestampSigner(salt=ContactForm.SALT).sign("contact")


@pytest.fixture
def contact_reader():
    return StaffUserFactory(is_superuser=True)


@FUZZ
@given(data=fuzzed({
    "name": "Айгерим Сапарова", "email": "reader@example.org", "organisation": "Минтруд",
    "subject": "Семинар", "message": "Когда состоится семинар?", "website": "",
}))
@example(data={"name": PAYLOADS[0], "email": "reader@example.org", "organisation": PAYLOADS[1],
               "subject": PAYLOADS[2], "message": PAYLOADS[3], "website": ""})
def test_fuzz_contact_form(client, settings, contact_reader, data):
    settings.CONTACT_MESSAGES_PER_HOUR = 10_000
    data = {**data, "started": _stamp()}
    client.logout()

    response = client.post("/en/contact/", data)

    assert_sound(response)
    if response.status_code == 302:
        message = ContactMessage.objects.latest("pk")
        client.force_login(contact_reader)
        page = assert_sound(client.get(
            reverse("admin:content_contactmessage_change", args=[message.pk])))
        for name in ("name", "subject", "organisation"):
            if len(data[name]) < 200:
                assert_shown_escaped(page, data[name].strip())
        message.delete()


def test_payloads_in_a_contact_message_are_stored_as_typed_and_shown_escaped(
        client, contact_reader):
    data = {"name": PAYLOADS[0], "email": "reader@example.org", "organisation": PAYLOADS[1],
            "subject": PAYLOADS[2], "message": PAYLOADS[3], "website": "", "started": _stamp()}

    assert client.post("/en/contact/", data).status_code == 302

    message = ContactMessage.objects.get()
    assert (message.name, message.subject, message.message) == (
        PAYLOADS[0], PAYLOADS[2], PAYLOADS[3])
    client.force_login(contact_reader)
    page = assert_sound(client.get(
        reverse("admin:content_contactmessage_change", args=[message.pk])))
    assert html.escape(PAYLOADS[0]) in page
    assert html.escape(PAYLOADS[2]) in page


# --- Search and the lists' filters (query strings) ----------------------------------

@pytest.fixture
def searchable():
    theme = ThemeFactory()
    state = ParticipantStateFactory(name_en="Kazakhstan", iso2="KZ", iso3="KAZ")
    DocumentFactory(themes=[theme], states=[state])
    MeetingFactory(themes=[theme])


QUERY_VALUE = st.one_of(TEXT, st.sampled_from(["1", "-1", "0", "2024", "99999999999999999999",
                                               "2024-02-30", "kaz", "report", "ru", "date"]))


@FUZZ
@given(path=st.sampled_from([
    "/ru/search/", "/en/search/", "/ru/archive/", "/en/archive/", "/ru/meetings/",
    "/ru/news/", "/ru/projects/", "/ru/action-plan/progress/", "/ru/action-plan/progress.csv",
    "/ru/archive/feed/rss/", "/ru/states/",
]), query=st.dictionaries(st.sampled_from([
    "q", "type", "year", "date_from", "date_to", "theme", "state", "language", "sort",
    "page", "kind", "round", "p",
]), QUERY_VALUE, max_size=5))
def test_fuzz_search_and_filters(client, searchable, path, query):
    response = client.get(path, query)

    assert_sound(response)
    assert response.status_code in (200, 301, 302, 400, 404)


# --- Action plan: the coordinator's progress report ----------------------------------

@pytest.fixture
def open_round(coordinator):
    plan = PlanFactory(version=1)
    area = AreaFactory(plan=plan, number=1)
    actions = [ActionFactory(area=area, order=n) for n in (1, 2)]
    ReportingRoundFactory(plan=plan, opened_on=datetime.date(2024, 8, 1))
    return actions


VALID_REPORT = {"status": "in_progress", "visibility": "public", "timeline": "2024–2026",
                "body": "Министерство труда", "note": "Закон принят", "documents": ""}


@FUZZ
@given(answer=fuzzed(VALID_REPORT, choices={"status": ["done", "not_started"],
                                            "visibility": ["participants"]}),
       organisations=st.lists(st.one_of(st.integers().map(str), TEXT), max_size=2))
@example(answer={**VALID_REPORT, "timeline": PAYLOADS[0], "body": PAYLOADS[1],
                 "note": PAYLOADS[2]}, organisations=[])
def test_fuzz_progress_report(client, open_round, answer, organisations):
    action = open_round[0]
    data = {f"status_{a.pk}": "not_started" for a in open_round}
    data.update({f"visibility_{a.pk}": "participants" for a in open_round})
    data.update({f"{name}_{action.pk}": value for name, value in answer.items()})
    data[f"organisations_{action.pk}"] = organisations

    response = client.post(reverse("actionplan:report"), data)

    assert_sound(response)
    if response.status_code == 302:
        page = assert_sound(client.get(reverse("actionplan:report")))
        for name in ("timeline", "body"):
            if len(answer[name]) < 200:
                assert_shown_escaped(page, answer[name].strip())
    ProgressNote.objects.all().delete()


# --- Sign-in and password reset ------------------------------------------------------

@FUZZ
@given(username=TEXT, password=TEXT, path=st.sampled_from(
    ["/ru/accounts/login/", "/en/accounts/login/", "/ru/admin/login/"]))
def test_fuzz_login(client, path, username, password):
    response = client.post(path, {"username": username, "password": password},
                           REMOTE_ADDR="203.0.113.9")

    assert_sound(response)


@FUZZ
@given(email=TEXT)
def test_fuzz_password_reset(client, email):
    response = client.post("/ru/accounts/password-reset/", {"email": email},
                           REMOTE_ADDR="203.0.113.10")

    assert_sound(response)


@FUZZ
@given(password=TEXT, confirmation=st.one_of(st.none(), TEXT))
def test_fuzz_password_reset_confirm(client, password, confirmation):
    """The new password through an emailed link (the same form sets an
    invited account's first password)."""
    user = UserFactory()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = client.get(f"/ru/accounts/reset/{uid}/{default_token_generator.make_token(user)}/")
    assert link.status_code == 302

    response = client.post(link["Location"], {
        "new_password1": password,
        "new_password2": password if confirmation is None else confirmation,
    })

    assert_sound(response)
    assert response.status_code in (200, 302)
