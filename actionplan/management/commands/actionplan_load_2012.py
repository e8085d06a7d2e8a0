"""Load the Regional Cooperation Framework of 7 September 2012 and its draft
Regional Action Plan as plan version 1 (idempotent: run it again and
nothing changes)."""

from django.core.management.base import BaseCommand

from actionplan.seed_2012 import PLAN
from actionplan.services import plan_load


class Command(BaseCommand):
    help = "Load the 2012 framework and draft Regional Action Plan as plan version 1."

    def handle(self, *args, **options):
        plan = plan_load(data=PLAN)
        areas = plan.areas.count()
        self.stdout.write(self.style.SUCCESS(
            f"Plan v{plan.version} loaded: {areas} areas, "
            f"{sum(a.actions.count() for a in plan.areas.all())} actions."
        ))
