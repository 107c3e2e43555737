from django.db import migrations

from staff.roles import roles_sync


class Migration(migrations.Migration):
    """Organizers edit the movement's site (the movement app) as they edit campaigns."""

    dependencies = [
        ("staff", "0002_roles"),
        ("movement", "0001_initial"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
