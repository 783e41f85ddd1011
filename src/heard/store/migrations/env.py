"""Alembic environment: runs on the connection heard passes in (or the URL in the config).

heard runs migrations programmatically (``heard.store.migrate``); the ``alembic`` command also
works with ``-x url=...``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from heard.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    # render_as_batch lets SQLite apply ALTERs by copying tables, so later add-only
    # migrations work on both backends.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url") or ""
    with create_engine(url).connect() as conn:
        _run(conn)
