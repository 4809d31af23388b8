from django.apps import AppConfig


class LegalityConfig(AppConfig):
    name = 'fazhi.legality'
    verbose_name = '合法性审查与法律顾问'

    def ready(self) -> None:
        from . import access, demo, navigation, reminders, search  # noqa: F401  (registrations)
