"""Every admin history page renders under the strict CSP: simple_history's
list template is overridden once for all admins, without its inline style."""

import re

import pytest
from django.contrib.admin.sites import site
from django.urls import reverse

from tests.factories.archive import DocumentFactory
from tests.factories.chairmanship import ChairmanshipFactory, TurnDeclinationFactory
from tests.factories.membership import (
    FocalPointFactory,
    NationalCoordinatorFactory,
    OrganisationFactory,
    ParticipantStateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

INLINE_STYLE = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)


@pytest.mark.parametrize(
    "factory",
    [
        ParticipantStateFactory, OrganisationFactory, NationalCoordinatorFactory,
        FocalPointFactory, ChairmanshipFactory, TurnDeclinationFactory, DocumentFactory,
    ],
)
def test_history_page_lists_changes_without_inline_style(client, factory):
    admin_user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    obj = factory()
    assert type(obj) in site._registry  # the admin registers it

    response = client.get(
        reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])
    )

    assert response.status_code == 200
    assert "simple_history/object_history_list.html" in [t.name for t in response.templates]
    assert INLINE_STYLE.search(response.content.decode()) is None
