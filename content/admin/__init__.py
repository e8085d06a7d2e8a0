"""Secretariat admin of the public content: RU/EN tabs (modeltranslation),
audit history (django-simple-history), every write through content.services."""

from . import about, contact, news, partners, projects

__all__ = ["about", "contact", "news", "partners", "projects"]
