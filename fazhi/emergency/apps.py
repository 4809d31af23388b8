from django.apps import AppConfig


class EmergencyConfig(AppConfig):
    name = 'fazhi.emergency'
    verbose_name = '应急管理'

    def ready(self) -> None:
        from . import demo, feeds, imports, navigation, search  # noqa: F401  (registrations)
