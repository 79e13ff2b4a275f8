"""`manage.py check_image IMAGE [--json]`: resolve the entry for IMAGE as the platform
would, then check that its manifest can be pulled with it."""

from django.core.management.base import CommandError

from registries.images import InvalidImageReference, parse_image
from registries.management.check_command import CheckCommand
from registries.registry_client import check_image_pull


class Command(CheckCommand):
    help = "Check that IMAGE will pull with the credentials UIP would use. Exit 0 only if so."

    def add_arguments(self, parser):
        parser.add_argument("image", help="an image reference, e.g. docker.io/org/app:1.0")
        super().add_arguments(parser)

    def handle(self, *args, image: str, as_json: bool = False, **options):
        try:
            reference = parse_image(image)
        except InvalidImageReference as error:
            raise CommandError(str(error), returncode=1) from None
        self.report(check_image_pull(reference), as_json)
