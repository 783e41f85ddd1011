"""Bad input and faults: script in fields, SQL metacharacters, locked or unreachable databases,
a server killed mid-request."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from heard.web import Settings, create_app

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_faults_script_in_every_field_is_escaped(client, signup, csrf):
    signup(client, "a@example.org")
    r = client.post("/", data={"csrf_token": csrf(client), "text": f"You fell. {SCRIPT}",
                               "situation": SCRIPT, "child": SCRIPT})
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text
    assert "<img src=x" not in r.text
    child_url = client.post("/journal/children", data={"csrf_token": csrf(client), "name": SCRIPT},
                            follow_redirects=False).headers["location"]
    client.post(f"{child_url}/entries", data={"csrf_token": csrf(client), "kind": "helped", "what": SCRIPT,
                                              "note": SCRIPT, "happened_on": "2024-01-01"})
    for page in (child_url, "/journal", "/history"):
        html = client.get(page).text
        assert "<script>alert" not in html and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", "")


def test_faults_script_in_email_field_is_escaped(client, csrf):
    r = client.post("/signup", data={"csrf_token": csrf(client, "/signup"), "email": SCRIPT, "password": "x" * 12})
    assert r.status_code == 422 and "<script>alert" not in r.text


@pytest.mark.parametrize("evil", ["'; DROP TABLE accounts; --", "1 OR 1=1", "Robert'); DELETE FROM checks;--",
                                  '" OR ""="'])
def test_faults_sql_metacharacters_are_stored_as_text(client, api_user, evil):
    h = api_user(client, "a@example.org")
    child = client.post("/api/v1/children", json={"name": evil}, headers=h).json()
    assert client.get(f"/api/v1/children/{child['id']}", headers=h).json()["name"] == evil
    r = client.post("/api/v1/sessions", json={"email": evil, "password": evil})
    assert r.status_code == 401
    assert client.get("/api/v1/account", headers=h).status_code == 200  # tables still there


def test_faults_locked_sqlite_database_is_a_503_and_nothing_half_written(tmp_path, engine, csrf):
    db = tmp_path / "locked.sqlite3"
    app = create_app(Settings(database_url=f"sqlite:///{db}", secret_key="t", busy_timeout_ms=200), engine=engine)
    client = TestClient(app, raise_server_exceptions=False)
    token = csrf(client, "/signup")
    locker = sqlite3.connect(db, timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        r = client.post("/signup", data={"csrf_token": token, "email": "a@example.org", "password": "x" * 12})
        assert r.status_code == 503 and "E051" in r.text and "locked" in r.text and "Traceback" not in r.text
        r = client.post("/api/v1/accounts", json={"email": "b@example.org", "password": "x" * 12})
        assert r.status_code == 503 and r.json()["error"]["code"] == "E051" and r.headers["retry-after"] == "5"
    finally:
        locker.rollback()
        locker.close()
    counts = app.state.repo.count_rows()
    assert counts["accounts"] == 0 and counts["sessions"] == 0


def test_faults_unreachable_database_is_a_503(tmp_path, engine):
    settings = Settings(database_url="postgresql://heard:x@127.0.0.1:9/heard", secret_key="t", run_migrations=False)
    client = TestClient(create_app(settings, engine=engine), raise_server_exceptions=False)
    r = client.post("/api/v1/accounts", json={"email": "a@example.org", "password": "x" * 12})
    assert r.status_code == 503 and r.json()["error"]["code"] == "E051" and "Traceback" not in r.text
    assert client.get("/api/v1/health").status_code == 503
    client.cookies.set("heard_session", "abc")
    r = client.get("/journal")
    assert r.status_code == 503 and "Temporarily unavailable" in r.text
    # Checking a response needs no database: it keeps working.
    assert client.post("/api/v1/check", json={"text": "You fell."}).status_code == 200


def test_faults_unreachable_database_at_start_is_a_clear_cli_error(invoke):
    result = invoke("serve", "--db", "postgresql://heard:x@127.0.0.1:9/heard", "--port", "1")
    assert result.exit_code == 2 and "E051" in result.output and "Traceback" not in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, port: int, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HEARD_SECRET_KEY": "t"}
    cmd = [sys.executable, "-c", "from heard.cli.main import main; main()", "serve", "--db", str(db),
           "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=0.5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server did not start")


def test_faults_killed_server_leaves_no_corrupt_rows(tmp_path):
    db, port = tmp_path / "kill.sqlite3", _free_port()
    proc = _start(db, port)
    base = f"http://127.0.0.1:{port}/api/v1"
    with httpx.Client(base_url=base, timeout=5) as c:
        c.post("/accounts", json={"email": "a@example.org", "password": "x" * 12})
        h = {"Authorization": "Bearer " + c.post("/sessions", json={"email": "a@example.org",
                                                                    "password": "x" * 12}).json()["token"]}
        child = c.post("/children", json={"name": "Mia"}, headers=h).json()["id"]
    stop = threading.Event()
    statuses: list[int] = []

    def hammer() -> None:
        with httpx.Client(base_url=base, timeout=10) as c:
            while not stop.is_set():
                try:
                    r = c.post("/check", json={"text": "You fell. I saw. It hurts."}, headers=h)
                    statuses.append(r.status_code)
                    c.post(f"/children/{child}/entries", json={"kind": "helped", "what": "x" * 500}, headers=h)
                except httpx.HTTPError:
                    return

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT result_json, attuned FROM checks").fetchall()
    assert rows, f"the load wrote nothing before the kill: {statuses[:5]}"
    import json

    assert all(json.loads(r[0])["sentences"] and r[1] in (0, 1) for r in rows)
    assert all(len(w) == 500 for (w,) in conn.execute("SELECT what FROM journal_entries"))
    conn.close()
    proc = _start(db, _free_port())  # restarts cleanly (migrations are a no-op) and still serves
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=10)


def test_serve_with_two_workers_serves_one_account_from_either_process(tmp_path):
    db, port = tmp_path / "workers.sqlite3", _free_port()
    proc = _start(db, port, "--workers", "2")
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        httpx.post(base + "/accounts", json={"email": "w@example.org", "password": "x" * 12}, timeout=5)
        token = httpx.post(base + "/sessions", json={"email": "w@example.org", "password": "x" * 12}, timeout=5)
        h = {"Authorization": "Bearer " + token.json()["token"]}
        # A new connection per request: each may be accepted by either process.
        saved = [httpx.post(base + "/check", json={"text": f"You fell. I saw. {i}", "save": True}, headers=h,
                            timeout=5).json()["saved_id"] for i in range(8)]
        listed = httpx.get(base + "/checks", headers=h, timeout=5).json()
        assert sorted(c["id"] for c in listed) == sorted(saved)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)  # raises if the workers do not shut down
