"""The secretariat's staff groups and their permissions."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .. import permissions


def staff_groups_ensure() -> list[Group]:
    """Create the secretariat's groups and give them the permissions
    ``permissions.STAFF_GROUPS`` lists (idempotent: adds what is missing)."""
    groups = []
    for name, rules in permissions.STAFF_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for app_label, model, actions in rules:
            scope = Q(content_type__app_label=app_label)
            if model != "*":
                scope &= Q(content_type__model=model)
            query |= scope & Q(codename__regex=rf"^({'|'.join(actions)})_")
        group.permissions.add(*Permission.objects.filter(query))
        groups.append(group)
    return groups
