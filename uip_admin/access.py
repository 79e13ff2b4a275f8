"""Who may see what: every page but sign-in needs an active staff user."""

from django.contrib.auth.mixins import PermissionRequiredMixin


class StaffRequiredMixin(PermissionRequiredMixin):
    """Anonymous users go to the sign-in page; signed-in users lacking staff status or
    one of ``permission_required`` get the 403 page."""

    permission_required: str | tuple[str, ...] = ()

    def has_permission(self) -> bool:
        user = self.request.user
        return user.is_active and user.is_staff and super().has_permission()
