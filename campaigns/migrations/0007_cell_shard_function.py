"""PostgreSQL: the function that picks which shard of a counter cell an action adds to.

A writer keeps the cell row it added to locked until its transaction commits, so actions
that share a cell (same campaign, metric, day, district and source) would queue on it. The
function tries a transaction-scoped advisory lock per shard, without waiting, and returns
the first shard no open transaction is writing: a cell gets a second row only while two
writers meet on it, so quiet cells stay one row, which today's reports sum. When every
shard is taken it picks one at random and that writer waits its turn. SQLite runs one
writer at a time and does without.
"""

from django.db import migrations

CELL_SHARDS = 8  # campaigns.totals.CELL_SHARDS

CREATE = f"""
CREATE OR REPLACE FUNCTION campaigns_free_cell_shard(
    campaign bigint, metric text, day date, state text, district integer, source text
) RETURNS smallint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    cell integer := hashtext(concat_ws('|', campaign, metric, day, state, district, source));
BEGIN
    FOR shard IN 0..{CELL_SHARDS - 1} LOOP
        -- Held until this transaction ends, like the row lock the upsert takes. Two cells
        -- with the same hash only make each other move on to the next shard.
        IF pg_try_advisory_xact_lock(cell, shard) THEN
            RETURN shard;
        END IF;
    END LOOP;
    RETURN floor(random() * {CELL_SHARDS})::smallint;
END $$;
"""
DROP = (
    "DROP FUNCTION IF EXISTS campaigns_free_cell_shard(bigint, text, date, text, integer, text)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0006_consent_partner_index_where_set")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
