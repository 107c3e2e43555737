"""Migration operations for models that moved from one app to another.

`CreateOrAdoptModel` is `CreateModel` for a model whose table an earlier app created. On a
database made before the move, it takes that table over: renames it (and its
many-to-many tables) and relabels its content type, so rows, permissions and admin history
stay. On a new database it creates the table as usual.
"""

from __future__ import annotations

from django.db import migrations


class CreateOrAdoptModel(migrations.CreateModel):
    def __init__(self, name, fields, *, adopts: str, **kwargs):
        self.adopts = adopts  # "old_app_label.model_name" the table was created for
        super().__init__(name, fields, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, args, {**kwargs, "adopts": self.adopts}

    @property
    def old_table(self) -> str:
        label, model = self.adopts.lower().split(".")
        return f"{label}_{model}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        tables = schema_editor.connection.introspection.table_names()
        if self.old_table not in tables:
            super().database_forwards(app_label, schema_editor, from_state, to_state)
            return
        schema_editor.alter_db_table(model, self.old_table, model._meta.db_table)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                old = f"{self.old_table}_{field.name}"
                schema_editor.alter_db_table(through, old, through._meta.db_table)
        old_label, old_model = self.adopts.lower().split(".")
        schema_editor.execute(
            "UPDATE django_content_type SET app_label = %s, model = %s "
            "WHERE app_label = %s AND model = %s AND NOT EXISTS (SELECT 1 FROM "
            "django_content_type WHERE app_label = %s AND model = %s)",
            [app_label, model._meta.model_name, old_label, old_model]
            + [app_label, model._meta.model_name],
        )

    def describe(self):
        return f"Create model {self.name}, or take over the table of {self.adopts}"


class AddConstraintIfMissing(migrations.AddConstraint):
    """AddConstraint that leaves alone a constraint an adopted table already has."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        with schema_editor.connection.cursor() as cursor:
            existing = schema_editor.connection.introspection.get_constraints(
                cursor, model._meta.db_table
            )
        if self.constraint.name not in existing:
            super().database_forwards(app_label, schema_editor, from_state, to_state)
