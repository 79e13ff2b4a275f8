"""Shared fixtures: users with permissions, and a real Chromium driven by Playwright."""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

CHROMIUM = os.environ.get("UIP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() == "true"

# Playwright's sync API keeps an asyncio loop in the main thread; the ORM calls the tests
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def require(component: str, present: bool) -> None:
    """A missing component fails under CI=true and skips, with the reason, elsewhere."""
    if present:
        return
    reason = f"{component} is not installed (.ci/run installs it)"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason=reason)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs `collectstatic` first; tests serve
    # the source files. tests/test_static.py checks that collectstatic succeeds.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def user_factory(django_user_model):
    """Make a user: ``user_factory("alice", perms=["view_registry"], is_staff=True)``."""
    counter = iter(range(1, 10_000))

    def make(username=None, *, perms=(), is_staff=True, password="pw-for-tests-1", **extra):
        user = django_user_model.objects.create_user(
            username=username or f"user{next(counter)}",
            password=password,
            is_staff=is_staff,
            **extra,
        )
        if perms:
            user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
        return user

    return make


REGISTRY_PERMS = ["view_registry", "add_registry", "change_registry", "delete_registry"]


@pytest.fixture
def registry_factory(db):
    """Make a registry entry: ``registry_factory("docker.io", "exampleorg")``."""
    from registries.models import Registry

    def make(server="docker.io", organization="", username="puller", password="s3cret", **extra):
        return Registry.objects.create(
            server=server, organization=organization, username=username, password=password, **extra
        )

    return make


@pytest.fixture
def operator_client(client, user_factory):
    """A staff client with every registry permission."""
    client.force_login(user_factory("operator", perms=REGISTRY_PERMS))
    return client


@pytest.fixture
def staff_client(client, user_factory):
    client.force_login(user_factory("staff"))
    return client


@pytest.fixture(scope="session")
def browser():
    require("Chromium (/usr/bin/chromium)", shutil.which(CHROMIUM) is not None)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageProblems:
    """Console errors, failed requests and 4xx/5xx responses seen by a page."""

    def __init__(self, page):
        self.items: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.items.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _failed(self, request):
        # ERR_ABORTED is a request the browser cancelled itself because the page navigated
        # away (a favicon still loading, say); an error response is caught in _response.
        if request.failure != "net::ERR_ABORTED":
            self.items.append(f"failed: {request.url} {request.failure}")

    def _console(self, message):
        if message.type == "error":
            self.items.append(f"console: {message.text}")

    def _response(self, response):
        if response.status >= 400:
            self.items.append(f"HTTP {response.status}: {response.url}")


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser page on the live server; the test fails on any console error,
    failed request or error response the page saw."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = PageProblems(page)
    yield page
    context.close()
    assert not problems.items, problems.items


@pytest.fixture
def screenshot(page, request):
    """``screenshot("about")`` saves test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def signed_in_page(page, user_factory):
    """A page signed in through the real sign-in form as a superuser."""
    user_factory("operator", password="operator-pass-1", is_superuser=True)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("operator")
    page.get_by_label("Password").fill("operator-pass-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/administration/about/")
    return page


@dataclass
class Peers:
    ca_path: str
    basic: str  # host:port of the registry with htpasswd auth
    token: str  # host:port of the registry with token auth (same storage)
    issuer: object
    issuer_host: str
    proxy_url: str
    digest: str


@pytest.fixture(scope="session")
def peers(tmp_path_factory):
    """Real registries, a token issuer and a proxy on loopback; an image team/app:1.0."""
    from tests import registry_peers as rp

    require(
        "docker-registry, tinyproxy and htpasswd (apache2-utils)",
        rp.installed(rp.REGISTRY_BIN, rp.TINYPROXY_BIN, rp.HTPASSWD_BIN),
    )
    import trustme

    root = tmp_path_factory.mktemp("peers")
    ca = trustme.CA()
    ca_path = root / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    server_cert = ca.issue_cert("127.0.0.1", "localhost")
    storage = root / "storage"
    processes = []
    try:
        htpasswd = rp.htpasswd_file(root / "htpasswd", {"robot": "robot-pass"})
        basic, basic_port = rp.start_registry(
            root / "basic",
            storage,
            server_cert,
            {"htpasswd": {"realm": "uip-test", "path": str(htpasswd)}},
        )
        processes.append(basic)
        issuer = rp.TokenIssuer(
            cert=ca.issue_cert("token-signer"),
            users={"robot": ("robot-pass", {"team/app"}), "outsider": ("outsider-pass", set())},
        ).start(server_cert)
        ca.cert_pem.write_to_path(str(root / "token-roots.pem"))
        token, token_port = rp.start_registry(
            root / "token",
            storage,
            server_cert,
            {
                "token": {
                    "realm": f"https://127.0.0.1:{issuer.port}/token",
                    "service": rp.SERVICE,
                    "issuer": rp.ISSUER,
                    "rootcertbundle": str(root / "token-roots.pem"),
                }
            },
        )
        processes.append(token)
        proxy, proxy_port = rp.start_tinyproxy(root / "proxy", ["127.0.0.1"])
        processes.append(proxy)
        digest = rp.push_image(
            f"https://127.0.0.1:{basic_port}",
            "team/app",
            "1.0",
            ("robot", "robot-pass"),
            str(ca_path),
        )
        yield Peers(
            ca_path=str(ca_path),
            basic=f"127.0.0.1:{basic_port}",
            token=f"127.0.0.1:{token_port}",
            issuer=issuer,
            issuer_host=f"127.0.0.1:{issuer.port}",
            proxy_url=f"http://127.0.0.1:{proxy_port}",
            digest=digest,
        )
        issuer.stop()
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture
def trusted(settings, peers, monkeypatch):
    """Settings that trust the test CA and use no proxy."""
    settings.UIP_REGISTRY_CA_BUNDLE = peers.ca_path
    settings.UIP_REGISTRY_PROXY = ""
    for name in (
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    return peers
