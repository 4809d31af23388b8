from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = 'fazhi.indicators'
    verbose_name = '指标'
