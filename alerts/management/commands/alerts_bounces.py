"""Delete the alert subscriptions of addresses whose mail bounced, from the
mail server's bounce list: a file (or ``-`` for standard input) with the
addresses, one a line or anywhere in the line (a log line of the mail
server will do: every address found in it counts)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alerts.services import subscriptions_delete_bounced

ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


class Command(BaseCommand):
    help = "Delete the alert subscriptions of bounced addresses listed in FILE (or - for stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The bounce list: a file, or - for standard input.")

    def handle(self, *args, file: str, **options):
        try:
            if file == "-":
                text = sys.stdin.read()
            else:
                text = Path(file).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        addresses = {match.lower() for match in ADDRESS.findall(text)}
        deleted = subscriptions_delete_bounced(emails=addresses)
        self.stdout.write(f"{len(addresses)} addresses read, {deleted} subscriptions deleted.")
