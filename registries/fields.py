"""The encrypted password field: Fernet with ``settings.FERNET_KEYS`` (the first key
encrypts, every key decrypts), tolerant of ciphertexts that no configured key can read."""

from cryptography.fernet import InvalidToken
from django.core.signals import setting_changed
from django.dispatch import receiver
from fernet_fields import EncryptedTextField


class _Unreadable:
    """Stands in for a password that no key in ``UIP_FERNET_KEYS`` can decrypt, so that
    pages and commands can say so instead of failing. It can never be saved."""

    def __repr__(self) -> str:
        return "<unreadable password>"


UNREADABLE = _Unreadable()


class EncryptedPasswordField(EncryptedTextField):
    def from_db_value(self, value, expression, connection, *args):
        try:
            return super().from_db_value(value, expression, connection, *args)
        except InvalidToken:
            return UNREADABLE

    def get_db_prep_save(self, value, connection):
        if value is UNREADABLE:
            raise ValueError("An unreadable password cannot be saved: set a new one first.")
        return super().get_db_prep_save(value, connection)


@receiver(setting_changed)
def _forget_cached_keys(*, setting: str, **kwargs) -> None:
    # fernet_fields caches the keys on the field; tests change FERNET_KEYS at run time.
    if setting in ("FERNET_KEYS", "SECRET_KEY"):
        from registries.models import Registry

        field = Registry._meta.get_field("password")
        for name in ("keys", "fernet_keys", "fernet"):
            field.__dict__.pop(name, None)
