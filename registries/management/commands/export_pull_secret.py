"""`manage.py export_pull_secret [--output FILE] [--force]`: every entry as a
``.dockerconfigjson`` for the orchestrator.

The file holds passwords, so it is created with mode 0600, an existing file is replaced
only with ``--force``, and the document goes to standard output only with ``--output -``.
"""

import base64
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.views.decorators.debug import sensitive_variables

from registries.models import Registry
from uip_admin.files import write_private_file


@sensitive_variables()
def docker_config() -> tuple[dict, list[str]]:
    """``{"auths": {"server[/organization]": {username, password, auth}}}``: the format
    of a Kubernetes ``kubernetes.io/dockerconfigjson`` secret and of podman's auth.json.
    Also returns the entries left out because no configured key decrypts them."""
    auths, unreadable = {}, []
    for entry in Registry.objects.order_by("server", "organization"):
        if not entry.password_readable:
            unreadable.append(str(entry))
            continue
        token = base64.b64encode(f"{entry.username}:{entry.password}".encode()).decode()
        auths[str(entry)] = {"username": entry.username, "password": entry.password, "auth": token}
    return {"auths": auths}, unreadable


class Command(BaseCommand):
    help = (
        "Write every registry entry as a .dockerconfigjson (Kubernetes pull secret, podman "
        "auth.json). Default file: var/dockerconfig.json; '-' for standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write, or - for standard output")
        parser.add_argument("--force", action="store_true", help="replace an existing file")

    def handle(self, *args, output: str | None = None, force: bool = False, **options):
        config, unreadable = docker_config()
        for entry in unreadable:
            self.stderr.write(
                f"Left out {entry}: its password cannot be decrypted with UIP_FERNET_KEYS."
            )
        document = json.dumps(config, indent=2) + "\n"
        count = len(config["auths"])
        if output == "-":
            self.stdout.write(document, ending="")
            return
        path = Path(output) if output else Path(settings.VAR_DIR) / "dockerconfig.json"
        write_private_file(path, document, force=force)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {count} entr{'y' if count == 1 else 'ies'} to {path} (mode 0600)."
            )
        )
