"""User B can read, change or delete nothing of user A's, by page or API, for every resource."""

from __future__ import annotations

import pytest


@pytest.fixture()
def alice(client, api_user):
    h = api_user(client, "alice@example.org")
    check = client.post("/api/v1/check", json={"text": "You fell. I saw."}, headers=h).json()["saved_id"]
    attempt = client.post("/api/v1/scenarios/rug-trip/attempts", json={"text": "You fell."}, headers=h).json()["id"]
    child = client.post("/api/v1/children", json={"name": "Mia"}, headers=h).json()["id"]
    entry = client.post(f"/api/v1/children/{child}/entries", json={"kind": "helped", "what": "Fed the cat"},
                        headers=h).json()["id"]
    before = client.get("/api/v1/account/export", headers=h).json()
    return {"h": h, "check": check, "attempt": attempt, "child": child, "entry": entry, "before": before}


def _unchanged(client, alice):
    assert client.get("/api/v1/account/export", headers=alice["h"]).json() == alice["before"]


def test_isolation_api_user_b_gets_404_for_everything_of_a(client, api_user, alice):
    hb = api_user(client, "bob@example.org")
    a = alice
    calls = [
        ("GET", f"/api/v1/checks/{a['check']}", None), ("DELETE", f"/api/v1/checks/{a['check']}", None),
        ("GET", f"/api/v1/attempts/{a['attempt']}", None), ("DELETE", f"/api/v1/attempts/{a['attempt']}", None),
        ("GET", f"/api/v1/children/{a['child']}", None),
        ("PATCH", f"/api/v1/children/{a['child']}", {"name": "Hacked"}),
        ("DELETE", f"/api/v1/children/{a['child']}", None),
        ("GET", f"/api/v1/children/{a['child']}/entries", None),
        ("POST", f"/api/v1/children/{a['child']}/entries", {"kind": "helped", "what": "injected"}),
        ("GET", f"/api/v1/entries/{a['entry']}", None),
        ("PATCH", f"/api/v1/entries/{a['entry']}", {"what": "Hacked"}),
        ("DELETE", f"/api/v1/entries/{a['entry']}", None),
    ]
    for method, path, body in calls:
        r = client.request(method, path, headers=hb, json=body)
        assert r.status_code == 404 and r.json()["error"]["code"] == "E046", (method, path)
    for path in ("/api/v1/checks", "/api/v1/attempts", "/api/v1/children"):
        assert client.get(path, headers=hb).json() == []
    exported = client.get("/api/v1/account/export", headers=hb).json()
    assert exported["checks"] == exported["attempts"] == exported["children"] == exported["journal"] == []
    assert client.get("/api/v1/progress", headers=hb).json()["attempts"] == 0
    _unchanged(client, alice)


def test_isolation_pages_user_b_gets_404_for_everything_of_a(client, new_client, signup, csrf, alice):
    b = signup(new_client(), "bob@example.org")
    a = alice
    for path in (f"/history/{a['check']}", f"/journal/children/{a['child']}", f"/journal/entries/{a['entry']}"):
        assert b.get(path).status_code == 404, path
    posts = [(f"/history/{a['check']}/delete", {}),
             (f"/journal/children/{a['child']}/delete", {}),
             (f"/journal/children/{a['child']}/entries", {"kind": "helped", "what": "injected",
                                                           "happened_on": "2024-01-01"}),
             (f"/journal/entries/{a['entry']}", {"kind": "helped", "what": "Hacked", "happened_on": "2024-01-01"}),
             (f"/journal/entries/{a['entry']}/delete", {})]
    for path, data in posts:
        r = b.post(path, data={"csrf_token": csrf(b), **data})
        assert r.status_code == 404 and "E046" in r.text, path
    assert "You fell. I saw." not in b.get("/history").text
    assert "Mia" not in b.get("/journal").text
    assert "1 attempt" not in b.get("/practice/progress").text
    _unchanged(client, alice)


def test_isolation_a_session_cookie_does_not_work_as_an_api_token_without_bearer(client, signup):
    signup(client, "a@example.org")
    r = client.get("/api/v1/account")  # the cookie is sent, but the API only reads bearer tokens
    assert r.status_code == 401
