from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = 'fazhi.core'
    verbose_name = '平台核心'

    def ready(self) -> None:
        from . import nav_items  # noqa: F401  (register menu items)
