"""Backup packages, as the source document describes them: accounts, groups, permissions
and the audit log — never registry entries, which must be added again after a reinstall
or a move to a new host."""

import json
from itertools import chain

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from uip_admin.views import product_version

FORMAT = "uip-admin-backup"
VERSION = 1
# In load order: what later models refer to comes first.
MODELS = ["auth.permission", "auth.group", "auth.user", "admin.logentry"]
NEVER = ["registries.registry"]


class BackupError(ValueError):
    pass


def make_backup() -> tuple[str, dict[str, int]]:
    """The backup package as JSON text, and how many objects of each model it holds."""
    querysets = [apps.get_model(label)._default_manager.order_by("pk") for label in MODELS]
    objects = serializers.serialize(
        "python",
        chain.from_iterable(querysets),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    counts = {label: sum(1 for o in objects if o["model"] == label) for label in MODELS}
    package = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now(),
        "product_version": product_version(),
        "contains": MODELS,
        "not_included": NEVER,
        "objects": objects,
    }
    return json.dumps(package, cls=DjangoJSONEncoder, indent=1), counts


def restore_backup(text: str) -> dict[str, int]:
    """Load a backup package in one transaction. Users, groups and permissions are
    matched by their natural keys (username, name, codename), so existing ones are
    updated; audit entries keep their ids."""
    try:
        package = json.loads(text)
    except ValueError:
        raise BackupError("This is not a backup package (not JSON).") from None
    if not isinstance(package, dict) or package.get("format") != FORMAT:
        raise BackupError("This is not a UIP Administration backup package.")
    if package.get("version") != VERSION:
        raise BackupError(f"Backup package version {package.get('version')} is not supported.")
    objects = package.get("objects")
    if not isinstance(objects, list):
        raise BackupError("The backup package has no list of objects.")
    unexpected = {o.get("model") for o in objects if isinstance(o, dict)} - set(MODELS)
    if unexpected or not all(isinstance(o, dict) for o in objects):
        raise BackupError(
            f"The backup package holds unexpected data: {sorted(map(str, unexpected))}."
        )
    counts = dict.fromkeys(MODELS, 0)
    try:
        with transaction.atomic():
            # Save while deserializing, as loaddata does: later objects refer to
            # earlier ones by natural key (an audit entry to its user).
            loaded = []
            for item in serializers.deserialize("python", objects, handle_forward_references=True):
                item.save()
                loaded.append(item)
                counts[item.object._meta.label_lower] += 1
            for item in loaded:
                if item.deferred_fields:
                    item.save_deferred_fields()
            reset = connection.ops.sequence_reset_sql(
                no_style(), [apps.get_model(label) for label in MODELS]
            )
            with connection.cursor() as cursor:
                for sql in reset:
                    cursor.execute(sql)
    except (serializers.base.DeserializationError, DatabaseError, ValidationError) as error:
        raise BackupError(f"The backup package could not be loaded: {error}") from None
    return counts
