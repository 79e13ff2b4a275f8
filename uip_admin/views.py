"""Project-level pages: Administration > About and the error pages."""

import platform
from importlib.metadata import PackageNotFoundError, version

import django
from django.db import connection
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import TemplateView

from registries.models import Registry
from uip_admin.access import StaffRequiredMixin


def product_version() -> str:
    try:
        return version("uip-admin")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


class BreadcrumbsMixin:
    """Adds ``crumbs`` for ``_breadcrumbs.html``: (label, URL name) pairs, the last one
    being the current page (its URL name may be None)."""

    crumbs: tuple[tuple[str, str | None], ...] = ()

    def get_context_data(self, **kwargs):
        kwargs["crumbs"] = [(label, name and reverse(name)) for label, name in self.crumbs]
        return super().get_context_data(**kwargs)


class AboutView(StaffRequiredMixin, BreadcrumbsMixin, TemplateView):
    template_name = "administration/about.html"
    crumbs = (("About", "about"),)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registry_count=Registry.objects.count(),
            product_version=product_version(),
            python_version=platform.python_version(),
            django_version=django.get_version(),
            database_engine=connection.display_name,
            **kwargs,
        )


def favicon(request):
    # Resolved per request: the manifest of hashed static names exists only after
    # collectstatic, which runs after the URLconf is first imported (by migrate's checks).
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
