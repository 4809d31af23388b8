from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = 'fazhi.imports'
    verbose_name = '数据导入'

    def ready(self) -> None:
        from . import demo, navigation  # noqa: F401  (registrations)
