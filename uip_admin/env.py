"""Typed readers for settings that come from the environment.

Each reader fails loudly (``ImproperlyConfigured``) on a value it cannot understand,
so a typo in a deployment never silently falls back to a default.
"""

import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use true or false.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} is set but empty: give comma-separated values.")
    return items


def env_file(name: str) -> str:
    """A path to an existing, readable file, or "" when unset."""
    raw = os.environ.get(name, "")
    if raw and not (os.path.isfile(raw) and os.access(raw, os.R_OK)):
        raise ImproperlyConfigured(f"{name}={raw!r}: no readable file there; give a PEM file.")
    return raw


def persisted_secret(path: Path, generate: Callable[[], str]) -> str:
    """Return the secret stored at ``path``, creating it (mode 0600) on first use.

    The new value is written to a private temporary file and then hard-linked into
    place, so two processes starting at once agree on one complete value.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(generate() + "\n")
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    value = path.read_text().strip()
    if not value:
        raise ImproperlyConfigured(f"{path} is empty: delete it to have a new one made.")
    return value


def generate_secret_key() -> str:
    return secrets.token_urlsafe(50)


def generate_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()
