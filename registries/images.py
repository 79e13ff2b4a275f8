"""Image references, parsed the way Docker's reference grammar does, and the question the
platform asks: which registry entry's credentials pull this image?

Parsing is delegated to ``docker-image-py`` (a port of distribution/reference's
``ParseNormalizedNamed``); this module wraps it in a small API of our own.
"""

from dataclasses import dataclass

from docker_image.reference import InvalidReference, Reference

from registries.models import Registry

DOCKER_HUB = "docker.io"
# Every name under which clients reach Docker Hub; entries under any of them cover it.
DOCKER_HUB_ALIASES = ("docker.io", "index.docker.io", "registry-1.docker.io")
DEFAULT_TAG = "latest"
DOCKER_HUB_API = "registry-1.docker.io"  # where Docker Hub's registry API answers


class InvalidImageReference(ValueError):
    pass


@dataclass(frozen=True)
class ImageReference:
    registry: str  # canonical host[:port]; Docker Hub's aliases all become docker.io
    repository: str  # the path: exampleorg/privaterepo, library/nginx
    tag: str | None = None
    digest: str | None = None

    def __str__(self) -> str:
        name = f"{self.registry}/{self.repository}"
        if self.tag:
            name += f":{self.tag}"
        if self.digest:
            name += f"@{self.digest}"
        return name

    @property
    def manifest_reference(self) -> str:
        """What a pull asks the registry's manifest endpoint for: digest, tag or latest."""
        return self.digest or self.tag or DEFAULT_TAG

    @property
    def organization(self) -> str:
        """The repository path without the image name: what an entry for exactly this
        image's organization would hold (``exampleorg``; ``library`` for official images)."""
        return self.repository.rpartition("/")[0]

    @property
    def servers(self) -> tuple[str, ...]:
        """Server values that an entry covering this image may have, preferred first."""
        return DOCKER_HUB_ALIASES if self.registry == DOCKER_HUB else (self.registry,)

    @property
    def organization_prefixes(self) -> list[str]:
        """Component-wise prefixes of the repository path, longest first, ending with ""
        (an entry without organization covers the whole server)."""
        parts = self.repository.split("/")
        return ["/".join(parts[:n]) for n in range(len(parts), 0, -1)] + [""]


def api_host(server: str) -> str:
    """The host whose ``/v2/`` API serves ``server``'s images: Docker Hub's names all
    lead to registry-1.docker.io; every other registry serves its own."""
    return DOCKER_HUB_API if server in DOCKER_HUB_ALIASES else server


def parse_image(text: str) -> ImageReference:
    """Parse ``text`` like ``docker pull`` does: ``nginx`` is
    ``docker.io/library/nginx``, ``index.docker.io`` and ``registry-1.docker.io`` are
    Docker Hub. Raises ``InvalidImageReference`` with the reason."""
    text = text.strip()
    if not text:
        raise InvalidImageReference("Enter an image reference, for example docker.io/org/app:1.0.")
    shown = text if len(text) <= 80 else f"{text[:77]}..."
    try:
        reference = Reference.parse_normalized_named(text)
    except InvalidReference as error:
        raise InvalidImageReference(f"{shown!r} is not a valid image reference: {error}.") from None
    except (ValueError, TypeError, IndexError, AttributeError):
        raise InvalidImageReference(f"{shown!r} is not a valid image reference.") from None
    registry = reference.domain().lower()
    if registry in DOCKER_HUB_ALIASES:
        registry = DOCKER_HUB
    repository = reference.path()
    if registry == DOCKER_HUB and "/" not in repository:
        repository = f"library/{repository}"
    return ImageReference(registry, repository, reference["tag"], reference["digest"])


def resolve(image: str | ImageReference) -> Registry | None:
    """The entry whose credentials pull ``image``, or None. One query, whatever the number
    of entries: the candidates are this image's servers x its path prefixes."""
    if isinstance(image, str):
        image = parse_image(image)
    candidates = Registry.objects.filter(
        server__in=image.servers, organization__in=image.organization_prefixes
    )

    def specificity(entry: Registry) -> tuple[int, int]:
        depth = entry.organization.count("/") + 1 if entry.organization else 0
        return depth, -image.servers.index(entry.server)

    return max(candidates, key=specificity, default=None)
