"""Writing files that hold secrets (pull secrets, backups)."""

import os
import tempfile
from pathlib import Path

from django.core.management.base import CommandError


def write_private(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to ``path`` with mode 0600, atomically. Without ``replace``, raise
    ``FileExistsError`` if the file exists (even if it appeared just now)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_private_file(path: Path, text: str, *, force: bool) -> None:
    """``write_private`` for management commands: failures become a ``CommandError``
    that says what to do."""
    if path.is_dir():
        raise CommandError(f"{path} is a folder: give a file name, e.g. {path}/file.json.")
    try:
        write_private(path, text, replace=force)
    except FileExistsError:
        raise CommandError(f"{path} exists already: add --force to replace it.") from None
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error.strerror}.") from None
