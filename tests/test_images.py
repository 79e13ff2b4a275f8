"""Image references parsed like Docker's grammar, and resolve(): which entry pulls it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from registries.images import InvalidImageReference, api_host, parse_image, resolve

DIGEST = "sha256:" + "a" * 64


@pytest.mark.parametrize(
    "text, registry, repository, tag, digest",
    [
        ("nginx", "docker.io", "library/nginx", None, None),
        ("nginx:1.27", "docker.io", "library/nginx", "1.27", None),
        ("exampleorg/app", "docker.io", "exampleorg/app", None, None),
        (
            "docker.io/exampleorg/privaterepo:imagetag123",
            "docker.io",
            "exampleorg/privaterepo",
            "imagetag123",
            None,
        ),
        ("index.docker.io/library/nginx", "docker.io", "library/nginx", None, None),
        ("registry-1.docker.io/exampleorg/app", "docker.io", "exampleorg/app", None, None),
        ("docker.io/nginx", "docker.io", "library/nginx", None, None),
        ("localhost/app", "localhost", "app", None, None),
        ("localhost:5000/team/app:v1", "localhost:5000", "team/app", "v1", None),
        ("registry.example.com:5000/a/b/c:1", "registry.example.com:5000", "a/b/c", "1", None),
        ("10.0.0.5:5000/app", "10.0.0.5:5000", "app", None, None),
        (f"quay.io/team/app@{DIGEST}", "quay.io", "team/app", None, DIGEST),
        (f"quay.io/team/app:1@{DIGEST}", "quay.io", "team/app", "1", DIGEST),
    ],
)
def test_parses_like_docker(text, registry, repository, tag, digest):
    image = parse_image(text)
    assert (image.registry, image.repository, image.tag, image.digest) == (
        registry,
        repository,
        tag,
        digest,
    )


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "Enter an image reference"),
        ("Nginx", "must be lowercase"),
        ("docker.io/Org/app", "must be lowercase"),
        ("app:tag:more", "invalid reference format"),
        ("app@sha256:zz", "invalid reference format"),
        ("https://docker.io/app", "invalid reference format"),
        ("a" * 64, "64-byte hexadecimal"),
        ("x/" + "y" * 260, "not be more than 255"),
        ("exampleorg//app", "invalid reference format"),
    ],
)
def test_invalid_references_say_why(text, reason):
    with pytest.raises(InvalidImageReference, match=reason):
        parse_image(text)


def test_organization_and_prefixes():
    image = parse_image("docker.io/exampleorg/team/app:1")
    assert image.organization == "exampleorg/team"
    assert image.organization_prefixes == [
        "exampleorg/team/app",
        "exampleorg/team",
        "exampleorg",
        "",
    ]
    assert image.manifest_reference == "1"
    assert parse_image("app").manifest_reference == "latest"


@pytest.mark.parametrize(
    "server, host",
    [
        ("docker.io", "registry-1.docker.io"),
        ("index.docker.io", "registry-1.docker.io"),
        ("registry-1.docker.io", "registry-1.docker.io"),
        ("quay.io", "quay.io"),
        ("localhost:5000", "localhost:5000"),
    ],
)
def test_api_host_of_docker_hub_is_registry_1(server, host):
    assert api_host(server) == host


@given(st.text(max_size=400))
def test_parsing_only_ever_raises_invalid_image_reference(text):
    try:
        parse_image(text)
    except InvalidImageReference as error:
        assert str(error)


@pytest.mark.django_db
class TestResolve:
    def test_longest_component_wise_prefix_wins(self, registry_factory):
        registry_factory("docker.io", "")
        registry_factory("docker.io", "exampleorg")
        registry_factory("docker.io", "exampleorg/team")
        assert str(resolve("docker.io/exampleorg/team/app")) == "docker.io/exampleorg/team"
        assert str(resolve("docker.io/exampleorg/app")) == "docker.io/exampleorg"
        assert str(resolve("docker.io/other/app")) == "docker.io"

    def test_prefix_is_component_wise_not_textual(self, registry_factory):
        registry_factory("docker.io", "exampleorg")
        assert resolve("docker.io/exampleorgx/app") is None
        assert resolve("docker.io/exampleorg-x/app") is None

    def test_entry_for_the_whole_repository_path(self, registry_factory):
        registry_factory("quay.io", "team/app")
        assert str(resolve("quay.io/team/app:1")) == "quay.io/team/app"
        assert resolve("quay.io/team/other") is None

    @pytest.mark.parametrize("server", ["docker.io", "index.docker.io", "registry-1.docker.io"])
    @pytest.mark.parametrize(
        "image",
        ["exampleorg/app", "index.docker.io/exampleorg/app", "registry-1.docker.io/exampleorg/app"],
    )
    def test_docker_hub_aliases_are_one_registry(self, registry_factory, server, image):
        registry_factory(server, "exampleorg")
        assert str(resolve(image)) == f"{server}/exampleorg"

    def test_official_images_match_library(self, registry_factory):
        registry_factory("docker.io", "library")
        assert str(resolve("nginx:latest")) == "docker.io/library"

    def test_server_and_port_must_match_exactly(self, registry_factory):
        registry_factory("registry.example.com:5000", "")
        assert resolve("registry.example.com/app") is None
        assert str(resolve("registry.example.com:5000/a/b")) == "registry.example.com:5000"

    def test_no_entry_is_none(self, db):
        assert resolve("quay.io/team/app") is None

    def test_one_query_whatever_the_number_of_entries(
        self, registry_factory, django_assert_num_queries
    ):
        from registries.models import Registry

        Registry.objects.bulk_create(
            Registry(server=f"r{i}.example", organization=f"o{i}", username="u", password="p")
            for i in range(300)
        )
        registry_factory("docker.io", "exampleorg")
        with django_assert_num_queries(1):
            entry = resolve("docker.io/exampleorg/a/b/c/d:1")
            assert entry.username == "puller"
