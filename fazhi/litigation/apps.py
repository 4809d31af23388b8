from django.apps import AppConfig


class LitigationConfig(AppConfig):
    name = 'fazhi.litigation'
    verbose_name = '行政应诉'

    def ready(self) -> None:
        from . import access, demo, navigation, reminders, search  # noqa: F401  (registrations)
