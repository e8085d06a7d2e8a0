"""Loads the demo data of every app; safe to run again (idempotent)."""

import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from almaty_portal.services import demo_data_mark

# In dependency order: meetings link archive documents.
DEMO_APPS = (
    "membership", "chairmanship", "archive", "meetings", "actionplan", "briefings", "content",
    "decisions", "mechanism", "workplans", "contributions", "alerts",
)
DEMO_ADMIN_EMAIL = "admin@example.org"
DEMO_ADMIN_PASSWORD = "almaty-demo-2026"  # noqa: S105 - printed for the demo, DEBUG only


class Command(BaseCommand):
    help = "Load the demo data of every app and a demo administrator (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even when DEBUG is off. Never on a real deployment.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("load_demo only runs with DEBUG on (or --allow-production).")
        with transaction.atomic():
            for loader in self._loaders():
                summary = loader()
                if summary:
                    self.stdout.write(f"  {summary}")
            self._demo_admin()
            # Every public page now says that the data is illustrative.
            demo_data_mark()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(
            f"Demo administrator: {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD} "
            "(sign in at /ru/admin/)"
        )

    def _loaders(self):
        """Each app's ``demo.load()``, in dependency order. A loader returns a
        one-line summary and must be idempotent (get_or_create / update)."""
        loaders = []
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            loaders.append(module.load)
        return loaders

    def _demo_admin(self):
        User = get_user_model()  # noqa: N806
        user, _created = User.objects.get_or_create(
            email=DEMO_ADMIN_EMAIL,
            defaults={"full_name": "Demo Administrator", "is_staff": True, "is_superuser": True},
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save()
