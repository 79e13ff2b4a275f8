"""System check: stored passwords that no key in UIP_FERNET_KEYS can decrypt.

Tagged ``database``: it runs with ``manage.py check --database default`` and before
``migrate`` (so ``make run`` shows it), not on every command."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database)
def unreadable_passwords(app_configs=None, databases=None, **kwargs):
    from registries.keys import unreadable_entries

    warnings = []
    for alias in databases or ():
        try:
            unreadable = unreadable_entries(alias)
        except DatabaseError:  # not migrated yet
            continue
        if unreadable:
            warnings.append(
                Warning(
                    f"{len(unreadable)} registry entr{'y' if len(unreadable) == 1 else 'ies'} "
                    "cannot be decrypted with any key in UIP_FERNET_KEYS "
                    f"(for example {unreadable[0]}).",
                    hint="Add the old key to UIP_FERNET_KEYS (new,old) and run "
                    "rotate_registry_keys, or enter those passwords again.",
                    id="registries.W001",
                )
            )
    return warnings
