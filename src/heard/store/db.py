"""Engine creation, migrations on start, and the database location.

SQLite (the default, a file in the user's data directory) and PostgreSQL differ only here
and in nothing the repository does: connection options, pragmas and the URL dialect.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from heard.store.repository import Repository

ENV_URL = "HEARD_DATABASE_URL"
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreUnavailable(Exception):
    """The database cannot be reached or is locked; the web app answers 503."""


def default_database_url() -> str:
    """HEARD_DATABASE_URL, or an SQLite file in the user's data directory (platformdirs)."""
    url = os.environ.get(ENV_URL)
    if url:
        return url
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("heard", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'heard.sqlite3'}"


def normalize_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs (psycopg2 is not a dependency)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        # WAL lets readers and one writer work at once; busy_timeout waits for a lock a
        # short while before failing (then the app answers 503 instead of hanging).
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return on_connect


def make_engine(url: str, *, busy_timeout_ms: int = 5000) -> Engine:
    """A SQLAlchemy engine for ``url`` with the settings heard relies on."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
                               pool_size=20, max_overflow=20)
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=20, max_overflow=10,
                         connect_args={"connect_timeout": 3})


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration (idempotent; runs on every start)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except DBAPIError as exc:
        raise StoreUnavailable(f"cannot migrate the database: {type(exc.orig).__name__}") from exc


def open_store(url: str | None = None, *, run_migrations: bool = True, busy_timeout_ms: int = 5000) -> Repository:
    """The repository for ``url`` (default: :func:`default_database_url`), migrated."""
    engine = make_engine(url or default_database_url(), busy_timeout_ms=busy_timeout_ms)
    if run_migrations:
        migrate(engine)
    return Repository(engine)
