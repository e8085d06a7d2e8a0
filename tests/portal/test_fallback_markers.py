"""A text missing in the reader's language is shown in the other one, in a
``<span lang>`` with a visible marker in the page's language (issue 12),
on the archive's, meetings', membership's and chairmanship's public pages."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from archive.models import Document
from meetings.models import AgendaItem, Meeting, MeetingOutcome
from membership.models import NationalCoordinator, Organisation
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import AgendaItemFactory, MeetingFactory, MeetingOutcomeFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
)

pytestmark = pytest.mark.django_db

# (page language, the only language the text has, how it is marked)
ONE_LANGUAGE = [
    pytest.param(
        "en", "ru",
        ' <span class="badge badge--warn fallback-marker" lang="en">in Russian</span>',
        id="russian-only-in-english",
    ),
    pytest.param(
        "ru", "en",
        ' <span class="badge badge--warn fallback-marker" lang="ru">на английском</span>',
        id="english-only-in-russian",
    ),
]
TEXT = {"ru": "Текст только по-русски", "en": "Text in English only"}


def only_in(model, obj, field: str, language: str) -> None:
    """Leave ``obj.<field>`` in ``language`` only (the other one emptied)."""
    other = "en" if language == "ru" else "ru"
    model.objects.filter(pk=obj.pk).update(
        **{f"{field}_{language}": TEXT[language], f"{field}_{other}": ""}
    )


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_document_title_in_one_language_marked_on_list_and_detail(
    client, page_language, language, marker
):
    document = DocumentFactory(slug="report")
    only_in(Document, document, "title", language)

    listing = page(client, f"/{page_language}/archive/")
    detail = page(client, f"/{page_language}/archive/report/")

    assert f'<span lang="{language}">{TEXT[language]}</span>{marker}</a>' in listing
    assert (
        f'<h1 id="document-title" lang="{language}">{TEXT[language]}{marker}</h1>' in detail
    )


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_document_summary_in_one_language_marked_on_detail(
    client, page_language, language, marker
):
    document = DocumentFactory(slug="report")
    only_in(Document, document, "summary", language)

    detail = page(client, f"/{page_language}/archive/report/")

    assert (
        f'<div class="document__summary" lang="{language}"><p>{TEXT[language]}</p></div>{marker}'
        in detail
    )


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_meeting_texts_in_one_language_marked_on_list_and_detail(
    client, page_language, language, marker
):
    meeting = MeetingFactory(slug="som")
    only_in(Meeting, meeting, "title", language)
    only_in(Meeting, meeting, "description", language)
    item = AgendaItemFactory(meeting=meeting)
    only_in(AgendaItem, item, "title", language)
    outcome = MeetingOutcomeFactory(meeting=meeting)
    only_in(MeetingOutcome, outcome, "text", language)

    listing = page(client, f"/{page_language}/meetings/")
    detail = page(client, f"/{page_language}/meetings/som/")

    assert f'<span lang="{language}">{TEXT[language]}</span>{marker}</a>' in listing
    assert f'<h1 id="meeting-title" lang="{language}">{TEXT[language]}{marker}</h1>' in detail
    assert f'<div lang="{language}"><p>{TEXT[language]}</p></div>{marker}' in detail
    assert f'<span lang="{language}">{TEXT[language]}</span>{marker}</strong>' in detail
    assert detail.count(f'<div lang="{language}"><p>{TEXT[language]}</p></div>{marker}') == 2


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_coordinator_name_in_one_language_marked_on_state_page(
    client, page_language, language, marker
):
    state = ParticipantStateFactory(iso3="QQA")
    coordinator = NationalCoordinatorFactory(state=state)
    only_in(NationalCoordinator, coordinator, "full_name", language)

    html = page(client, f"/{page_language}/states/qqa/")

    assert f'<td><span lang="{language}">{TEXT[language]}</span>{marker}' in html


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_observer_organisation_in_one_language_marked_on_observers_page(
    client, page_language, language, marker
):
    organisation = OrganisationFactory(acronym_ru="", acronym_en="")
    only_in(Organisation, organisation, "name", language)

    html = page(client, f"/{page_language}/observers/")

    assert f'<li><span lang="{language}">{TEXT[language]}</span>{marker}</li>' in html


@pytest.mark.parametrize("page_language", ["ru", "en"])
def test_texts_in_both_languages_have_no_marker(client, page_language):
    DocumentFactory(slug="report")
    meeting = MeetingFactory(slug="som", description_ru="Описание", description_en="About")
    AgendaItemFactory(meeting=meeting)
    MeetingOutcomeFactory(meeting=meeting, text_ru="Вывод", text_en="Conclusion")
    state = ParticipantStateFactory(iso3="QQA", participant_since=datetime.date(2013, 1, 1))
    NationalCoordinatorFactory(
        state=state, position_ru="Советник", position_en="Adviser",
        agency_ru="Министерство", agency_en="Ministry",
    )
    OrganisationFactory(name_ru="Организация", name_en="Organisation")

    pages = [
        page(client, f"/{page_language}{path}")
        for path in (
            "/archive/", "/archive/report/", "/meetings/", "/meetings/som/",
            "/states/qqa/", "/observers/",
        )
    ]

    assert [html.count("fallback-marker") for html in pages] == [0, 0, 0, 0, 0, 0]


def test_translated_tag_escapes_the_fallback_text():
    organisation = Organisation(name_ru="Союз <«А» & «Б»>", name_en="")

    with translation.override("en"):
        html = Template('{% load translated %}{% translated o "name" %}').render(
            Context({"o": organisation})
        )

    assert html == (
        '<span lang="ru">Союз &lt;«А» &amp; «Б»&gt;</span>'
        ' <span class="badge badge--warn fallback-marker" lang="en">in Russian</span>'
    )


def test_translated_tag_renders_nothing_for_a_text_empty_in_both_languages():
    organisation = Organisation(name_ru="", name_en="")

    with translation.override("en"):
        html = Template('{% load translated %}[{% translated o "name" %}]').render(
            Context({"o": organisation})
        )

    assert html == "[]"


@pytest.mark.parametrize(("page_language", "language", "marker"), ONE_LANGUAGE)
def test_action_plan_framework_text_in_one_language_marked(
    client, page_language, language, marker
):
    from actionplan.models import FrameworkParagraph, FrameworkSection
    from tests.factories.actionplan import PlanFactory

    plan = PlanFactory(version=1)
    section = FrameworkSection.objects.create(
        plan=plan, order=1, number="1", heading_ru="Движущие силы", heading_en="Drivers",
    )
    paragraph = FrameworkParagraph.objects.create(section=section, order=1, text="x")
    only_in(FrameworkParagraph, paragraph, "text", language)

    html = page(client, f"/{page_language}/action-plan/")

    assert f'<p><span lang="{language}">{TEXT[language]}</span>{marker}</p>' in html
