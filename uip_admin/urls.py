"""URL configuration: see the page table in SPEC.md."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from uip_admin import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="about", permanent=False)),
    # Pages without our <link rel="icon"> (the Django admin) make browsers ask for this.
    path("favicon.ico", views.favicon),
    path("accounts/", include("django.contrib.auth.urls")),
    path("administration/about/", views.AboutView.as_view(), name="about"),
    path("administration/registries/", include("registries.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "uip_admin.views.permission_denied"
handler404 = "uip_admin.views.page_not_found"
handler500 = "uip_admin.views.server_error"
