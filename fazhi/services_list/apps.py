from django.apps import AppConfig


class ServicesListConfig(AppConfig):
    name = 'fazhi.services_list'
    verbose_name = '政务服务事项与信用监管'

    def ready(self) -> None:
        from . import demo, feeds, navigation  # noqa: F401  (registrations)
