import html
import re

import pytest
from django.utils.html import strip_tags

from tests.factories.membership import UserFactory


def text_of(response) -> str:
    """The page's visible text, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(response.content.decode()))).strip()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a throwaway MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def superuser(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user
