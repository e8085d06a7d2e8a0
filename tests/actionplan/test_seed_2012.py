import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from actionplan.enums import ActionLevel, PlanStatus
from actionplan.models import Action, Area, FrameworkParagraph, GoodPractice, Plan

pytestmark = pytest.mark.django_db


def test_load_2012_creates_the_draft_plan_with_its_four_areas():
    call_command("actionplan_load_2012", verbosity=0)

    plan = Plan.objects.get()
    assert (plan.version, plan.status, str(plan.adopted_on)) == (1, PlanStatus.DRAFT, "2012-09-07")
    assert plan.title_ru == "Проект Регионального плана действий"
    assert list(plan.areas.order_by("number").values_list("title_ru", flat=True)) == [
        "Управление границами, обеспечение национальной безопасности с обеспечением защиты",
        "Дифференцированные процессы и процедуры",
        "Жизнеспособные решения для различных групп",
        ("Развитие возможностей для законной миграции и разработка гендерно-чувствительной "
        "миграционной политики"),
    ]
    counts = [
        (a.number, a.objectives.count(), a.actions.count(), a.expected_results.count(),
         a.good_practices.count(), [p.number for p in a.declaration_paragraphs.all()])
        for a in plan.areas.order_by("number")
    ]
    assert counts == [
        (1, 3, 14, 4, 10, [2, 3, 7]),
        (2, 7, 30, 6, 8, [1, 2, 3, 4, 5]),
        (3, 4, 23, 3, 10, [1, 6]),
        (4, 5, 12, 3, 2, [3, 4, 6]),
    ]


def test_load_2012_keeps_the_russian_as_written_and_the_english_alongside():
    call_command("actionplan_load_2012", verbosity=0)

    first = Action.objects.get(area__number=1, order=1)
    assert first.level == ActionLevel.OPERATIONAL
    assert first.text_ru.startswith("создать механизмы согласованного сбора данных")
    assert first.text_en.startswith("set up mechanisms for consistent collection")
    profiling = Action.objects.get(area__number=1, order=2)
    # The line broken around the footnote call is one sentence again; the
    # footnote is the action's note.
    assert profiling.text_ru == (
        "создать/укрепить механизмы выявления и составления личных дел для более точного "
        "различия разных категорий перемещающихся лиц и выявления их конкретных потребностей;"
    )
    assert profiling.note_ru.startswith("Под термином «составление личных дел»")
    assert GoodPractice.objects.filter(text_ru__contains="БОМКА").count() == 1
    assert not Action.objects.filter(text_ru__contains="Цели:").exists()
    assert FrameworkParagraph.objects.filter(kind="note").count() == 2


def test_load_2012_twice_changes_nothing():
    call_command("actionplan_load_2012", verbosity=0)
    before = (Plan.objects.count(), Area.objects.count(), Action.objects.count(),
              FrameworkParagraph.objects.count(), list(Action.objects.values_list("pk", flat=True)))

    call_command("actionplan_load_2012", verbosity=0)

    after = (Plan.objects.count(), Area.objects.count(), Action.objects.count(),
             FrameworkParagraph.objects.count(), list(Action.objects.values_list("pk", flat=True)))
    assert after == before
    assert Action.objects.count() == 79


FRAMEWORK_TITLE_RU = (
    "Региональная рамочная программа сотрудничества, принятая Национальными координаторами "
    "четырех центрально-азиатских стран (Республика Казахстан, Кыргызская Республика, "
    "Республика Таджикистан, Туркменистан) на встрече Национальных координаторов "
    "7 сентября 2012"
)
TITLE_DAY = importlib.import_module("actionplan.migrations.0002_framework_title_day")


def test_load_2012_gives_the_framework_title_as_the_seed_writes_it(client):
    call_command("actionplan_load_2012", verbosity=0)

    assert Plan.objects.get().framework_title_ru == FRAMEWORK_TITLE_RU
    assert "на встрече Национальных координаторов 7 сентября 2012" in (
        client.get("/ru/action-plan/").content.decode()
    )


def test_title_day_migration_corrects_only_the_title_the_loader_wrote():
    call_command("actionplan_load_2012", verbosity=0)
    without_day = FRAMEWORK_TITLE_RU.replace(" 7 сентября", " сентября")
    Plan.objects.update(framework_title_ru=without_day)

    TITLE_DAY.forwards(apps, None)
    assert Plan.objects.get().framework_title_ru == FRAMEWORK_TITLE_RU

    TITLE_DAY.backwards(apps, None)
    assert Plan.objects.get().framework_title_ru == without_day

    Plan.objects.update(framework_title_ru="Отредактировано секретариатом")
    TITLE_DAY.forwards(apps, None)
    assert Plan.objects.get().framework_title_ru == "Отредактировано секретариатом"
