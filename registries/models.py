"""A registry entry: the credentials UIP uses to pull images of one Server + Organization."""

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from registries.fields import UNREADABLE, EncryptedPasswordField
from registries.outcomes import Outcome
from registries.validators import REFERENCE_MAX_LENGTH, validate_organization, validate_server


class RegistryQuerySet(models.QuerySet):
    @sensitive_variables("password")
    def upsert(
        self,
        *,
        server: str,
        organization: str,
        username: str,
        password: str,
        updated_by=None,
        may_update: bool = True,
    ) -> tuple["Registry", bool, list[str]]:
        """Add an entry, or modify the username and password of the entry that has this
        Server + Organization already (the source document's rule for duplicates).

        Returns ``(entry, created, changed field labels)``. Atomic: concurrent calls for
        one pair make one row (``get_or_create`` re-reads after a unique-constraint
        race). ``may_update=False`` raises ``PermissionDenied`` instead of modifying.
        """
        with transaction.atomic(using=self.db):
            entry, created = self.select_for_update().get_or_create(
                server=server,
                organization=organization,
                defaults={"username": username, "password": password, "updated_by": updated_by},
            )
            if created:
                return entry, True, []
            if not may_update:
                raise PermissionDenied(
                    f"An entry for {entry} exists already, and modifying it needs the "
                    "permission to change registries."
                )
            changed = entry.set_credentials(username, password)
            if changed:
                entry.updated_by = updated_by
                entry.save()
            return entry, False, changed


class Registry(models.Model):
    server = models.CharField(
        max_length=REFERENCE_MAX_LENGTH,
        validators=[validate_server],
        help_text="Host name, with a port if needed: docker.io, registry.example.com:5000.",
    )
    organization = models.CharField(
        max_length=REFERENCE_MAX_LENGTH,
        blank=True,
        validators=[validate_organization],
        help_text="The image path after the server, without the image name: exampleorg "
        "for docker.io/exampleorg/privaterepo:imagetag123. Leave blank to cover the "
        "whole server.",
    )
    username = models.CharField(max_length=255)
    # Fernet-encrypted with settings.FERNET_KEYS; never rendered, logged or compared in SQL.
    password = EncryptedPasswordField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The last "Test connection" (outcome of registries.registry_client.Outcome, and when).
    last_check_outcome = models.CharField(max_length=20, blank=True, editable=False)
    last_check_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistryQuerySet.as_manager()

    class Meta:
        ordering = ["server", "organization"]
        verbose_name = "registry"
        verbose_name_plural = "registries"
        constraints = [
            models.UniqueConstraint(
                fields=["server", "organization"],
                name="registry_unique_server_organization",
                violation_error_message=(
                    "An entry for this Server + Organization exists already: "
                    "edit that entry instead."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.server}/{self.organization}" if self.organization else self.server

    # Set on an unsaved instance that will go through ``Registry.objects.upsert``: an
    # existing Server + Organization is then not a validation error but the entry to modify.
    merges_duplicate = False

    def validate_constraints(self, exclude=None) -> None:
        if self.merges_duplicate:
            exclude = {*(exclude or ()), "server", "organization"}
        super().validate_constraints(exclude=exclude)

    @sensitive_variables("password")
    def set_credentials(self, username: str, password: str) -> list[str]:
        """Set the credentials; return the labels of the fields that really changed."""
        changed = []
        if username != self.username:
            self.username = username
            changed.append("Username")
        if password and password != self.password:
            self.password = password
            changed.append("Password")
        return changed

    @property
    def password_readable(self) -> bool:
        """False when no key in UIP_FERNET_KEYS decrypts the stored password."""
        return self.password is not UNREADABLE

    @property
    def last_check(self) -> Outcome | None:
        try:
            return Outcome(self.last_check_outcome) if self.last_check_outcome else None
        except ValueError:  # an outcome from a newer release
            return None

    def record_check(self, outcome: str) -> None:
        """Store the outcome of a connection test without touching updated_at/_by."""
        now = timezone.now()
        Registry.objects.filter(pk=self.pk).update(last_check_outcome=outcome, last_check_at=now)
        self.last_check_outcome, self.last_check_at = outcome, now

    def clean(self) -> None:
        if len(str(self)) > REFERENCE_MAX_LENGTH:
            raise ValidationError(
                {
                    "organization": ValidationError(
                        f"Server and organization together ({len(str(self))} characters) "
                        f"may have at most {REFERENCE_MAX_LENGTH}: shorten the organization.",
                        code="too_long",
                    )
                }
            )


class AuditLogEntry(LogEntry):
    """The admin's read-only "Audit log": Django's ``LogEntry`` under a clearer name."""

    class Meta:
        proxy = True
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
