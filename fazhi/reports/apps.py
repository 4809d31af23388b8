from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = 'fazhi.reports'
    verbose_name = '报告编制与发布'

    def ready(self) -> None:
        from . import demo, lifecycle, navigation, search  # noqa: F401  (registrations)
