"""Concurrent adds of one Server + Organization, through gunicorn's worker processes on
one database: exactly one row and never an error page."""

import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.appserver import AppServer, app_env, manage

ADDS = 30


@pytest.fixture
def server(tmp_path):
    env = app_env(tmp_path)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "ensure_admin")
    app = AppServer(env, workers=4)
    yield app
    app.stop()


def concurrent_adds(apps, sessions, count):
    """``count`` simultaneous adds of docker.io/exampleorg, spread over the apps."""

    def add(i):
        app, session = apps[i % len(apps)], sessions[i % len(sessions)]
        token = session.cookies["csrftoken"]
        return session.post(
            app.url + "/administration/registries/add/",
            data={
                "server": "docker.io",
                "organization": "exampleorg",
                "username": f"user{i}",
                "password": f"password{i}",
                "csrfmiddlewaretoken": token,
            },
            allow_redirects=False,
            timeout=60,
        )

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(add, range(count)))


def test_concurrent_duplicate_adds_make_one_row(server, tmp_path):
    sessions = [server.session("admin", "admin-pass-for-tests") for _ in range(4)]
    for session in sessions:
        session.get(server.url + "/administration/registries/add/", timeout=10)
    responses = concurrent_adds([server], sessions, ADDS)
    assert [r.status_code for r in responses] == [302] * ADDS
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        rows = db.execute("SELECT username FROM registries_registry").fetchall()
        logs = db.execute("SELECT COUNT(*) FROM django_admin_log").fetchone()[0]
    assert len(rows) == 1
    assert re.fullmatch(r"user\d+", rows[0][0])
    assert 1 <= logs <= ADDS
