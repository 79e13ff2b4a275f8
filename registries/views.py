"""Pages of the Registries app."""

from django.views.generic import TemplateView

from uip_admin.access import StaffRequiredMixin
from uip_admin.views import BreadcrumbsMixin


class RegistryListView(StaffRequiredMixin, BreadcrumbsMixin, TemplateView):
    template_name = "registries/registry_list.html"
    crumbs = (("About", "about"), ("Registries", "registry-list"))
