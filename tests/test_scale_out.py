"""Several stateless app instances on one PostgreSQL database: what one adds the other
lists, and 60 concurrent duplicate adds spread over both leave one row, no error page."""

import os
import uuid

import pytest

from tests.appserver import AppServer, app_env, manage
from tests.conftest import require
from tests.test_registry_concurrency import concurrent_adds

ADDS = 60


def postgres_url() -> str:
    url = os.environ.get("UIP_TEST_POSTGRES_URL", "")
    if not url and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        url = os.environ["DATABASE_URL"]
    require("PostgreSQL (set UIP_TEST_POSTGRES_URL; .ci/run does)", bool(url))
    return url


@pytest.fixture
def shared_database():
    import psycopg

    base = postgres_url()
    name = f"uip_scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name, base, name
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def two_instances(shared_database, tmp_path):
    url = shared_database[0]
    env = app_env(tmp_path, url)  # one var/ dir: the same secret key and Fernet key
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "ensure_admin")
    instances = [AppServer(env, workers=3), AppServer(env, workers=3)]
    yield instances
    for instance in instances:
        instance.stop()


def test_two_instances_share_one_database(two_instances, shared_database):
    import psycopg

    a, b = two_instances
    session_a = a.session("admin", "admin-pass-for-tests")
    session_b = b.session("admin", "admin-pass-for-tests")
    session_a.get(a.url + "/administration/registries/add/", timeout=10)
    response = session_a.post(
        a.url + "/administration/registries/add/",
        data={
            "server": "quay.io",
            "organization": "team",
            "username": "robot",
            "password": "pw",
            "csrfmiddlewaretoken": session_a.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302
    listed = session_b.get(b.url + "/administration/registries/", timeout=10)
    assert "quay.io" in listed.text and "team" in listed.text

    sessions = [session_a, session_b] + [
        app.session("admin", "admin-pass-for-tests") for app in (a, b)
    ]
    for i, session in enumerate(sessions):
        app = two_instances[i % 2]
        session.get(app.url + "/administration/registries/add/", timeout=10)
    responses = concurrent_adds(two_instances, sessions, ADDS)
    assert sorted({r.status_code for r in responses}) == [302]
    with psycopg.connect(shared_database[0]) as db:
        count = db.execute(
            "SELECT COUNT(*) FROM registries_registry "
            "WHERE server = 'docker.io' AND organization = 'exampleorg'"
        ).fetchone()[0]
    assert count == 1
