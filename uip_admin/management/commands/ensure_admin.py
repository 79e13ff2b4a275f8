"""Create the first admin account when the database has no user yet (``make run``)."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.views.decorators.debug import sensitive_variables


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if no user exists. The password comes from "
        "UIP_ADMIN_PASSWORD, else one is generated and printed once."
    )

    @sensitive_variables("password")
    def handle(self, *args, **options):
        User = get_user_model()
        with transaction.atomic():
            if User.objects.exists():
                self.stdout.write("Users exist already; no admin account created.")
                return
            password = os.environ.get("UIP_ADMIN_PASSWORD")
            generated = not password
            if generated:
                password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", email="", password=password)
        if generated:
            # Printed once, on purpose: this is the only way the operator learns it.
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created the admin account 'admin' with password: {password}\n"
                    "Change it after signing in (top bar > Change password)."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    "Created the admin account 'admin' (password from UIP_ADMIN_PASSWORD)."
                )
            )
