"""Run the real app under gunicorn in a subprocess, as `make run` does, for tests that need
several processes (concurrency) or several instances on one database."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    """``manage.py ARGS`` in a process of its own, with exactly ``env``."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(env: dict, *args: str) -> str:
    result = run_manage(env, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


class AppServer:
    def __init__(self, env: dict, workers: int = 3):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "uip_admin.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(self.url + "/accounts/login/", timeout=10)
                return
            except requests.RequestException:  # not listening yet, or busy starting
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {self.process.stderr.read().decode()}")

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, stderr = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, stderr = self.process.communicate()
        return stderr.decode()

    def session(self, username: str, password: str) -> requests.Session:
        session = requests.Session()
        login = session.get(self.url + "/accounts/login/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        response = session.post(
            self.url + "/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
            timeout=10,
            allow_redirects=False,
        )
        assert response.status_code == 302, "sign-in failed"
        return session


def app_env(tmp_path: Path, database_url: str | None = None) -> dict:
    env = {
        **os.environ,
        "UIP_VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url or f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "UIP_ADMIN_PASSWORD": "admin-pass-for-tests",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env
