from django.apps import AppConfig


class HotlineConfig(AppConfig):
    name = 'fazhi.hotline'
    verbose_name = '12345热线'

    def ready(self) -> None:
        from . import demo, feeds, navigation  # noqa: F401  (registrations)
