"""Fixtures for the web tests.

* ``app`` / ``client``: the app on a fresh database per test, once per backend (SQLite always,
  PostgreSQL when ``HEARD_TEST_POSTGRES_URL`` is set; otherwise those runs are skipped).
* ``signup(client, email)``: a signed-in browser session; ``api_user(client, email)``: bearer headers.
* ``csrf(client)``: the CSRF token a page form carries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from db_backends import BACKENDS, database_url
from heard.web import Settings, create_app

PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from database_url(request.param, tmp_path)


@pytest.fixture()
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, secret_key="test-secret", busy_timeout_ms=300)


@pytest.fixture()
def app(settings: Settings, engine) -> FastAPI:
    return create_app(settings, engine=engine)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture()
def new_client(app: FastAPI) -> Callable[[], TestClient]:
    """Another browser on the same app (its own cookies)."""
    return lambda: TestClient(app, raise_server_exceptions=False)


def csrf_token(client: TestClient, path: str = "/") -> str:
    match = _TOKEN.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


@pytest.fixture()
def csrf() -> Callable[..., str]:
    return csrf_token


def sign_up(client: TestClient, email: str) -> TestClient:
    token = csrf_token(client, "/signup")
    r = client.post("/signup", data={"csrf_token": token, "email": email, "password": PASSWORD},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


@pytest.fixture()
def signup() -> Callable[[TestClient, str], TestClient]:
    return sign_up


def api_headers(client: TestClient, email: str) -> dict[str, str]:
    r = client.post("/api/v1/accounts", json={"email": email, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = client.post("/api/v1/sessions", json={"email": email, "password": PASSWORD})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture()
def api_user() -> Callable[[TestClient, str], dict[str, str]]:
    return api_headers
