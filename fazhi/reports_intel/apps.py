from django.apps import AppConfig


class ReportsIntelConfig(AppConfig):
    name = 'fazhi.reports_intel'
    verbose_name = '报告智能分析'

    def ready(self) -> None:
        from . import access, demo, navigation, search  # noqa: F401  (registrations)
