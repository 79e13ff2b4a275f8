"""A stored password never appears in a page, a log line, an audit entry or the database
in clear."""

import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.urls import reverse

from registries.models import Registry

pytestmark = pytest.mark.django_db
CANARY = "canary-Pa55-\u00e9-<b>"


def all_pages(client, entry):
    urls = [
        reverse("about"),
        reverse("registry-list"),
        reverse("registry-edit", args=[entry.pk]),
        reverse("registry-delete", args=[entry.pk]),
        reverse("admin:registries_registry_changelist"),
        reverse("admin:registries_registry_change", args=[entry.pk]),
        reverse("admin:registries_auditlogentry_changelist"),
    ]
    return [client.get(url) for url in urls]


def test_canary_password_never_leaks(admin_client, caplog):
    caplog.set_level(logging.DEBUG)
    data = {"server": "docker.io", "organization": "", "username": "u", "password": CANARY}
    responses = [admin_client.post(reverse("registry-add"), data, follow=True)]
    entry = Registry.objects.get()
    edit = reverse("registry-edit", args=[entry.pk])
    responses.append(admin_client.post(edit, {"username": "v", "password": CANARY + "2"}))
    responses.append(admin_client.post(edit, {"username": "", "password": CANARY + "3"}))
    responses += all_pages(admin_client, entry)

    for response in responses:
        assert response.status_code in (200, 302)
        assert CANARY not in response.content.decode()
    assert CANARY not in caplog.text
    for log in LogEntry.objects.all():
        assert CANARY not in log.change_message and CANARY not in log.object_repr
    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM registries_registry")
        raw = bytes(cursor.fetchone()[0])
    assert CANARY.encode() not in raw and b"canary" not in raw
    entry.refresh_from_db()
    assert entry.password == CANARY + "2"


def test_error_report_filters_the_posted_password(rf, admin_user):
    from django.views.debug import SafeExceptionReporterFilter

    request = rf.post(reverse("registry-add"), {"password": CANARY, "username": "u"})
    request.user = admin_user
    from registries.views import RegistryAddView

    RegistryAddView.as_view()(request)
    cleansed = SafeExceptionReporterFilter().get_post_parameters(request)
    assert cleansed["password"] != CANARY
    assert cleansed["username"] == "u"
