"""What the live-check commands share: ``--json`` and exit status 0 only for ``ok``."""

import json

from django.core.management.base import BaseCommand

from registries.registry_client import CheckResult


class CheckCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="print one JSON object: outcome, message, entry",
        )

    def report(self, result: CheckResult, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(result.as_dict()))
        else:
            style = self.style.SUCCESS if result.ok else self.style.ERROR
            self.stdout.write(style(f"{result.outcome.label} ({result.outcome})"))
            self.stdout.write(result.message)
            if result.entry:
                self.stdout.write(f"Entry: {result.entry}")
        if not result.ok:
            raise SystemExit(1)
