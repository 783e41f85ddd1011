"""The JSON API, endpoint by endpoint, with its errors (run on every backend)."""

from __future__ import annotations

import pytest

from conftest import PASSWORD

CHECK = {"text": "You're fine, stop crying. Look, a birdie!", "age_months": 22,
         "situation": "Tripped on the rug and fell", "child": "crying"}


def error(r) -> str:
    body = r.json()
    assert set(body) == {"error"}, body
    assert "Traceback" not in r.text
    return body["error"]["code"]


def test_api_openapi_schema_lists_every_endpoint(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/check", "/api/v1/transcripts", "/api/v1/scenarios",
                 "/api/v1/scenarios/{scenario_id}/attempts",
                 "/api/v1/attempts", "/api/v1/progress", "/api/v1/children", "/api/v1/children/{child_id}/entries",
                 "/api/v1/entries/{entry_id}", "/api/v1/accounts", "/api/v1/sessions", "/api/v1/account/export"):
        assert path in paths


def test_api_health_ok(client):
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_api_check_returns_the_engine_result_without_an_account(client):
    r = client.post("/api/v1/check", json=CHECK)
    assert r.status_code == 200
    body = r.json()
    assert body["attuned"] is False and "saved_id" not in body
    codes = {c["code"] for s in body["sentences"] for c in s["codes"]}
    assert {"stop", "redirect"} <= codes


def test_api_check_saves_to_history_when_authenticated(client, api_user):
    h = api_user(client, "a@example.org")
    saved_id = client.post("/api/v1/check", json=CHECK, headers=h).json()["saved_id"]
    assert [c["id"] for c in client.get("/api/v1/checks", headers=h).json()] == [saved_id]
    one = client.get(f"/api/v1/checks/{saved_id}", headers=h).json()
    assert one["text"] == CHECK["text"] and one["situation"] == CHECK["situation"]
    assert client.delete(f"/api/v1/checks/{saved_id}", headers=h).status_code == 204
    assert error(client.get(f"/api/v1/checks/{saved_id}", headers=h)) == "E046"
    assert error(client.delete(f"/api/v1/checks/{saved_id}", headers=h)) == "E046"


def test_api_check_save_false_keeps_nothing(client, api_user):
    h = api_user(client, "a@example.org")
    assert "saved_id" not in client.post("/api/v1/check", json={**CHECK, "save": False}, headers=h).json()
    assert client.get("/api/v1/checks", headers=h).json() == []


@pytest.mark.parametrize(("body", "code", "status"), [
    ({"text": ""}, "E001", 422),
    ({"text": "x" * 5001}, "E002", 422),
    ({"text": "🙂🙂🙂"}, "E005", 422),
    ({"text": "You fell.", "age_months": 300}, "E007", 422),
    ({"text": "You fell.", "situation": "s" * 2001}, "E008", 422),
    ({"text": "You fell.", "age_months": "two"}, "E052", 422),
    ({"txt": "You fell."}, "E052", 422),
    ({"text": "You fell.", "extra": 1}, "E052", 422),
])
def test_api_check_rejects_bad_input_with_the_guard_codes(client, body, code, status):
    r = client.post("/api/v1/check", json=body)
    assert r.status_code == status
    assert error(r) == code


def test_api_malformed_json_is_e050(client):
    r = client.post("/api/v1/check", content=b'{"text": "You fell.', headers={"content-type": "application/json"})
    assert r.status_code == 400 and error(r) == "E050"


def test_api_oversized_body_names_the_limit(client):
    r = client.post("/api/v1/check", json={"text": "a" * 70_000})
    assert r.status_code == 413 and error(r) == "E048"
    assert "MAX_BODY_BYTES" in r.json()["error"]["message"] and "65,536" in r.json()["error"]["message"]


def test_api_accounts_sign_up_sign_in_and_out(client):
    r = client.post("/api/v1/accounts", json={"email": "New@Example.org", "password": PASSWORD})
    assert r.status_code == 201 and r.json()["email"] == "new@example.org"
    assert error(client.post("/api/v1/accounts", json={"email": "new@example.org", "password": PASSWORD})) == "E041"
    token = client.post("/api/v1/sessions", json={"email": "new@example.org", "password": PASSWORD}).json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/account", headers=h).json()["email"] == "new@example.org"
    assert client.delete("/api/v1/sessions/current", headers=h).status_code == 204
    assert error(client.get("/api/v1/account", headers=h)) == "E044"


@pytest.mark.parametrize(("body", "code", "status"), [
    ({"email": "not-an-email", "password": PASSWORD}, "E043", 422),
    ({"email": "a@example.org", "password": "short"}, "E042", 422),
])
def test_api_sign_up_validates(client, body, code, status):
    r = client.post("/api/v1/accounts", json=body)
    assert r.status_code == status and error(r) == code


def test_api_sign_in_wrong_password_or_unknown_email_is_e040(client, api_user):
    api_user(client, "a@example.org")
    for body in ({"email": "a@example.org", "password": "wrong password!"},
                 {"email": "nobody@example.org", "password": PASSWORD}):
        r = client.post("/api/v1/sessions", json=body)
        assert r.status_code == 401 and error(r) == "E040"


@pytest.mark.parametrize("path", ["/api/v1/account", "/api/v1/checks", "/api/v1/attempts", "/api/v1/progress",
                                  "/api/v1/children", "/api/v1/account/export"])
def test_api_private_endpoints_need_a_token(client, path):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        r = client.get(path, headers=headers)
        assert r.status_code == 401 and error(r) == "E044"


def test_api_expired_token_is_e045(client, app, api_user):
    h = api_user(client, "a@example.org")
    from heard.web.security import hash_token

    app.state.repo.expire_session(hash_token(h["Authorization"].split()[1]))
    r = client.get("/api/v1/account", headers=h)
    assert r.status_code == 401 and error(r) == "E045"


def test_api_scenarios_list_and_one(client):
    scenarios = client.get("/api/v1/scenarios").json()
    assert len(scenarios) >= 40
    one = client.get(f"/api/v1/scenarios/{scenarios[0]['id']}").json()
    assert one == scenarios[0]
    r = client.get("/api/v1/scenarios/no-such-scenario")
    assert r.status_code == 404 and error(r) == "E054"


def test_api_attempts_and_progress(client, api_user):
    h = api_user(client, "a@example.org")
    good = client.post("/api/v1/scenarios/rug-trip/attempts", json={"text": "You tripped and fell. I saw."}, headers=h)
    bad = client.post("/api/v1/scenarios/rug-trip/attempts", json={"text": "You're fine. Stop crying."}, headers=h)
    assert good.status_code == bad.status_code == 201
    assert good.json()["example"] and good.json()["scenario_id"] == "rug-trip"
    assert bad.json()["attuned"] is False and "stop" in bad.json()["codes"]
    listed = client.get("/api/v1/attempts", headers=h).json()
    assert [a["id"] for a in listed] == [good.json()["id"], bad.json()["id"]]
    assert client.get("/api/v1/attempts?scenario_id=dog-bark", headers=h).json() == []
    progress = client.get("/api/v1/progress", headers=h).json()
    assert progress["attempts"] == 2
    assert {"code": "stop", "count": 1} in progress["recurring_codes"]
    assert len(progress["rolling"]) == 2
    aid = bad.json()["id"]
    assert client.get(f"/api/v1/attempts/{aid}", headers=h).json()["text"] == "You're fine. Stop crying."
    assert client.delete(f"/api/v1/attempts/{aid}", headers=h).status_code == 204
    assert error(client.get(f"/api/v1/attempts/{aid}", headers=h)) == "E046"
    assert error(client.delete(f"/api/v1/attempts/{aid}", headers=h)) == "E046"


def test_api_attempt_errors(client, api_user):
    h = api_user(client, "a@example.org")
    assert error(client.post("/api/v1/scenarios/nope/attempts", json={"text": "You fell."}, headers=h)) == "E054"
    assert error(client.post("/api/v1/scenarios/rug-trip/attempts", json={"text": " "}, headers=h)) == "E001"
    assert error(client.post("/api/v1/scenarios/rug-trip/attempts", json={"text": "You fell."})) == "E044"


def test_api_children_and_journal_entries(client, api_user):
    h = api_user(client, "a@example.org")
    child = client.post("/api/v1/children", json={"name": "Mia", "birth_date": "2023-01-15"}, headers=h).json()
    assert client.get("/api/v1/children", headers=h).json() == [child]
    renamed = client.patch(f"/api/v1/children/{child['id']}", json={"name": "Mia R.", "birth_date": "2023-01-15"},
                           headers=h).json()
    assert renamed["name"] == "Mia R."
    assert client.get(f"/api/v1/children/{child['id']}", headers=h).json()["name"] == "Mia R."
    entry = client.post(f"/api/v1/children/{child['id']}/entries", headers=h, json={
        "happened_on": "2024-03-20", "kind": "comforted", "what": "Patted her crying friend", "note": "at music"})
    assert entry.status_code == 201
    e = entry.json()
    assert e["age_months"] == 14  # worked out from the birth date
    changed = client.patch(f"/api/v1/entries/{e['id']}", json={"kind": "shared", "age_months": 15}, headers=h).json()
    assert changed["kind"] == "shared" and changed["age_months"] == 15 and changed["what"] == e["what"]
    assert client.get(f"/api/v1/entries/{e['id']}", headers=h).json() == changed
    assert [x["id"] for x in client.get(f"/api/v1/children/{child['id']}/entries", headers=h).json()] == [e["id"]]
    assert client.delete(f"/api/v1/entries/{e['id']}", headers=h).status_code == 204
    assert error(client.get(f"/api/v1/entries/{e['id']}", headers=h)) == "E046"
    assert client.delete(f"/api/v1/children/{child['id']}", headers=h).status_code == 204
    assert error(client.get(f"/api/v1/children/{child['id']}", headers=h)) == "E046"


@pytest.mark.parametrize(("body", "code"), [
    ({"happened_on": "2999-01-01", "kind": "helped", "what": "x"}, "E055"),
    ({"happened_on": "2024-01-01", "kind": "hugged", "what": "x"}, "E056"),
    ({"happened_on": "2024-01-01", "kind": "helped", "what": "  "}, "E052"),
    ({"happened_on": "2024-01-01", "kind": "helped", "what": "x" * 2001}, "E008"),
    ({"happened_on": "2024-01-01", "kind": "helped", "what": "x", "age_months": 999}, "E007"),
    ({"happened_on": "not a date", "kind": "helped", "what": "x"}, "E052"),
])
def test_api_journal_entry_validation(client, api_user, body, code):
    h = api_user(client, "a@example.org")
    child = client.post("/api/v1/children", json={"name": "Mia"}, headers=h).json()
    r = client.post(f"/api/v1/children/{child['id']}/entries", json=body, headers=h)
    assert r.status_code == 422 and error(r) == code


@pytest.mark.parametrize(("body", "code"), [({"name": ""}, "E052"), ({"name": "n" * 101}, "E008"),
                                            ({"name": "Mia", "birth_date": "2999-01-01"}, "E055")])
def test_api_child_validation(client, api_user, body, code):
    h = api_user(client, "a@example.org")
    r = client.post("/api/v1/children", json=body, headers=h)
    assert r.status_code == 422 and error(r) == code


def test_api_unknown_ids_are_e046(client, api_user):
    h = api_user(client, "a@example.org")
    for method, path in [("GET", "/api/v1/children/999"), ("PATCH", "/api/v1/children/999"),
                         ("DELETE", "/api/v1/children/999"), ("GET", "/api/v1/children/999/entries"),
                         ("POST", "/api/v1/children/999/entries"), ("GET", "/api/v1/entries/999"),
                         ("PATCH", "/api/v1/entries/999"), ("DELETE", "/api/v1/entries/999")]:
        body = {"name": "x"} if "children/999" in path and method == "PATCH" else {"kind": "helped", "what": "x"}
        r = client.request(method, path, headers=h, json=body if method in {"POST", "PATCH"} else None)
        assert r.status_code == 404 and error(r) == "E046", (method, path)


def test_api_non_numeric_id_is_a_clear_422(client, api_user):
    h = api_user(client, "a@example.org")
    r = client.get("/api/v1/children/1%20OR%201=1", headers=h)
    assert r.status_code == 422 and error(r) == "E052"


def test_api_export_and_delete_account(client, api_user):
    h = api_user(client, "a@example.org")
    client.post("/api/v1/check", json=CHECK, headers=h)
    child = client.post("/api/v1/children", json={"name": "Mia"}, headers=h).json()
    client.post(f"/api/v1/children/{child['id']}/entries", json={"kind": "helped", "what": "Fed the cat"}, headers=h)
    exported = client.get("/api/v1/account/export", headers=h).json()
    assert exported["account"]["email"] == "a@example.org"
    assert len(exported["checks"]) == 1 and exported["journal"][0]["what"] == "Fed the cat"
    assert "password" not in str(exported).lower()
    assert client.delete("/api/v1/account", headers=h).status_code == 204
    assert error(client.get("/api/v1/account", headers=h)) == "E044"
    r = client.post("/api/v1/sessions", json={"email": "a@example.org", "password": PASSWORD})
    assert error(r) == "E040"


def test_api_unknown_path_is_json_404(client):
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and error(r) == "E404"
