from django.apps import AppConfig


class ActionCenterConfig(AppConfig):
    name = "actioncenter"
    verbose_name = "Action Center"
