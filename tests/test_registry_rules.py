"""The Server and Organization rules of SPEC.md, enforced by model validation."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from registries.models import Registry
from registries.validators import validate_organization, validate_server


@pytest.mark.parametrize(
    "server",
    [
        "docker.io",
        "localhost",
        "registry",
        "10.0.0.5",
        "hostname:65535",
        "registry.example.com:5000",
        "a:1",
        "xn--bcher-kva.example",
        "my-registry.example.com",
        "a" * 63 + ".com",
        ".".join(["a" * 63] * 3 + ["b" * 61]),  # 253 characters
    ],
)
def test_valid_servers(server):
    validate_server(server)


@pytest.mark.parametrize(
    "server, code, hint",
    [
        ("Docker.io", "uppercase", "docker.io"),
        ("https://docker.io", "scheme", "without https://"),
        ("http://registry.local:5000/v2/", "scheme", "registry.local:5000"),
        ("docker.io/exampleorg", "path", "put exampleorg in Organization"),
        ("docker.io/", "path", "enter docker.io"),
        ("docker .io", "whitespace", "Remove the spaces"),
        (" docker.io", "whitespace", "Remove the spaces"),
        ("docker.io.", "trailing_dot", "enter docker.io"),
        ("my_registry.local", "underscore", "my-registry.local"),
        ("bücher.example", "non_ascii", "xn--bcher-kva.example"),
        ("[::1]:5000", "ipv6", "IPv6"),
        ("fe80::1", "ipv6", "IPv6"),
        ("docker..io", "empty_label", "empty part"),
        (".docker.io", "empty_label", "empty part"),
        ("hostname:0", "port", "1 to 65535"),
        ("hostname:65536", "port", "1 to 65535"),
        ("hostname:080", "port", "leading zero"),
        ("hostname:+80", "port", "1 to 65535"),
        ("hostname:", "port", "1 to 65535"),
        (":5000", "host", "host name before the port"),
        ("-docker.io", "hyphen", "start or end with '-'"),
        ("docker-.io", "hyphen", "start or end with '-'"),
        ("a" * 64 + ".com", "label_length", "at most 63"),
        (".".join(["a" * 63] * 4), "host_length", "at most 253"),
        ("docker!.io", "characters", "'!'"),
        ("256.1.1.1", "ipv4", "0-255"),
    ],
)
def test_invalid_servers_say_what_to_type(server, code, hint):
    with pytest.raises(ValidationError) as error:
        validate_server(server)
    assert error.value.code == code
    assert hint in error.value.messages[0]


@pytest.mark.parametrize(
    "organization",
    ["", "exampleorg", "team/project", "a_b", "a__b", "a---b", "a.b", "0rg", "a/b/c/d"],
)
def test_valid_organizations(organization):
    validate_organization(organization)


@pytest.mark.parametrize(
    "organization, code, hint",
    [
        ("ExampleOrg", "uppercase", "exampleorg"),
        ("/exampleorg", "slash", "enter exampleorg"),
        ("exampleorg/", "slash", "enter exampleorg"),
        ("team//project", "double_slash", "enter team/project"),
        ("exampleorg/privaterepo:imagetag123", "tag", "without a tag"),
        ("a___b", "component", "'a___b'"),
        ("-org", "component", "'-org'"),
        ("org.", "component", "'org.'"),
        ("a.-b", "component", "'a.-b'"),
        ("example org", "whitespace", "Remove the spaces"),
    ],
)
def test_invalid_organizations_say_what_to_type(organization, code, hint):
    with pytest.raises(ValidationError) as error:
        validate_organization(organization)
    assert error.value.code == code
    assert hint in error.value.messages[0]


@pytest.mark.django_db
def test_server_and_organization_together_at_most_255():
    entry = Registry(
        server="a" * 63 + ".example",
        organization="/".join(["b" * 60] * 4),
        username="u",
        password="p",
    )
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert "shorten the organization" in str(error.value.message_dict["organization"])


def test_str_is_server_or_server_slash_organization():
    assert str(Registry(server="docker.io")) == "docker.io"
    assert str(Registry(server="docker.io", organization="exampleorg")) == "docker.io/exampleorg"


@given(st.text(max_size=300))
def test_server_validation_only_ever_raises_validation_error(value):
    try:
        validate_server(value)
    except ValidationError as error:
        assert error.messages[0]


@given(st.text(max_size=300))
def test_organization_validation_only_ever_raises_validation_error(value):
    try:
        validate_organization(value)
    except ValidationError as error:
        assert error.messages[0]


@given(st.from_regex(r"[a-z0-9][a-z0-9.:/_-]{0,40}", fullmatch=True))
def test_accepted_servers_are_lowercase_ascii_hosts(value):
    try:
        validate_server(value)
    except ValidationError:
        return
    host = value.split(":")[0]
    assert value.isascii() and value == value.lower()
    assert "/" not in value and "_" not in value and not host.endswith(".")
