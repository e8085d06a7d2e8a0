"""Secretariat admin of the public content: RU/EN tabs (modeltranslation),
audit history (django-simple-history), every write through content.services."""

from . import news, partners

__all__ = ["news", "partners"]
