"""Packs have no translated fields (a pack is built per language). The
selection's changes are kept in the audit history, like meetings' own links."""

from simple_history import register as register_history

from .models import PackDocument

register_history(PackDocument)
