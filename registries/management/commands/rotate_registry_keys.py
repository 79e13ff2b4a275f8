"""`manage.py rotate_registry_keys`: re-encrypt every stored password with the first key
of UIP_FERNET_KEYS. Run it with ``UIP_FERNET_KEYS=new,old``; afterwards ``new`` alone
reads everything."""

from django.core.management.base import BaseCommand, CommandError

from registries.keys import rotate


class Command(BaseCommand):
    help = "Re-encrypt every registry password with the first key in UIP_FERNET_KEYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=500, help="entries per transaction (500)"
        )

    def handle(self, *args, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        rotated, unreadable = rotate(batch_size)
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-encrypted {rotated} entr{'y' if rotated == 1 else 'ies'} "
                "with the first key in UIP_FERNET_KEYS."
            )
        )
        if unreadable:
            shown = ", ".join(unreadable[:20]) + (" …" if len(unreadable) > 20 else "")
            raise CommandError(
                f"{len(unreadable)} entr{'y' if len(unreadable) == 1 else 'ies'} could not be "
                f"decrypted by any configured key and were left as they are: {shown}. Add the "
                "missing old key to UIP_FERNET_KEYS and run again, or enter those passwords "
                "again on their edit pages."
            )
