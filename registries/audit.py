"""The audit trail: every add, change and delete leaves a ``django.contrib.admin``
``LogEntry``, whether it came from our pages, the Django admin or a command."""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models import Model

__all__ = ["ADDITION", "CHANGE", "DELETION", "changed_fields_message", "record"]


def changed_fields_message(fields: list[str]) -> list[dict]:
    """The structured change message the admin writes, naming fields, never values."""
    return [{"changed": {"fields": fields}}] if fields else []


def record(user, obj: Model, action_flag: int, change_message: list | str = "") -> LogEntry:
    return LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=action_flag,
        change_message=change_message,
        single_object=True,
    )
