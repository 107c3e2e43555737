from django.db import migrations

from reporting.roles import roles_sync


class Migration(migrations.Migration):
    """Staff roles (Organizer, Reporter, Admin) with their permissions."""

    dependencies = [
        ("reporting", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("axes", "0010_accessattemptexpiration"),
        ("campaigns", "0001_initial"),
        ("outreach", "0001_initial"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
