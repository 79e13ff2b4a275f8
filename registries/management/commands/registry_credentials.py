"""`manage.py registry_credentials IMAGE [--json]`: which entry's credentials pull IMAGE.

Exit 0 when an entry matches, 1 when none does, 2 for an invalid reference. Never prints
a password.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from registries.images import InvalidImageReference, parse_image, resolve


class Command(BaseCommand):
    help = "Show which registry entry's credentials would pull IMAGE (never the password)."

    def add_arguments(self, parser):
        parser.add_argument("image", help="an image reference, e.g. docker.io/org/app:1.0")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="print one JSON object"
        )

    def handle(self, *args, image: str, as_json: bool = False, **options):
        try:
            reference = parse_image(image)
        except InvalidImageReference as error:
            raise CommandError(str(error), returncode=2) from None
        entry = resolve(reference)
        if as_json:
            self.stdout.write(to_json(reference, entry))
        else:
            self.stdout.write(f"Image:      {reference}")
            self.stdout.write(f"Registry:   {reference.registry}")
            self.stdout.write(f"Repository: {reference.repository}")
            if entry:
                self.stdout.write(f"Entry:      {entry} (username {entry.username})")
            else:
                self.stdout.write(
                    "Entry:      none. If this image is private, adapters using it will fail "
                    f"to start: add an entry for {reference.registry}"
                    + (f" + {reference.organization}" if reference.organization else "")
                    + "."
                )
        if entry is None:
            raise SystemExit(1)


def to_json(reference, entry) -> str:
    return json.dumps(
        {
            "image": str(reference),
            "server": reference.registry,
            "repository": reference.repository,
            "entry": str(entry) if entry else None,
            "username": entry.username if entry else None,
        }
    )
