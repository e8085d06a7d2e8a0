"""The regional projects catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify

from core.db import free_slug
from core.transliteration import to_latin

from ..models import Project

SLUG_MAX = Project._meta.get_field("slug").max_length
_TEXTS = (
    "name", "acronym", "goal", "implementing_partners", "thematic_partners", "donor",
    "other_countries", "contact",
)


def project_slug_for(*, project: Project) -> str:
    """A readable, unique slug: the acronym (or name), English first,
    transliterated if Russian; a number added if taken."""
    source = (project.acronym_en or project.acronym_ru or project.name_en
              or project.name_ru or "")
    base = slugify(to_latin(source))[:SLUG_MAX - 4].strip("-") or "project"
    return free_slug(Project.objects, base, exclude_pk=project.pk)


@transaction.atomic
def project_save(
    *,
    project: Project,
    states: Iterable | None = None,
    themes: Iterable | None = None,
    partners: Iterable | None = None,
    documents: Iterable | None = None,
) -> Project:
    """Validate and store a project; the relations given are replaced
    (None leaves one as it is: the admin saves them from its form)."""
    for language in ("ru", "en"):
        for field in _TEXTS:
            name = f"{field}_{language}"
            setattr(project, name, (getattr(project, name) or "").strip())
    if not project.slug:
        project.slug = project_slug_for(project=project)
    project.full_clean()
    project.save()
    for name, values in (
        ("states", states), ("themes", themes), ("partners", partners), ("documents", documents),
    ):
        if values is not None:
            getattr(project, name).set(list(values))
    return project
