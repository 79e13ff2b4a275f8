"""`manage.py check_registry SERVER[/ORGANIZATION] [--json]`: test a stored entry's
credentials against the registry (one attempt) and remember the outcome."""

from django.core.management.base import CommandError

from registries.management.check_command import CheckCommand
from registries.models import Registry
from registries.registry_client import check_entry


class Command(CheckCommand):
    help = "Test the credentials of a stored registry entry. Exit 0 only when they work."

    def add_arguments(self, parser):
        parser.add_argument("entry", help="SERVER or SERVER/ORGANIZATION, as in the list")
        super().add_arguments(parser)

    def handle(self, *args, entry: str, as_json: bool = False, **options):
        server, _, organization = entry.partition("/")
        registry = Registry.objects.filter(server=server, organization=organization).first()
        if registry is None:
            raise CommandError(
                f"No registry entry {entry}: see the Registries page for the entries "
                "(SERVER or SERVER/ORGANIZATION).",
                returncode=1,
            )
        self.report(check_entry(registry), as_json)
