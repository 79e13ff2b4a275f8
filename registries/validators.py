"""Rules for a registry entry's Server and Organization (see SPEC.md, "Rules").

Each refusal raises ``ValidationError`` with a code and a message that says what to
type instead. The model uses these as field validators, so the pages, the Django
admin and the management commands all apply the same rules.
"""

import ipaddress
import re

from django.core.exceptions import ValidationError

SERVER_EXAMPLE = "registry.example.com:5000"
HOST_MAX_LENGTH = 253
LABEL_MAX_LENGTH = 63
REFERENCE_MAX_LENGTH = 255

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
_LABEL_CHARS = re.compile(r"^[a-z0-9-]+$")
_PORT = re.compile(r"^[1-9][0-9]{0,4}$")
_DIGITS_AND_DOTS = re.compile(r"^[0-9.]+$")
# One component of an image repository path (distribution's reference grammar).
PATH_COMPONENT = re.compile(r"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$")


def _refuse(message: str, code: str) -> None:
    raise ValidationError(message, code=code)


def _ascii_form(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def validate_server(value: str) -> None:
    """``host[:port]``: a lowercase DNS name or dotted IPv4, optionally with a port."""
    if not value:
        _refuse("Enter the registry's host name, for example docker.io.", "required")
    if any(ch.isspace() for ch in value):
        _refuse("Remove the spaces: enter only the host name, for example docker.io.", "whitespace")
    scheme = _SCHEME.match(value)
    if scheme:
        rest = value[scheme.end() :].split("/", 1)[0].lower() or "docker.io"
        _refuse(f"Enter the host without {scheme.group(1)}://, for example {rest}.", "scheme")
    if "/" in value:
        host, _, path = value.partition("/")
        path = path.strip("/")
        if path:
            _refuse(
                f"Server is the host only: enter {host.lower()} here "
                f"and put {path.lower()} in Organization.",
                "path",
            )
        _refuse(f"Remove the trailing '/': enter {host.lower()}.", "path")
    if value.startswith("[") or value.count(":") > 1:
        _refuse(
            "IPv6 addresses are not supported: enter the registry's DNS name "
            "or IPv4 address instead.",
            "ipv6",
        )
    if not value.isascii():
        ascii_form = _ascii_form(value.lower())
        hint = f"enter {ascii_form}" if ascii_form else "enter its xn-- (punycode) form"
        _refuse(f"Use the ASCII form of an international host name: {hint}.", "non_ascii")
    if value != value.lower():
        _refuse(f"Use lowercase letters only: enter {value.lower()}.", "uppercase")

    host, colon, port = value.partition(":")
    if colon and not (_PORT.match(port) and int(port) <= 65535):
        _refuse(
            f"The port must be a number from 1 to 65535 without a leading zero, "
            f"for example {host or 'registry.example.com'}:5000.",
            "port",
        )
    _validate_host(host)


def _validate_host(host: str) -> None:
    if not host:
        _refuse(f"Enter the host name before the port, for example {SERVER_EXAMPLE}.", "host")
    if host.endswith("."):
        _refuse(f"Remove the trailing dot: enter {host.rstrip('.')}.", "trailing_dot")
    if "_" in host:
        _refuse(
            f"Host names cannot contain '_': did you mean {host.replace('_', '-')}?",
            "underscore",
        )
    if len(host) > HOST_MAX_LENGTH:
        _refuse(
            f"The host name is {len(host)} characters long; it can be at most {HOST_MAX_LENGTH}.",
            "host_length",
        )
    labels = host.split(".")
    if "" in labels:
        _refuse(
            "The host name has an empty part (a dot at the start or two dots in a row): "
            f"enter it like {SERVER_EXAMPLE.split(':')[0]}.",
            "empty_label",
        )
    for label in labels:
        if not _LABEL_CHARS.match(label):
            bad = sorted({ch for ch in label if not re.match(r"[a-z0-9-]", ch)})
            _refuse(
                f"Remove {' '.join(repr(ch) for ch in bad)}: a host name may contain only "
                "letters a-z, digits 0-9, '-' and dots.",
                "characters",
            )
        if len(label) > LABEL_MAX_LENGTH:
            _refuse(
                f"Each dot-separated part of the host may have at most {LABEL_MAX_LENGTH} "
                f"characters; '{label[:20]}…' has {len(label)}.",
                "label_length",
            )
        if label.startswith("-") or label.endswith("-"):
            _refuse(
                f"A part of the host name cannot start or end with '-': check '{label}'.",
                "hyphen",
            )
    if _DIGITS_AND_DOTS.match(host) and len(labels) == 4:
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            _refuse(
                f"{host} is not a valid IPv4 address: each of the four numbers is 0-255 "
                "without leading zeros, for example 10.0.0.5.",
                "ipv4",
            )


def validate_organization(value: str) -> None:
    """Optional: one or more ``/``-separated components of the image path grammar."""
    if not value:
        return
    if any(ch.isspace() for ch in value):
        _refuse("Remove the spaces from the organization, for example exampleorg.", "whitespace")
    if value != value.lower():
        _refuse(f"Use lowercase letters only: enter {value.lower()}.", "uppercase")
    if ":" in value or "@" in value:
        path = re.split(r"[:@]", value, maxsplit=1)[0]
        _refuse(
            f"Organization is a path without a tag or digest: enter {path.strip('/')} "
            "(and leave out the image name).",
            "tag",
        )
    if value.startswith("/") or value.endswith("/"):
        _refuse(f"Remove the leading or trailing '/': enter {value.strip('/')}.", "slash")
    if "//" in value:
        _refuse(
            f"Remove the doubled '/': enter {re.sub('/+', '/', value)}.",
            "double_slash",
        )
    for component in value.split("/"):
        if not PATH_COMPONENT.match(component):
            _refuse(
                f"'{component}' is not a valid path part: use lowercase letters and digits, "
                "joined by single '.', '_', '__' or '-' (for example example-org or team_a), "
                "separated by '/'.",
                "component",
            )
