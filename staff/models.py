from django.db import models


class StaffAccess(models.Model):
    """Carries the reporting permissions that roles are granted; it has no table."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_dashboard", "Can view campaign dashboards and office reports"),
            ("export_data", "Can export supporter data and use the private API"),
        ]

    def __str__(self) -> str:
        return "staff"
