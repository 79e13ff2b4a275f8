"""Django admin: the Registry model (same rules, write-only password) and a read-only
Audit log of ``LogEntry``."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry

from registries.forms import RegistryForm
from registries.models import AuditLogEntry, Registry

admin.site.site_header = "UIP Administration"
admin.site.site_title = "UIP Administration"
admin.site.site_url = "/administration/about/"


@admin.register(Registry)
class RegistryAdmin(admin.ModelAdmin):
    form = RegistryForm
    exclude = ["password"]  # the form's own write-only field replaces the model field
    list_display = ["server", "organization", "username", "updated_at", "updated_by"]
    list_display_links = ["server", "organization"]
    search_fields = ["server", "organization", "username"]
    list_filter = ["updated_at", "updated_by"]
    list_select_related = ["updated_by"]
    list_per_page = 50
    date_hierarchy = "updated_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("password")

    def get_readonly_fields(self, request, obj=None):
        return ["server", "organization"] if obj else []

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(AuditLogEntry)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["action_time", "user", "action", "content_type", "object_repr", "change"]
    list_filter = ["action_flag", "user", "action_time", "content_type"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    list_per_page = 100

    @admin.display(description="action", ordering="action_flag")
    def action(self, entry: LogEntry) -> str:
        return entry.get_action_flag_display()

    @admin.display(description="change")
    def change(self, entry: LogEntry) -> str:
        return entry.get_change_message()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
