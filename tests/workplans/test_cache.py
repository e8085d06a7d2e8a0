"""The work plans' public pages in the page cache: served again to the
next anonymous visitor, and dropped as soon as a plan or an activity
changes."""

from __future__ import annotations

import pytest

from tests.core.conftest import committed, page_cache  # noqa: F401 (fixtures)
from tests.factories.workplans import ActivityFactory, WorkPlanFactory

pytestmark = pytest.mark.django_db


def test_a_new_activity_is_on_the_years_page_at_the_next_request(
        client, page_cache, committed):  # noqa: F811
    plan = WorkPlanFactory(year=2025)
    ActivityFactory(plan=plan, title_en="First seminar")
    client.get("/en/work-plans/2025/")
    assert client.get("/en/work-plans/2025/")["X-Cache"] == "hit"

    with committed():
        ActivityFactory(plan=plan, title_en="Second seminar")

    response = client.get("/en/work-plans/2025/")
    assert (response["X-Cache"], "Second seminar" in response.content.decode()) == (
        "miss", True)


def test_a_plan_agreed_is_on_the_list_at_the_next_request(client, page_cache, committed):  # noqa: F811
    client.get("/en/work-plans/")
    assert client.get("/en/work-plans/")["X-Cache"] == "hit"

    with committed():
        WorkPlanFactory(year=2025)

    response = client.get("/en/work-plans/")
    assert (response["X-Cache"], "Work plan for 2025" in response.content.decode()) == (
        "miss", True)
