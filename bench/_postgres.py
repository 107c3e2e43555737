"""PostgreSQL helpers shared by the benchmarks: each creates and drops its own database."""

PG = "postgres://postgres@127.0.0.1:5432"


def postgres_available() -> bool:
    try:
        import psycopg

        psycopg.connect(f"{PG}/postgres", connect_timeout=2).close()
        return True
    except Exception as exc:  # any driver error means "not available here"
        print(f"skipped: PostgreSQL not reachable ({type(exc).__name__})")
        return False


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
