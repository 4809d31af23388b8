from django.apps import AppConfig


class NormativeConfig(AppConfig):
    name = 'fazhi.normative'
    verbose_name = '行政规范性文件'

    def ready(self) -> None:
        from . import access, demo, navigation, reminders, search  # noqa: F401  (registrations)
