from django.apps import AppConfig


class LegalEducationConfig(AppConfig):
    name = 'fazhi.legal_education'
    verbose_name = '普法责任制'

    def ready(self) -> None:
        from . import demo, imports, navigation, search  # noqa: F401  (registrations)
