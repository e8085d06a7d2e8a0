"""The organisations' admin says what the kind means (issue 24, item 9):
civil society is not an observer and nominates by letter; UNHCR and IOM
are shown as partners of the process."""

import html

import pytest
from django.contrib.auth.models import Group

from membership.permissions import SECRETARIAT_EDITORS
from tests.factories.membership import OrganisationFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["add/", "{pk}/change/"])
def test_organisation_form_explains_civil_society_and_the_partners(client, path):
    editor = StaffUserFactory()
    editor.groups.add(Group.objects.get(name=SECRETARIAT_EDITORS))
    client.force_login(editor)
    organisation = OrganisationFactory()

    response = client.get(f"/en/admin/membership/organisation/{path.format(pk=organisation.pk)}")

    assert response.status_code == 200
    assert (
        "A civil-society organisation is not an observer: it is invited to a meeting case by "
        "case with the participant states' consent, and nominates its delegation by a "
        "nomination letter (only states send a note verbale)."
    ) in html.unescape(response.content.decode())
