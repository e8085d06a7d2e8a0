"""The secretariat's admin: every rule comes back as a translated form error
(never a 500), and saving goes through the services."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from membership import permissions
from membership.enums import MembershipStatus
from membership.models import MembershipPeriod, NationalCoordinator
from tests.factories.membership import (
    FocalPointFactory,
    OrganisationFactory,
    StaffUserFactory,
)

from .conftest import appoint

# Who is in office and a state's current status depend on today's date.
pytestmark = [
    pytest.mark.django_db, pytest.mark.dates, pytest.mark.usefixtures("late_evening_utc"),
]

D = datetime.date


def post_data(response) -> dict:
    """What the browser would post back for the admin page in ``response``:
    the main form and every inline formset, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def coordinator_form(state, **overrides) -> dict:
    return {
        "state": state.pk, "full_name_ru": "Второй Координатор",
        "full_name_en": "Second Coordinator", "position_ru": "", "position_en": "",
        "agency_ru": "", "agency_en": "", "email": "second@example.org",
        "phone": "+7 717 200 00 09", "start": "2020-01-01", "end": "", "user": "",
        **overrides,
    }


# --- Changelists in both languages, tabs on the forms ------------------------------------

@pytest.mark.parametrize(
    ("lang", "heading"),
    [("ru", "Выберите государство-участник для изменения"),
     ("en", "Select participant state to change")],
)
def test_state_changelist_renders_in_both_languages(admin_client, kazakhstan, lang, heading):
    appoint(kazakhstan)

    response = admin_client.get(f"/{lang}/admin/membership/participantstate/")

    content = response.content.decode()
    assert response.status_code == 200
    assert heading in content
    assert "Казахстан" in content
    assert "Kazakhstan" in content
    assert "Aigerim Testova" in content or "Айгерим Тестова" in content


@pytest.mark.parametrize(
    "url",
    [
        "/{lang}/admin/membership/nationalcoordinator/",
        "/{lang}/admin/membership/nationalcoordinator/?active=yes",
        "/{lang}/admin/membership/organisation/",
        "/{lang}/admin/membership/focalpoint/?active=no",
        "/{lang}/admin/membership/user/?role=coordinator",
        "/{lang}/admin/membership/participantstate/?status=pending",
    ],
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_membership_changelists_render(admin_client, kaz_coordinator_user, url, lang):
    FocalPointFactory()

    assert admin_client.get(url.format(lang=lang)).status_code == 200


@pytest.mark.parametrize(
    ("model", "field"),
    [("participantstate", "name"), ("nationalcoordinator", "full_name"),
     ("organisation", "name"), ("focalpoint", "full_name")],
)
def test_add_forms_have_russian_and_english_tabs(admin_client, model, field):
    content = admin_client.get(f"/ru/admin/membership/{model}/add/").content.decode()

    assert f'name="{field}_ru"' in content
    assert f'name="{field}_en"' in content
    assert "tabbed_translation_fields.js" in content


def test_state_filter_by_current_status(admin_client, kazakhstan, pending_state):
    response = admin_client.get("/ru/admin/membership/participantstate/?status=pending")

    assert [s.iso3 for s in response.context["cl"].result_list] == ["IRN"]
    assert "Идёт процедура невозражения (срок — 31 августа 2013)" in response.content.decode()


# --- Coordinators ------------------------------------------------------------------------

def test_admin_add_coordinator_goes_through_the_service(admin_client, kazakhstan):
    response = admin_client.post(
        "/ru/admin/membership/nationalcoordinator/add/", coordinator_form(kazakhstan)
    )

    assert response.status_code == 302
    coordinator = NationalCoordinator.objects.get()
    assert (coordinator.full_name_en, coordinator.start, coordinator.end) == (
        "Second Coordinator", D(2020, 1, 1), None,
    )


def test_admin_second_active_coordinator_is_a_form_error(admin_client, kazakhstan):
    appoint(kazakhstan)

    response = admin_client.post(
        "/ru/admin/membership/nationalcoordinator/add/", coordinator_form(kazakhstan)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "У этого государства уже есть действующий национальный координатор."
    ]
    assert NationalCoordinator.objects.count() == 1


def test_admin_coordinator_dates_in_wrong_order_is_a_form_error(admin_client, kazakhstan):
    response = admin_client.post(
        "/en/admin/membership/nationalcoordinator/add/",
        coordinator_form(kazakhstan, end="2019-01-01"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "The end date cannot be before the start date."
    ]
    assert NationalCoordinator.objects.count() == 0


def test_admin_coordinator_overlapping_past_term_is_a_form_error(admin_client, kazakhstan):
    appoint(kazakhstan)

    response = admin_client.post(
        "/ru/admin/membership/nationalcoordinator/add/",
        coordinator_form(kazakhstan, start="2018-01-01", end="2019-03-01"),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        ("Этот срок пересекается со сроком полномочий: Айгерим Тестова (1 марта 2019 – "
        "по настоящее время).")
    ]


def test_admin_replace_coordinator_ends_the_old_term(admin_client, kazakhstan):
    old = appoint(kazakhstan, start=D(2013, 6, 5))
    url = reverse("admin:membership_nationalcoordinator_replace", args=[old.pk])

    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {
        "full_name_ru": "Нурлан Новиков", "full_name_en": "Nurlan Novikov",
        "email": "nurlan@example.org", "start": "2024-05-01",
    }, follow=True)

    new = NationalCoordinator.objects.get(end__isnull=True)
    assert response.redirect_chain == [
        (reverse("admin:membership_nationalcoordinator_change", args=[new.pk]), 302)
    ]
    assert [str(m) for m in response.context["messages"]] == [
        ("Нурлан Новиков — национальный координатор (Казахстан) с 1 мая 2024; полномочия "
        "предшественника (Айгерим Тестова) завершились накануне.")
    ]
    old.refresh_from_db()
    assert (old.end, new.start, new.full_name_en) == (D(2024, 4, 30), D(2024, 5, 1),
                                                      "Nurlan Novikov")


def test_admin_replace_starting_too_early_is_a_form_error(admin_client, kazakhstan):
    old = appoint(kazakhstan, start=D(2019, 3, 1))
    url = reverse("admin:membership_nationalcoordinator_replace", args=[old.pk])

    response = admin_client.post(url, {"full_name_ru": "Нурлан Новиков", "start": "2019-01-01"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"start": [
        ("Действующий координатор вступил в должность 1 марта 2019: новый должен вступить "
        "позже.")
    ]}
    assert NationalCoordinator.objects.get().end is None


def test_admin_replace_action_opens_the_replace_form(admin_client, kazakhstan):
    old = appoint(kazakhstan)

    response = admin_client.post(
        "/ru/admin/membership/nationalcoordinator/",
        {"action": "replace_coordinator", "_selected_action": [old.pk]},
    )

    assert response["Location"] == reverse(
        "admin:membership_nationalcoordinator_replace", args=[old.pk]
    )


def test_admin_invite_action_sends_the_email(
    admin_client, kazakhstan, django_capture_on_commit_callbacks
):
    coordinator = appoint(kazakhstan)
    without_email = appoint(
        kazakhstan, name=("Серик Примеров", "Serik Primerov"), start=D(2013, 6, 5),
        end=D(2019, 2, 28), email="",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/ru/admin/membership/nationalcoordinator/",
            {
                "action": "invite_in_english",
                "_selected_action": [coordinator.pk, without_email.pk],
            },
            follow=True,
        )

    assert [m.subject for m in mail.outbox] == ["Your invitation to the Almaty Process portal"]
    assert mail.outbox[0].body.count("http://testserver/en/accounts/welcome/") == 1
    assert [str(m) for m in response.context["messages"]] == [
        "У получателя (Серик Примеров) нет адреса электронной почты для приглашения.",
        "Отправлено 1 приглашение на портал.",
    ]


def test_admin_invite_action_needs_the_permission(client, kazakhstan):
    coordinator = appoint(kazakhstan)
    viewer = StaffUserFactory()
    viewer.user_permissions.add(Permission.objects.get(codename="view_nationalcoordinator"))
    client.force_login(viewer)

    response = client.post(
        "/ru/admin/membership/nationalcoordinator/",
        {"action": "invite_in_russian", "_selected_action": [coordinator.pk]},
    )

    assert response.status_code == 200
    assert mail.outbox == []


def test_editor_group_can_work_on_coordinators(client, kazakhstan):
    editor = StaffUserFactory()
    Group.objects.get(name=permissions.SECRETARIAT_EDITORS).user_set.add(editor)
    client.force_login(editor)
    coordinator = appoint(kazakhstan)

    change = client.get(f"/ru/admin/membership/nationalcoordinator/{coordinator.pk}/change/")
    delete = client.get(f"/ru/admin/membership/nationalcoordinator/{coordinator.pk}/delete/")

    assert (change.status_code, delete.status_code) == (200, 403)
    assert "Заменить этого координатора" in change.content.decode()


# --- Membership periods inline -------------------------------------------------------------

def state_change_url(state):
    return f"/ru/admin/membership/participantstate/{state.pk}/change/"


def with_new_period(data, index, **fields):
    data["membership_periods-TOTAL_FORMS"] = index + 1
    for name, value in fields.items():
        data[f"membership_periods-{index}-{name}"] = value
    return data


def test_admin_period_inline_overlap_saves_nothing(admin_client, kazakhstan):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["name_ru"] = "Республика Казахстан (изменено)"
    with_new_period(data, 1, status=MembershipStatus.WITHDRAWN, start="2020-01-01")

    response = admin_client.post(state_change_url(kazakhstan), data)

    assert response.status_code == 200
    periods_formset = response.context["inline_admin_formsets"][0].formset
    assert periods_formset.non_form_errors() == [
        "У этого государства уже есть текущий период членства."
    ]
    kazakhstan.refresh_from_db()
    assert kazakhstan.name_ru == "Казахстан"
    assert MembershipPeriod.objects.filter(state=kazakhstan).count() == 1


def test_admin_period_inline_overlapping_dates_are_refused(admin_client, kazakhstan):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    with_new_period(data, 1, status=MembershipStatus.PENDING, start="2013-01-01",
                    end="2013-06-05", deadline="2013-06-05")

    response = admin_client.post(state_change_url(kazakhstan), data)

    assert response.context["inline_admin_formsets"][0].formset.non_form_errors() == [
        "Этот период пересекается с другим периодом членства того же государства."
    ]
    assert MembershipPeriod.objects.filter(state=kazakhstan).count() == 1


def test_admin_period_inline_closes_and_opens_periods_at_once(admin_client, kazakhstan):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["membership_periods-0-end"] = "2021-12-31"
    with_new_period(data, 1, status=MembershipStatus.WITHDRAWN, start="2022-01-01")

    response = admin_client.post(state_change_url(kazakhstan), data)

    assert response.status_code == 302
    assert [
        (p.status, p.start, p.end)
        for p in MembershipPeriod.objects.filter(state=kazakhstan).order_by("start")
    ] == [
        (MembershipStatus.PARTICIPANT, D(2013, 6, 5), D(2021, 12, 31)),
        (MembershipStatus.WITHDRAWN, D(2022, 1, 1), None),
    ]


def test_admin_pending_period_without_deadline_is_a_form_error(admin_client, kazakhstan):
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["membership_periods-0-end"] = "2012-12-31"
    with_new_period(data, 1, status=MembershipStatus.PENDING, start="2013-01-01")

    response = admin_client.post(state_change_url(kazakhstan), data)

    form = response.context["inline_admin_formsets"][0].formset.forms[1]
    assert form.non_field_errors() == [
        ("Для периода рассмотрения нужен срок процедуры невозражения; у других "
        "периодов его нет.")
    ]


def test_state_page_shows_coordinator_history_inline(admin_client, kazakhstan):
    appoint(kazakhstan, start=D(2019, 3, 1))
    OrganisationFactory()

    content = admin_client.get(state_change_url(kazakhstan)).content.decode()

    assert "Айгерим Тестова" in content
    assert "национальные координаторы за всё время" in content.lower()


def test_admin_period_inline_deletes_a_period(admin_client, kazakhstan):
    period = MembershipPeriod.objects.get(state=kazakhstan)
    period.end = D(2019, 12, 31)
    period.save()
    MembershipPeriod.objects.create(
        state=kazakhstan, status=MembershipStatus.WITHDRAWN, start=D(2020, 1, 1)
    )
    data = post_data(admin_client.get(state_change_url(kazakhstan)))
    data["membership_periods-1-DELETE"] = "on"

    response = admin_client.post(state_change_url(kazakhstan), data)

    assert response.status_code == 302
    assert list(
        MembershipPeriod.objects.filter(state=kazakhstan).values_list("status", "end")
    ) == [(MembershipStatus.PARTICIPANT, D(2019, 12, 31))]


def test_user_role_filter(admin_client, kaz_coordinator_user):
    FocalPointFactory(user=StaffUserFactory(email="focal@example.org", is_staff=False))
    StaffUserFactory(email="nobody@example.org", is_staff=False)

    def emails(role):
        response = admin_client.get(f"/ru/admin/membership/user/?role={role}")
        return sorted(u.email for u in response.context["cl"].result_list)

    assert emails("coordinator") == ["aigerim@example.org"]
    assert emails("focal_point") == ["focal@example.org"]
    assert emails("staff") == ["admin@example.com"]
    assert emails("none") == ["nobody@example.org"]


def test_admin_focal_point_invite_action_sends_the_email(
    admin_client, django_capture_on_commit_callbacks
):
    focal_point = FocalPointFactory(email="focal.iom@example.org", full_name_ru="Мария Образцова")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/ru/admin/membership/focalpoint/",
            {"action": "invite_in_russian", "_selected_action": [focal_point.pk]},
        )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["focal.iom@example.org"], "Приглашение на портал Алматинского процесса")
    ]
    assert "http://testserver/ru/accounts/welcome/" in mail.outbox[0].body


def test_admin_add_past_coordinator_term_records_why_it_ended(admin_client, kazakhstan):
    admin_client.post("/ru/admin/membership/nationalcoordinator/add/", coordinator_form(
        kazakhstan, start="2013-06-05", end="2015-12-31", end_reason="Ушёл на пенсию.",
    ))

    assert list(NationalCoordinator.objects.values_list("end", "end_reason")) == [
        (D(2015, 12, 31), "Ушёл на пенсию.")
    ]
