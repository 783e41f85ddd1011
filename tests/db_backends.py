"""Database URLs for store and API tests: SQLite always, PostgreSQL when HEARD_TEST_POSTGRES_URL is set.

Each PostgreSQL test gets its own schema (via ``search_path``), dropped afterwards, so tests
never see each other's rows and need no superuser rights.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

PG_ENV = "HEARD_TEST_POSTGRES_URL"
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


def _pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (scripts/ci-system-deps.sh starts one)")
    return url


def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """Yield a fresh, empty database URL for ``backend``; clean it up afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'heard.sqlite3'}"
        return
    from sqlalchemy import create_engine, text

    from heard.store.db import normalize_url

    base = normalize_url(_pg_url())
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # server down or wrong credentials: say so, don't fail every test
        admin.dispose()
        pytest.skip(f"PostgreSQL at {PG_ENV} is not usable: {type(exc).__name__}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
