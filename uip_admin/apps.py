from django.apps import AppConfig


class UipAdminConfig(AppConfig):
    name = "uip_admin"
    verbose_name = "UIP Administration"
