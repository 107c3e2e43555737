from django.db import migrations

from staff.roles import roles_sync


def staff_permissions_from_reporting(apps, schema_editor):
    """Databases made when the back office was the `reporting` app keep their grants."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="staff", model="staffaccess").exists():
        ContentType.objects.filter(app_label="reporting", model="reportingaccess").update(
            app_label="staff", model="staffaccess"
        )


class Migration(migrations.Migration):
    """Staff roles (Organizer, Reporter, Admin) with their permissions."""

    dependencies = [
        ("staff", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("axes", "0010_accessattemptexpiration"),
        ("campaigns", "0001_initial"),
        ("metrics", "0001_initial"),
        ("petitions", "0001_initial"),
        ("letters", "0001_initial"),
        ("calls", "0001_initial"),
        ("signups", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(staff_permissions_from_reporting, migrations.RunPython.noop),
        migrations.RunPython(roles_sync, migrations.RunPython.noop),
    ]
