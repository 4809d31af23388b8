from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = 'fazhi.assessment'
    verbose_name = '考核评估'

    def ready(self) -> None:
        from . import access, demo, navigation, search  # noqa: F401  (registrations)
