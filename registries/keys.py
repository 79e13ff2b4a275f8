"""Fernet key rotation and the health of stored passwords under the configured keys."""

from django.db import transaction

from registries.fields import UNREADABLE
from registries.models import Registry


def unreadable_entries(using: str = "default") -> list[str]:
    """``str()`` of every entry whose password no configured key decrypts."""
    rows = Registry.objects.using(using).values_list("server", "organization", "password")
    return [
        f"{server}/{organization}" if organization else server
        for server, organization, password in rows.iterator(chunk_size=2000)
        if password is UNREADABLE
    ]


def rotate(batch_size: int = 500) -> tuple[int, list[str]]:
    """Re-encrypt every readable password with the first key of ``FERNET_KEYS``, one
    transaction per batch. Returns (entries re-encrypted, entries no key could read)."""
    rotated, unreadable, last_pk = 0, [], 0
    while True:
        with transaction.atomic():
            batch = list(
                Registry.objects.select_for_update()
                .filter(pk__gt=last_pk)
                .order_by("pk")
                .only("pk", "server", "organization", "password")[:batch_size]
            )
            if not batch:
                return rotated, unreadable
            for entry in batch:
                if entry.password is UNREADABLE:
                    unreadable.append(str(entry))
                    continue
                # update() encrypts again, with the first key; updated_at is untouched.
                Registry.objects.filter(pk=entry.pk).update(password=entry.password)
                rotated += 1
            last_pk = batch[-1].pk
