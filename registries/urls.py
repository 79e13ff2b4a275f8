from django.urls import path

from registries import views

urlpatterns = [
    path("", views.RegistryListView.as_view(), name="registry-list"),
]
