"""Live checks against a registry's HTTP API V2: do these credentials work, and will this
image pull with them — through the site's proxy, with the site's CAs.

Plain ``requests`` rather than a registry SDK (python-dxf, oras): the checks need to tell
apart failures that SDKs fold together (a proxy refusing CONNECT, a TLS failure, rejected
credentials, a missing pull scope), and must make exactly one attempt with credentials —
registries lock accounts after repeated failures, and SDKs retry.
"""

import hashlib
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import certifi
import requests
from django.conf import settings
from django.views.decorators.debug import sensitive_variables

from registries.images import ImageReference, api_host, resolve
from registries.models import Registry
from registries.outcomes import Outcome

TIMEOUT = (5, 10)  # connect, read (seconds)
MANIFEST_TYPES = ", ".join(
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ]
)
_CHALLENGE_PARAM = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]+))')


@dataclass(frozen=True)
class CheckResult:
    outcome: Outcome
    message: str  # what happened and what to do next, in an operator's words
    entry: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.OK

    def as_dict(self) -> dict:
        return {**asdict(self), "outcome": str(self.outcome)}


class _Stop(Exception):
    """Ends a check early with its result."""

    def __init__(self, outcome: Outcome, message: str):
        self.outcome, self.message = outcome, message


def _rejected(server: str) -> _Stop:
    return _Stop(
        Outcome.AUTH_FAILED,
        f"{server} rejected the username and password: correct them (they were tried "
        "once, so this check does not lock the account).",
    )


def _without_credentials(url: str) -> str:
    """``http://user:secret@proxy:3128`` → ``http://proxy:3128``, for messages."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _proxy_for(url: str) -> dict[str, str]:
    proxy = getattr(settings, "UIP_REGISTRY_PROXY", "")
    if proxy:
        return {"http": proxy, "https": proxy}
    return requests.utils.get_environ_proxies(url)  # HTTPS_PROXY / HTTP_PROXY / NO_PROXY


def _verify() -> str | bool:
    """The CA bundle: the public roots plus ``UIP_REGISTRY_CA_BUNDLE``'s CAs. Passed per
    request, so it wins over ``REQUESTS_CA_BUNDLE`` in the environment."""
    extra = getattr(settings, "UIP_REGISTRY_CA_BUNDLE", "")
    if not extra:
        return certifi.where()
    pem = Path(certifi.where()).read_bytes() + b"\n" + Path(extra).read_bytes()
    combined = Path(tempfile.gettempdir()) / f"uip-ca-{hashlib.sha256(pem).hexdigest()[:16]}.pem"
    if not combined.exists():
        combined.write_bytes(pem)
    return str(combined)


def _parse_challenge(header: str) -> tuple[str, dict[str, str]]:
    scheme, _, rest = header.strip().partition(" ")
    params = {m.group(1).lower(): m.group(2) or m.group(3) for m in _CHALLENGE_PARAM.finditer(rest)}
    return scheme.lower(), params


class _Client:
    def __init__(self, server: str):
        self.server = server
        self.base = f"https://{server}"
        self.session = requests.Session()
        self.session.trust_env = False  # proxies and CAs are chosen explicitly below
        self.verify = _verify()

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        host = urlsplit(url).netloc
        proxies = _proxy_for(url)
        try:
            return self.session.request(
                method,
                url,
                timeout=TIMEOUT,
                verify=self.verify,
                proxies=proxies,
                allow_redirects=method == "GET",
                **kwargs,
            )
        except requests.exceptions.ProxyError as error:
            text = str(error)
            if re.search(r"\b(403|407)\b", text):
                raise _Stop(
                    Outcome.PROXY_REFUSED,
                    f"The proxy refused the connection to {host}: add {host} to the proxy's "
                    "allow list (or to NO_PROXY if it should not go through the proxy).",
                ) from None
            proxy = _without_credentials(proxies.get("https") or proxies.get("http") or "")
            raise _Stop(
                Outcome.UNREACHABLE,
                f"The proxy {proxy} could not be reached or could not connect to {host}: "
                "check UIP_REGISTRY_PROXY / HTTPS_PROXY and the proxy itself.",
            ) from None
        except requests.exceptions.SSLError:
            raise _Stop(
                Outcome.TLS_ERROR,
                f"The TLS certificate of {host} is not trusted or does not match its name: "
                "add the registry's CA to UIP_REGISTRY_CA_BUNDLE, or fix the certificate.",
            ) from None
        except requests.exceptions.Timeout:
            raise _Stop(
                Outcome.UNREACHABLE,
                f"{host} did not answer in time (connect {TIMEOUT[0]} s, read {TIMEOUT[1]} s): "
                "check the host name, port and firewall.",
            ) from None
        except requests.exceptions.ConnectionError:
            raise _Stop(
                Outcome.UNREACHABLE,
                f"Cannot connect to {host}: check the host name and port, DNS, and that the "
                "registry is running (and reachable through the proxy, if there is one).",
            ) from None
        except requests.exceptions.RequestException as error:
            raise _Stop(
                Outcome.UNREACHABLE, f"Request to {host} failed: {type(error).__name__}."
            ) from None

    def ping(self) -> tuple[str, dict[str, str]]:
        """GET /v2/ without credentials: returns the auth challenge ("" when open)."""
        response = self.request("GET", f"{self.base}/v2/")
        challenge = response.headers.get("WWW-Authenticate", "")
        if response.status_code == 200:
            return "", {}
        if response.status_code == 401 and challenge:
            return _parse_challenge(challenge)
        raise _Stop(
            Outcome.NOT_A_REGISTRY,
            f"{self.server} answered HTTP {response.status_code} at /v2/, not a container "
            "registry API (Registry HTTP API V2): check the server name and port.",
        )

    @sensitive_variables("password")
    def token(self, params: dict, scope: str | None, username: str, password: str) -> str:
        realm = params.get("realm")
        if not realm:
            raise _Stop(
                Outcome.NOT_A_REGISTRY, f"{self.server} sent a Bearer challenge without a realm."
            )
        query = {"service": params.get("service", "")}
        if scope:
            query["scope"] = scope
        auth = (username, password) if username else None
        response = self.request("GET", realm, params=query, auth=auth)
        if response.status_code in (401, 403):
            if username:
                raise _rejected(self.server)
            raise _Stop(
                Outcome.NO_CREDENTIALS,
                f"{self.server} requires credentials and no registry entry matches: "
                "add one for this server (and organization).",
            )
        try:
            body = response.json()
            return body.get("token") or body["access_token"]
        except (ValueError, KeyError, AttributeError):
            raise _Stop(
                Outcome.NOT_A_REGISTRY,
                f"The token service of {self.server} answered HTTP {response.status_code} "
                "without a token.",
            ) from None


def _auth_kwargs(client, challenge, scope, username, password) -> dict:
    scheme, params = challenge
    if scheme == "bearer":
        return {
            "headers": {
                "Authorization": f"Bearer {client.token(params, scope, username, password)}"
            }
        }
    if scheme == "basic" and username:
        return {"auth": (username, password)}
    if scheme == "basic":
        raise _Stop(
            Outcome.NO_CREDENTIALS,
            f"{client.server} requires credentials and no registry entry matches: add one.",
        )
    return {}


@sensitive_variables("password")
def check_credentials(
    server: str, username: str, password: str, entry: str | None = None
) -> CheckResult:
    """Test a registry's credentials: ``GET /v2/`` with them (Basic, or a Bearer token
    obtained with them). One attempt; never raises."""
    client = _Client(api_host(server))
    try:
        challenge = client.ping()
        if not challenge[0]:
            return CheckResult(
                Outcome.OK,
                f"{server} answers without credentials: pulls work without an entry.",
                entry,
            )
        kwargs = _auth_kwargs(client, challenge, None, username, password)
        response = client.request("GET", f"{client.base}/v2/", **kwargs)
        if response.status_code == 200:
            return CheckResult(Outcome.OK, f"Signed in to {server} as {username}.", entry)
        if response.status_code in (401, 403):
            raise _rejected(server)
        raise _Stop(
            Outcome.NOT_A_REGISTRY,
            f"{server} answered HTTP {response.status_code} to an authenticated /v2/ request.",
        )
    except _Stop as stop:
        return CheckResult(stop.outcome, stop.message, entry)


@sensitive_variables("password")
def check_pull(
    image: ImageReference, username: str = "", password: str = "", entry: str | None = None
) -> CheckResult:
    """Will ``image`` pull? ``HEAD /v2/<name>/manifests/<tag or digest>`` with the
    credentials (or none), as a pull would. One attempt; never raises."""
    client = _Client(api_host(image.registry))
    scope = f"repository:{image.repository}:pull"
    try:
        challenge = client.ping()
        kwargs = _auth_kwargs(client, challenge, scope, username, password)
        url = f"{client.base}/v2/{image.repository}/manifests/{image.manifest_reference}"
        response = client.request(
            "HEAD", url, headers={"Accept": MANIFEST_TYPES, **kwargs.pop("headers", {})}, **kwargs
        )
        status = response.status_code
        if status == 200:
            return CheckResult(
                Outcome.OK,
                f"{image} will pull" + (f" with {entry}." if entry else " without credentials."),
                entry,
            )
        if status == 404:
            raise _Stop(
                Outcome.NOT_FOUND,
                f"{image.registry} has no {image.repository}:{image.manifest_reference}: "
                "check the repository name and the tag or digest.",
            )
        if status in (401, 403):
            error = _parse_challenge(response.headers.get("WWW-Authenticate", ""))[1].get(
                "error", ""
            )
            if not username:
                raise _Stop(
                    Outcome.NO_CREDENTIALS,
                    f"{image.registry} requires credentials for {image.repository} and no "
                    "registry entry matches: add one for this server and organization.",
                )
            if status == 403 or error == "insufficient_scope" or challenge[0] == "bearer":
                raise _Stop(
                    Outcome.DENIED,
                    f"{username} signed in, but may not pull {image.repository} (or it does "
                    "not exist): grant the account pull access in the registry, or use an "
                    "account that has it.",
                )
            raise _rejected(image.registry)
        raise _Stop(
            Outcome.NOT_A_REGISTRY,
            f"{image.registry} answered HTTP {status} for the manifest of {image.repository}.",
        )
    except _Stop as stop:
        return CheckResult(stop.outcome, stop.message, entry)


UNREADABLE_MESSAGE = (
    "The stored password of {entry} cannot be decrypted with the configured keys "
    "(UIP_FERNET_KEYS): enter it again on the edit page."
)


def check_entry(entry: Registry) -> CheckResult:
    """Test a stored entry's credentials and remember the outcome on the entry."""
    if not entry.password_readable:
        result = CheckResult(
            Outcome.AUTH_FAILED, UNREADABLE_MESSAGE.format(entry=entry), str(entry)
        )
    else:
        result = check_credentials(entry.server, entry.username, entry.password, str(entry))
    entry.record_check(result.outcome)
    return result


def check_image_pull(image: ImageReference) -> CheckResult:
    """Resolve the entry for ``image`` as the platform would, then check the pull."""
    entry = resolve(image)
    if entry is None:
        return check_pull(image)
    if not entry.password_readable:
        return CheckResult(Outcome.AUTH_FAILED, UNREADABLE_MESSAGE.format(entry=entry), str(entry))
    return check_pull(image, entry.username, entry.password, str(entry))
