from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = 'fazhi.enforcement'
    verbose_name = '行政执法'

    def ready(self) -> None:
        from . import demo, feeds, navigation  # noqa: F401  (registrations)
