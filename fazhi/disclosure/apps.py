from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = 'fazhi.disclosure'
    verbose_name = '政府信息公开'

    def ready(self) -> None:
        from . import demo, imports, navigation, reminders, search  # noqa: F401  (registrations)
