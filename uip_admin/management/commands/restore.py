"""`manage.py restore FILE`: load a backup package made by `manage.py backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from uip_admin.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Load a backup package (accounts, groups, permissions, audit log) in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by manage.py backup")

    def handle(self, *args, file: str, **options):
        try:
            text = Path(file).read_text()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file} is not a backup package (not text).") from None
        try:
            counts = restore_backup(text)
        except BackupError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {summary}."))
        self.stdout.write(
            "Registry entries are not in backup packages: add them again "
            "(Administration > Registries)."
        )
