from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = 'fazhi.decisions'
    verbose_name = '重大行政决策'

    def ready(self) -> None:
        from . import access, demo, navigation, search  # noqa: F401  (registrations)
