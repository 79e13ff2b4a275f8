from django.apps import AppConfig


class RegistriesConfig(AppConfig):
    name = "registries"
    verbose_name = "Registries"

    def ready(self) -> None:
        from registries import checks, fields  # noqa: F401 (registers the check and signal)
