"""Seed the states table from the project's own reference facts (safe to repeat)."""

from django.db import migrations


def seed_states(apps, schema_editor):
    from legislators.states import STATES

    State = apps.get_model("legislators", "State")
    for facts in STATES:
        State.objects.update_or_create(
            code=facts.code,
            defaults={
                "fips": facts.fips,
                "name": facts.name,
                "type": facts.type,
                "voting_house_seats": facts.voting_house_seats,
                "at_large": facts.at_large,
                "house_member_title": facts.house_member_title,
                "senators": facts.senators,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("legislators", "0001_initial")]

    operations = [migrations.RunPython(seed_states, migrations.RunPython.noop)]
