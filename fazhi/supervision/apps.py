from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = 'fazhi.supervision'
    verbose_name = '监督台账'

    def ready(self) -> None:
        from . import demo, imports, navigation, reminders, search  # noqa: F401  (registrations)
