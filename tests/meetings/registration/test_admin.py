"""Accreditation by the secretariat in the admin: actions and the inline,
each decision emailed; every delegation listed."""

from __future__ import annotations

import datetime
import html
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.utils.html import strip_tags

from meetings.enums import Accreditation, Consent, DelegateRole, DelegationStatus
from meetings.models import Delegate
from meetings.services.accreditation import delegate_decide_accreditation
from membership.enums import OrganisationKind
from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.meetings import DelegateFactory, DelegationFactory, ObserverInvitationFactory
from tests.factories.membership import OrganisationFactory, StaffUserFactory

from .conftest import coordinator_of

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/meetings/delegate/"


@pytest.fixture
def editor(client):
    user = StaffUserFactory()
    user.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(user)
    return user


def test_approve_action_approves_and_emails(client, editor, mailoutbox,
                                            django_capture_on_commit_callbacks):
    delegate = DelegateFactory(preferred_language="en")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHANGELIST, {"action": "approve", "_selected_action": [delegate.pk]})

    delegate.refresh_from_db()
    assert response.status_code == 302
    assert (delegate.accreditation, delegate.accreditation_decided_by) == (
        Accreditation.APPROVED, editor,
    )
    assert [m.subject for m in mailoutbox] == [
        f"Accreditation approved: {delegate.meeting.title_en}"
    ]


def test_approve_action_emails_the_coordinator_once_per_delegation(
    client, editor, meeting, kazakhstan, mailoutbox, django_capture_on_commit_callbacks,
):
    """Issue 24: the coordinator got one email per delegate decided; now
    one per action and delegation, naming each decision."""
    coordinator_of(kazakhstan, language="en")
    delegation = DelegationFactory(meeting=meeting, state=kazakhstan)
    delegates = [DelegateFactory(delegation=delegation, surname_latin=name, given_names_latin="A",
                                 preferred_language="en") for name in ("Abaev", "Bekov", "Sadykov")]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "approve",
                                 "_selected_action": [d.pk for d in delegates]})

    to_delegates, (to_coordinator,) = mailoutbox[:3], mailoutbox[3:]
    assert [m.to for m in to_delegates] == [[d.email] for d in delegates]
    assert to_coordinator.subject == f"Accreditation decisions: {meeting.title_en}"
    assert [line for line in to_coordinator.body.splitlines() if line.startswith("- ")] == [
        "- A Abaev: approved", "- A Bekov: approved", "- A Sadykov: approved",
    ]


def _delegate_post(delegate, **changes) -> dict:
    data = {name: getattr(delegate, name) for name in (
        "surname_cyrillic", "given_names_cyrillic", "surname_latin", "given_names_latin",
        "position", "agency", "email", "role", "preferred_language", "dietary_needs",
        "accessibility_needs")}
    return {**data, **changes}


def test_delegate_named_head_in_admin_asks_to_confirm_then_swaps(client, editor):
    """Issue 24: the Support Unit too is told what naming a new head does,
    and nothing changes until it ticks the confirmation."""
    delegation = DelegationFactory(status=DelegationStatus.SUBMITTED)
    DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, given_names_latin="Askar",
                    surname_latin="Nurlanov")
    other = DelegateFactory(delegation=delegation, given_names_latin="Anna",
                            surname_latin="Petrova")
    url = f"/en/admin/meetings/delegate/{other.pk}/change/"

    asked = client.post(url, _delegate_post(other, role=DelegateRole.HEAD))
    roles_after_asking = sorted(delegation.delegates.values_list("surname_latin", "role"))
    done = client.post(url, _delegate_post(other, role=DelegateRole.HEAD,
                                           confirm_head_change="on"))

    assert asked.status_code == 200
    assert ("Anna Petrova becomes head of delegation instead of Askar Nurlanov; Askar Nurlanov "
            "becomes a delegate.") in _text(asked)
    assert roles_after_asking == [("Nurlanov", "head"), ("Petrova", "delegate")]
    assert done.status_code == 302
    assert sorted(delegation.delegates.values_list("surname_latin", "role")) == [
        ("Nurlanov", "delegate"), ("Petrova", "head"),
    ]


def test_decline_action_asks_for_the_reason_then_declines(client, editor):
    delegate = DelegateFactory()

    ask = client.post(CHANGELIST, {"action": "decline", "_selected_action": [delegate.pk]})
    client.post(CHANGELIST, {"action": "decline", "_selected_action": [delegate.pk],
                             "apply": "1", "reason": "No note verbale received"})

    delegate.refresh_from_db()
    assert "Reason, shown to the coordinator" in ask.content.decode()
    assert (delegate.accreditation, delegate.accreditation_reason) == (
        Accreditation.DECLINED, "No note verbale received",
    )


def _inline_data(delegation, delegates, **changes):
    data = {
        "delegates-TOTAL_FORMS": str(len(delegates)),
        "delegates-INITIAL_FORMS": str(len(delegates)),
        "delegates-MIN_NUM_FORMS": "0", "delegates-MAX_NUM_FORMS": "1000",
        "credentials": "",
    }
    for i, d in enumerate(delegates):
        for name in ("surname_latin", "given_names_latin", "surname_cyrillic",
                     "given_names_cyrillic", "role", "position", "agency", "email",
                     "preferred_language", "accreditation", "accreditation_reason"):
            data[f"delegates-{i}-{name}"] = getattr(d, name)
        data[f"delegates-{i}-id"] = d.pk
        data[f"delegates-{i}-delegation"] = delegation.pk
    for key, value in changes.items():
        data[key] = value
    return data


def test_inline_declines_with_reason_through_the_service(client, editor, mailoutbox,
                                                         django_capture_on_commit_callbacks):
    delegation = DelegationFactory()
    delegate = DelegateFactory(delegation=delegation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/admin/meetings/delegation/{delegation.pk}/change/",
            _inline_data(delegation, [delegate], **{
                "delegates-0-accreditation": "declined",
                "delegates-0-accreditation_reason": "Not a government official",
            }),
        )

    delegate.refresh_from_db()
    assert response.status_code == 302
    assert (delegate.accreditation, delegate.accreditation_reason,
            delegate.accreditation_decided_by) == (
        Accreditation.DECLINED, "Not a government official", editor,
    )
    assert len(mailoutbox) == 1


def test_inline_decline_without_reason_shows_the_error(client, editor):
    delegation = DelegationFactory()
    delegate = DelegateFactory(delegation=delegation)

    response = client.post(
        f"/en/admin/meetings/delegation/{delegation.pk}/change/",
        _inline_data(delegation, [delegate], **{"delegates-0-accreditation": "declined"}),
    )

    assert response.status_code == 200
    assert "Say why the accreditation is declined." in response.content.decode()
    assert Delegate.objects.get().accreditation == Accreditation.PENDING


@pytest.mark.parametrize("count", [1, 3])
def test_delegation_changelist_query_count(client, editor, count, django_assert_num_queries):
    for _i in range(count):
        DelegateFactory()

    # The same number of queries whatever the number of delegations.
    with django_assert_num_queries(8):
        response = client.get("/en/admin/meetings/delegation/")

    assert response.status_code == 200


class _Form(HTMLParser):
    """The admin page as the secretariat sees its form: each field's shown
    value (an input's value, a textarea's text, the chosen option's label),
    and the labels offered by each select."""

    def __init__(self, page: str):
        super().__init__()
        self.values: dict[str, str] = {}
        self.options: dict[str, list[str]] = {}
        self._select = self._option = self._textarea = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("checkbox", "submit"):
            self.values[name] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea, self.values[name] = name, ""
        elif tag == "select":
            self._select, self.values[name], self.options[name] = name, "", []
        elif tag == "option" and self._select:
            self._option = "selected" in attrs

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "option":
            self._option = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data
        elif self._select and self._option is not None and data.strip():
            self.options[self._select].append(data.strip())
            if self._option:
                self.values[self._select] = data.strip()


def _text(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode())))


def test_admin_pages_of_registrations_open(client, editor):
    """Each admin page of registrations shows the secretariat what it is for:
    the delegation with its delegates and their accreditation, the history of
    its changes, a delegate's details, an invitation's organisation and the
    states' consent, and the empty forms to add them."""
    delegation = DelegationFactory(status=DelegationStatus.DRAFT, submitted_at=None)
    head = DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, surname_latin="Nurlanov",
                           given_names_latin="Askar", surname_cyrillic="Нурланов",
                           given_names_cyrillic="Аскар", email="nurlanov@example.org")
    DelegateFactory(delegation=delegation, surname_latin="Petrova", given_names_latin="Anna")
    delegate_decide_accreditation(delegate=head, decision=Accreditation.APPROVED, user=editor)
    delegation.status = DelegationStatus.SUBMITTED
    delegation.submitted_at = datetime.datetime(2024, 9, 1, 9, tzinfo=datetime.UTC)
    delegation._history_user = editor
    delegation.save()
    invitation = ObserverInvitationFactory(
        organisation=OrganisationFactory(acronym_en="MRN", kind=OrganisationKind.CIVIL_SOCIETY),
        consent=Consent.GIVEN, consent_date=datetime.date(2024, 3, 1),
        consent_how="No objection by the deadline of the note of 1 February.",
    )
    admin = "/en/admin/meetings"

    change = client.get(f"{admin}/delegation/{delegation.pk}/change/")
    history = client.get(f"{admin}/delegation/{delegation.pk}/history/")
    detail = client.get(f"{admin}/delegate/{head.pk}/change/")
    invitation_page = client.get(f"{admin}/observerinvitation/{invitation.pk}/change/")
    add_delegation = client.get(f"{admin}/delegation/add/")
    add_invitation = client.get(f"{admin}/observerinvitation/add/")

    page = change.content.decode()
    form = _Form(page).values
    rows = sorted(
        (*(form[f"delegates-{i}-{name}"]
           for name in ("surname_latin", "given_names_latin", "role", "accreditation")),
         strip_tags(re.search(r'field-accreditation_decided_by">\s*<p>(.*?)</p>',
                              page.split(f'id="delegates-{i}"', 1)[1]).group(1)))
        for i in range(int(form["delegates-TOTAL_FORMS"]))
    )
    assert rows == [("Nurlanov", "Askar", "Head of delegation", "Approved", str(editor)),
                    ("Petrova", "Anna", "Delegate", "Pending", "-")]
    assert "Status: Submitted" in _text(change)

    body = history.content.decode().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    records = [
        [" ".join(html.unescape(strip_tags(cell)).split())
         for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]
        for row in body.split("</tr>")[:-1]
    ]
    assert [(comment, by, changes) for _obj, _when, comment, by, _why, changes in records] == [
        ("Changed", str(editor),
         "Status: draft → submitted Submitted at: None → 2024-09-01 09:00:00+00:00"),
        ("Created", "None", ""),
    ]

    fields = _Form(detail.content.decode()).values
    assert {name: fields[name] for name in (
        "surname_latin", "given_names_latin", "surname_cyrillic", "given_names_cyrillic",
        "email", "role", "position", "agency")} == {
        "surname_latin": "Nurlanov", "given_names_latin": "Askar",
        "surname_cyrillic": "Нурланов", "given_names_cyrillic": "Аскар",
        "email": "nurlanov@example.org", "role": "Head of delegation",
        "position": "Head of division", "agency": "Ministry of Labour",
    }
    assert "Accreditation: Approved Reason: - " in _text(detail)
    assert f"Decided by: {editor} " in _text(detail)

    fields = _Form(invitation_page.content.decode()).values
    assert {name: fields[name] for name in (
        "organisation", "consent", "consent_date", "consent_how")} == {
        "organisation": "MRN", "consent": "Given",
        "consent_date": "2024-03-01",
        "consent_how": "No objection by the deadline of the note of 1 February.",
    }

    empty = _Form(add_delegation.content.decode())
    assert {name: empty.values[name] for name in (
        "meeting", "state", "organisation", "credentials", "delegates-TOTAL_FORMS")} == {
        "meeting": "", "state": "", "organisation": "", "credentials": "",
        "delegates-TOTAL_FORMS": "0",
    }
    empty = _Form(add_invitation.content.decode())
    assert {name: empty.values.get(name) for name in (
        "meeting", "organisation", "email", "max_delegation_size", "consent", "consent_date",
        "consent_how")} == {
        "meeting": "", "organisation": "", "email": "", "max_delegation_size": "2",
        "consent": "Not needed", "consent_date": "", "consent_how": "",
    }
    assert empty.options["consent"] == ["Not needed", "Awaited", "Given", "Objection raised"]


def test_admin_invitation_of_civil_society_awaits_consent(client, editor):
    from meetings.models import ObserverInvitation
    from membership.enums import OrganisationKind
    from tests.factories.meetings import MeetingFactory
    from tests.factories.membership import OrganisationFactory

    meeting = MeetingFactory()
    ngo = OrganisationFactory(kind=OrganisationKind.CIVIL_SOCIETY)

    response = client.post("/en/admin/meetings/observerinvitation/add/", {
        "meeting": meeting.pk, "organisation": ngo.pk, "email": "ngo@example.org",
        "language": "en", "max_delegation_size": "2", "consent": "not_needed",
        "consent_date": "", "consent_how": "",
    })

    assert response.status_code == 302
    assert ObserverInvitation.objects.get().consent == "awaited"


@pytest.mark.parametrize("action", ["approve", "decline"])
def test_accreditation_of_a_withdrawn_delegations_delegates_is_refused(
    client, editor, meeting, kazakhstan, mailoutbox, django_capture_on_commit_callbacks, action,
):
    """A withdrawn delegation's delegates were told they are no longer
    registered: an accreditation decision must not reach them. The action
    says why and changes nothing, the others selected with them included."""
    withdrawn = DelegationFactory(meeting=meeting, state=kazakhstan,
                                  status=DelegationStatus.WITHDRAWN)
    gone = DelegateFactory(delegation=withdrawn, preferred_language="en")
    other = DelegateFactory(meeting=meeting, preferred_language="en")
    data = {"action": action, "_selected_action": [gone.pk, other.pk]}
    if action == "decline":
        data |= {"apply": "1", "reason": "Late nomination."}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHANGELIST, data, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        (f"The delegation of {withdrawn.party} is withdrawn: restore it before deciding the "
         "accreditation of its delegates. Nothing was changed.")
    ]
    assert sorted(Delegate.objects.filter(pk__in=[gone.pk, other.pk]).values_list(
        "accreditation", flat=True)) == [Accreditation.PENDING, Accreditation.PENDING]
    assert mailoutbox == []
