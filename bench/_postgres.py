"""PostgreSQL helpers shared by the benchmarks: each creates and drops its own database.

A benchmark's database is named after the script and its process, `ac_bench_<name>_<pid>`,
so two runs at the same time never share one, and run_all.py can drop what a benchmark
it had to kill left behind (`drop_databases_of(pid)`).
"""

import os
import re

PG = "postgres://postgres@127.0.0.1:5432"
PREFIX = "ac_bench_"


def database_name(script: str) -> str:
    """The database of benchmark `script` ("delivery") in this process."""
    return f"{PREFIX}{script}_{os.getpid()}"


def postgres_available() -> bool:
    return postgres_problem() is None


def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used here, or None."""
    try:
        import psycopg

        psycopg.connect(f"{PG}/postgres", connect_timeout=2).close()
        return None
    except Exception as exc:  # any driver error means "not available here"
        return f"PostgreSQL not reachable at {PG} ({type(exc).__name__})"


def admin_sql(statement: str, database: str = "postgres") -> list:
    """Run one statement outside a transaction (CREATE/DROP DATABASE); its rows, if any."""
    import psycopg

    with psycopg.connect(f"{PG}/{database}", autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def drop_database(name: str) -> None:
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def recreate_database(name: str) -> None:
    drop_database(name)
    admin_sql(f'CREATE DATABASE "{name}"')


def databases_of(pid: int) -> list[str]:
    """The benchmark databases process `pid` created and has not dropped."""
    pattern = re.compile(rf"{PREFIX}[a-z_]+_{pid}")
    rows = admin_sql("SELECT datname FROM pg_database")
    return [name for (name,) in rows if pattern.fullmatch(name)]


def drop_databases_of(pid: int) -> list[str]:
    names = databases_of(pid)
    for name in names:
        drop_database(name)
    return names


def close_django_connections() -> None:
    """Close this process's Django connections, if Django was set up at all."""
    import sys

    if "django.apps" not in sys.modules:
        return
    from django.apps import apps

    if apps.ready:
        from django.db import connections

        connections.close_all()
