"""Real peers for the live checks, on loopback, started by the tests: Debian's
``docker-registry`` (CNCF distribution) with TLS and htpasswd or token auth, a token
issuer, and ``tinyproxy`` with an allow-list."""

import base64
import gzip
import hashlib
import io
import json
import shutil
import ssl
import subprocess
import tarfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import jwt
import requests

from tests.appserver import free_port

REGISTRY_BIN = "/usr/bin/docker-registry"
TINYPROXY_BIN = "/usr/bin/tinyproxy"
HTPASSWD_BIN = "/usr/bin/htpasswd"
SERVICE = "uip-test-registry"
ISSUER = "uip-test-issuer"


def wait_for_port(port: int, process: subprocess.Popen, name: str, timeout: float = 15) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited: {process.stderr.read().decode(errors='replace')}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on {port}")


def start_registry(workdir: Path, storage: Path, cert, auth: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    cert.private_key_and_cert_chain_pem.write_to_path(str(workdir / "tls.pem"))
    config = {
        "version": 0.1,
        "log": {"level": "error", "accesslog": {"disabled": True}},
        "storage": {"filesystem": {"rootdirectory": str(storage)}},
        "http": {
            "addr": f"127.0.0.1:{port}",
            "tls": {"certificate": str(workdir / "tls.pem"), "key": str(workdir / "tls.pem")},
        },
        "auth": auth,
    }
    (workdir / "config.yml").write_text(json.dumps(config))  # JSON is YAML
    process = subprocess.Popen(
        [REGISTRY_BIN, "serve", str(workdir / "config.yml")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, process, "docker-registry")
    return process, port


def htpasswd_file(path: Path, users: dict[str, str]) -> Path:
    path.write_text("")
    for user, password in users.items():
        subprocess.run(
            [HTPASSWD_BIN, "-Bb", str(path), user, password], check=True, capture_output=True
        )
    return path


@dataclass
class TokenIssuer:
    """A Docker token service: Basic credentials in, a signed JWT granting the actions
    each user is allowed out (no access at all for repositories it may not pull)."""

    cert: object  # trustme LeafCert that signs the tokens
    users: dict[str, tuple[str, set[str]]]  # username -> (password, repositories it may pull)
    port: int = 0
    requests_seen: list[str] = field(default_factory=list)

    def start(self, tls_cert) -> "TokenIssuer":
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                issuer.requests_seen.append(parts.path)
                if parts.path != "/token":
                    self.send_error(404)
                    return
                query = parse_qs(parts.query)
                user = issuer.authenticate(self.headers.get("Authorization", ""))
                if user is False:
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"errors":[{"code":"UNAUTHORIZED"}]}')
                    return
                body = json.dumps({"token": issuer.token(user, query.get("scope", []))}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls_cert.configure_cert(context)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()

    def authenticate(self, header: str):
        """None for anonymous, the username for good credentials, False for bad ones."""
        if not header.startswith("Basic "):
            return None
        username, _, password = base64.b64decode(header[6:]).decode().partition(":")
        known = self.users.get(username)
        return username if known and known[0] == password else False

    def token(self, user, scopes: list[str]) -> str:
        access = []
        for scope in scopes:
            kind, name, actions = scope.split(":", 2)
            allowed = self.users[user][1] if user else set()
            if kind == "repository" and name in allowed:
                access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "sub": user or "",
            "aud": SERVICE,
            "exp": now + 300,
            "nbf": now - 10,
            "iat": now,
            "jti": base64.b16encode(
                hashlib.sha256(str(time.time_ns()).encode()).digest()[:8]
            ).decode(),
            "access": access,
        }
        leaf_der = ssl.PEM_cert_to_DER_cert(self.cert.cert_chain_pems[0].bytes().decode())
        return jwt.encode(
            claims,
            self.cert.private_key_pem.bytes(),
            algorithm="ES256",
            headers={"x5c": [base64.b64encode(leaf_der).decode()]},
        )


def start_tinyproxy(workdir: Path, allowed_hosts: list[str]) -> tuple[subprocess.Popen, int]:
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "filter").write_text(
        "".join(f"^{host.replace('.', chr(92) + '.')}$\n" for host in allowed_hosts)
    )
    (workdir / "tinyproxy.conf").write_text(
        f"Port {port}\nListen 127.0.0.1\nTimeout 30\nMaxClients 50\nLogLevel Critical\n"
        f'Filter "{workdir / "filter"}"\nFilterDefaultDeny Yes\nFilterURLs Off\n'
        f'PidFile "{workdir / "tinyproxy.pid"}"\n'
    )
    process = subprocess.Popen(
        [TINYPROXY_BIN, "-d", "-c", str(workdir / "tinyproxy.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, process, "tinyproxy")
    return process, port


def _tar_gz(files: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def push_image(base: str, name: str, tag: str, auth, verify: str) -> str:
    """Push a one-layer OCI image over the Registry HTTP API V2; returns the digest."""
    session = requests.Session()
    session.auth = auth
    layer = _tar_gz({"hello.txt": b"hello from the UIP tests\n"})
    config = json.dumps(
        {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}
    ).encode()
    descriptors = []
    for blob, media_type in (
        (config, "application/vnd.oci.image.config.v1+json"),
        (layer, "application/vnd.oci.image.layer.v1.tar+gzip"),
    ):
        digest = "sha256:" + hashlib.sha256(blob).hexdigest()
        start = session.post(f"{base}/v2/{name}/blobs/uploads/", verify=verify, timeout=10)
        assert start.status_code == 202, start.text
        location = urljoin(base, start.headers["Location"])
        separator = "&" if "?" in location else "?"
        put = session.put(
            f"{location}{separator}digest={digest}",
            data=blob,
            headers={"Content-Type": "application/octet-stream"},
            verify=verify,
            timeout=10,
        )
        assert put.status_code == 201, put.text
        descriptors.append({"mediaType": media_type, "digest": digest, "size": len(blob)})
    manifest = json.dumps(
        {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": descriptors[0],
            "layers": descriptors[1:],
        }
    ).encode()
    put = session.put(
        f"{base}/v2/{name}/manifests/{tag}",
        data=manifest,
        headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"},
        verify=verify,
        timeout=10,
    )
    assert put.status_code == 201, put.text
    return "sha256:" + hashlib.sha256(manifest).hexdigest()


def installed(*paths: str) -> bool:
    return all(shutil.which(path) for path in paths)
