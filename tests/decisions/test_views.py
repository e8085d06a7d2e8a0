"""The register's pages as a visitor sees them, in both languages: the
list with its filters and search, an outcome's permalink with the
documents the visitor may see, the feeds, the meeting's page, and a
coordinator's follow-up page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from archive.enums import AccessLevel
from decisions.enums import FollowUpStatus
from meetings.enums import MeetingKind, OutcomeKind
from tests.decisions.conftest import coordinator_of
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.chairmanship import ChairmanshipFactory
from tests.factories.decisions import FollowUpItemFactory
from tests.factories.meetings import MeetingFactory, MeetingOutcomeFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def url(name, lang="ru", **kwargs):
    with translation.override(lang):
        return reverse(f"decisions:{name}", kwargs=kwargs)


@pytest.mark.parametrize(("lang", "heading", "text"), [
    ("ru", "Реестр решений", "Совещание решило провести семинар"),
    ("en", "Decisions register", "The meeting decided to hold a seminar"),
])
def test_register_lists_public_outcomes_in_each_language(client, public_outcome,
                                                        restricted_outcome, lang, heading, text):
    response = client.get(url("register", lang))

    content = response.content.decode()
    assert response.status_code == 200
    assert heading in content
    assert text in content
    assert "пограничных" not in content
    assert "border crossings" not in content
    assert f'href="/{lang}/decisions/{public_outcome.pk}/"' in content


def test_register_shows_restricted_outcome_to_participant_coordinator(
        client, public_outcome, restricted_outcome, kazakhstan):
    client.force_login(coordinator_of(kazakhstan))

    content = client.get(url("register", "en")).content.decode()

    assert "Recommends exchanging data on border crossings." in content
    assert "2 outcomes" in content


def test_register_filters_by_theme_state_kind_meeting_kind_and_year(client, public_outcome,
                                                                    kazakhstan):
    theme = ThemeFactory(slug="labour-migration")
    public_outcome.themes.add(theme)
    public_outcome.states.add(kazakhstan)
    other = MeetingOutcomeFactory(
        meeting=MeetingFactory(kind=MeetingKind.THEMATIC, start=D(2023, 3, 1),
                               end=D(2023, 3, 1)),
        kind=OutcomeKind.CONCLUSIONS, text_en="Other conclusions.", text_ru="Другие выводы.",
        text="Другие выводы.",
    )

    def shown(query):
        response = client.get(url("register", "en") + query)
        assert response.status_code == 200
        return [o.pk for o in response.context["outcomes"]]

    assert shown("") == [public_outcome.pk, other.pk]
    assert shown("?theme=labour-migration") == [public_outcome.pk]
    assert shown("?state=kaz") == [public_outcome.pk]
    assert shown("?kind=conclusions") == [other.pk]
    assert shown("?meeting_kind=thematic") == [other.pk]
    assert shown("?year=2024") == [public_outcome.pk]
    assert shown("?q=seminars") == [public_outcome.pk]
    assert shown("?q=семинаре") == [public_outcome.pk]


def test_register_filter_by_chair_confirmation(client, public_outcome, kazakhstan):
    term = ChairmanshipFactory(state=kazakhstan, start=D(2024, 6, 20))
    confirming = MeetingOutcomeFactory(meeting=public_outcome.meeting, confirms_chairmanship=term,
                                       adopted_on=D(2024, 6, 12))

    response = client.get(url("register", "en") + "?kind=chair")

    assert [o.pk for o in response.context["outcomes"]] == [confirming.pk]
    assert "Confirmation of a Chair" in response.content.decode()


def test_register_bad_filter_value_is_a_translated_error_not_a_500(client, public_outcome):
    response = client.get(url("register", "en") + "?year=abc&kind=nonsense")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Some filters have values that cannot be used" in content
    assert list(response.context["outcomes"]) == []


def test_register_paginates_and_keeps_filters(client, som_2024):
    for _ in range(21):
        MeetingOutcomeFactory(meeting=som_2024, adopted_on=D(2024, 6, 12))

    first = client.get(url("register", "en") + "?meeting_kind=som")
    second = client.get(url("register", "en") + "?meeting_kind=som&page=2")
    stale = client.get(url("register", "en") + "?meeting_kind=som&page=99")

    assert len(first.context["outcomes"]) == 20
    assert len(second.context["outcomes"]) == 1
    assert 'href="?meeting_kind=som&amp;page=2"' in first.content.decode()
    assert stale.context["page_obj"].number == 2


def test_outcome_page_shows_only_documents_the_visitor_may_see(client, public_outcome,
                                                               kazakhstan):
    shown = DocumentFactory(title_en="Conclusions of the 2024 SOM")
    hidden = DocumentFactory(title_en="Internal note on the SOM", access=AccessLevel.PARTICIPANTS)
    public_outcome.documents.add(shown, hidden)

    anonymous = client.get(url("outcome", "en", pk=public_outcome.pk)).content.decode()
    client.force_login(coordinator_of(kazakhstan))
    coordinator = client.get(url("outcome", "en", pk=public_outcome.pk)).content.decode()

    assert "Conclusions of the 2024 SOM" in anonymous
    assert "Internal note on the SOM" not in anonymous
    assert "Internal note on the SOM" in coordinator


def test_outcome_page_shows_follow_up_with_visible_evidence(client, public_outcome, kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, due_on=D(2025, 3, 1),
                               status=FollowUpStatus.IN_PROGRESS)
    item.evidence.add(DocumentFactory(title_en="Seminar report"),
                      DocumentFactory(title_en="Secret annex", access=AccessLevel.SECRETARIAT))

    content = client.get(url("outcome", "en", pk=public_outcome.pk)).content.decode()

    assert "Hold national consultations on labour migration." in content
    assert "Kazakhstan" in content
    assert "In progress" in content
    assert "Seminar report" in content
    assert "Secret annex" not in content


def test_restricted_outcome_page_is_not_found_for_anonymous(client, restricted_outcome,
                                                            kazakhstan):
    assert client.get(url("outcome", "en", pk=restricted_outcome.pk)).status_code == 404
    client.force_login(coordinator_of(kazakhstan))
    assert client.get(url("outcome", "en", pk=restricted_outcome.pk)).status_code == 200


@pytest.mark.parametrize("feed", ["feed_rss", "feed_atom"])
def test_feeds_carry_public_outcomes_only_whoever_asks(client, public_outcome,
                                                       restricted_outcome, kazakhstan, feed):
    client.force_login(coordinator_of(kazakhstan))

    content = client.get(url(feed, "en")).content.decode()

    assert f"/en/decisions/{public_outcome.pk}/" in content
    assert f"/en/decisions/{restricted_outcome.pk}/" not in content
    assert "Decision: Senior Officials' Meeting 2024, 12 June 2024" in content


def test_meeting_page_hides_restricted_outcome_from_anonymous(client, public_outcome,
                                                              restricted_outcome):
    with translation.override("en"):
        content = client.get(public_outcome.meeting.get_absolute_url()).content.decode()

    assert "The meeting decided to hold a seminar" in content
    assert "border crossings" not in content


def test_sitemap_lists_public_outcomes_only(client, public_outcome, restricted_outcome):
    content = client.get("/sitemap-decisions.xml").content.decode()

    assert f"/ru/decisions/{public_outcome.pk}/" in content
    assert f"/en/decisions/{public_outcome.pk}/" in content
    assert f"/decisions/{restricted_outcome.pk}/" not in content


# --- A coordinator's follow-up --------------------------------------------------------


def test_follow_up_page_needs_sign_in_and_a_coordinator(client, staff):
    assert client.get(url("follow_up", "en")).status_code == 302
    client.force_login(staff)
    assert client.get(url("follow_up", "en")).status_code == 403


def test_follow_up_page_lists_own_state_items_only(client, public_outcome, kazakhstan,
                                                   kyrgyzstan):
    FollowUpItemFactory(outcome=public_outcome, state=kazakhstan, action_en="Kazakh task",
                        action_ru="Задача Казахстана", action="Задача Казахстана")
    FollowUpItemFactory(outcome=public_outcome, state=kyrgyzstan, action_en="Kyrgyz task",
                        action_ru="Задача Кыргызстана", action="Задача Кыргызстана")
    client.force_login(coordinator_of(kazakhstan))

    content = client.get(url("follow_up", "en")).content.decode()

    assert "Follow-up of decisions by Kazakhstan" in content
    assert "Kazakh task" in content
    assert "Kyrgyz task" not in content


def test_coordinator_updates_status_note_and_evidence(client, public_outcome, kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    report = DocumentFactory(slug="seminar-report-2024", title_en="Seminar report")
    client.force_login(coordinator_of(kazakhstan))
    prefix = f"item-{item.pk}"

    response = client.post(url("follow_up", "en"), {
        "item": item.pk, f"{prefix}-status": FollowUpStatus.DONE,
        f"{prefix}-note": "Held in Astana.",
        f"{prefix}-evidence_link": "https://example.org/ru/archive/seminar-report-2024/",
    })

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.status, item.note) == (FollowUpStatus.DONE, "Held in Astana.")
    assert list(item.evidence.all()) == [report]


def test_unknown_evidence_link_is_refused_and_keeps_the_input(client, public_outcome,
                                                              kazakhstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kazakhstan)
    DocumentFactory(slug="secret-annex", access=AccessLevel.SECRETARIAT)
    client.force_login(coordinator_of(kazakhstan))
    prefix = f"item-{item.pk}"

    response = client.post(url("follow_up", "en"), {
        "item": item.pk, f"{prefix}-status": FollowUpStatus.DONE,
        f"{prefix}-note": "Typed note", f"{prefix}-evidence_link": "/en/archive/secret-annex/",
    })

    content = response.content.decode()
    item.refresh_from_db()
    assert response.status_code == 200
    assert "There is no document at this address in the archive, or you may not see it." in (
        content)
    assert "Typed note" in content
    assert item.status == FollowUpStatus.NOT_STARTED


def test_coordinator_cannot_post_another_state_item(client, public_outcome, kazakhstan,
                                                    kyrgyzstan):
    item = FollowUpItemFactory(outcome=public_outcome, state=kyrgyzstan)
    client.force_login(coordinator_of(kazakhstan))
    prefix = f"item-{item.pk}"

    response = client.post(url("follow_up", "en"), {
        "item": item.pk, f"{prefix}-status": FollowUpStatus.DONE, f"{prefix}-note": "",
    })

    item.refresh_from_db()
    assert response.status_code == 404
    assert item.status == FollowUpStatus.NOT_STARTED
