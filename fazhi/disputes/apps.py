from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = 'fazhi.disputes'
    verbose_name = '矛盾纠纷化解'

    def ready(self) -> None:
        from . import demo, feeds, navigation  # noqa: F401  (registrations)
