"""Alembic migrations for heard's store (named, add-only; run on start by ``heard.store.migrate``)."""
