from django.apps import AppConfig


class OrganizationConfig(AppConfig):
    name = 'fazhi.organization'
    verbose_name = '组织与用户'

    def ready(self) -> None:
        from . import access, demo, navigation, search, signals  # noqa: F401  (registrations)
