from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = 'fazhi.reconsideration'
    verbose_name = '行政复议'

    def ready(self) -> None:
        from . import access, demo, navigation, reminders, search  # noqa: F401  (registrations)
