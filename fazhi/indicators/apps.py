from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = 'fazhi.indicators'
    verbose_name = '指标'

    def ready(self) -> None:
        from . import access, demo, navigation  # noqa: F401  (registrations)
