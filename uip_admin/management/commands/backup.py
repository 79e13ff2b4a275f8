"""`manage.py backup --output FILE`: write a backup package (accounts, groups,
permissions, audit log; never registry entries) with mode 0600."""

from pathlib import Path

from django.core.management.base import BaseCommand

from uip_admin.backup import make_backup
from uip_admin.files import write_private_file


class Command(BaseCommand):
    help = (
        "Write a backup package of accounts, groups, permissions and the audit log. "
        "Registry entries are never included: add them again after a reinstall."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", required=True, help="the file to write")
        parser.add_argument("--force", action="store_true", help="replace an existing file")

    def handle(self, *args, output: str, force: bool = False, **options):
        text, counts = make_backup()
        path = Path(output)
        write_private_file(path, text, force=force)
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} (mode 0600): {summary}."))
        self.stdout.write(
            "Registry entries are not in backup packages: after a reinstall or a move to a "
            "new host, add them again (Administration > Registries)."
        )
