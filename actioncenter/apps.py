from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ActionCenterConfig(AppConfig):
    default = True  # "actioncenter" in INSTALLED_APPS; the admin's config is named in full
    name = "actioncenter"
    verbose_name = "Action Center"


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, behind the staff sign-in and its second factor."""

    default = False
    default_site = "actioncenter.admin_site.StaffAdminSite"
