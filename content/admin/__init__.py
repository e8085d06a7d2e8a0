"""Secretariat admin of the public content: RU/EN tabs (modeltranslation),
audit history (django-simple-history), every write through content.services."""

from . import news, partners, projects

__all__ = ["news", "partners", "projects"]
