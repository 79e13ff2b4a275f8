from django.urls import path

from registries import views

urlpatterns = [
    path("", views.RegistryListView.as_view(), name="registry-list"),
    path("check/", views.RegistryCheckView.as_view(), name="registry-check"),
    path("add/", views.RegistryAddView.as_view(), name="registry-add"),
    path("<int:pk>/edit/", views.RegistryEditView.as_view(), name="registry-edit"),
    path("<int:pk>/test/", views.RegistryTestView.as_view(), name="registry-test"),
    path("<int:pk>/delete/", views.RegistryDeleteView.as_view(), name="registry-delete"),
]
