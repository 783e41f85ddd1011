"""Persistence for the web app: one repository interface over SQLite or PostgreSQL.

``open_store(url)`` builds the SQLAlchemy engine, runs the Alembic migrations and returns a
:class:`~heard.store.repository.Repository`; every method that reads or writes user data
takes the account id, so no query can reach another account's rows.
"""

from heard.store.db import StoreUnavailable, default_database_url, make_engine, migrate, open_store
from heard.store.repository import Repository

__all__ = ["Repository", "StoreUnavailable", "default_database_url", "make_engine", "migrate", "open_store"]
