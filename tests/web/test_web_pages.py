"""Pages over HTTP: check, history, practice, progress, journal, transcripts, account."""

from __future__ import annotations

import json
import re

import pytest

from conftest import PASSWORD


def test_pages_home_shows_a_labelled_form_with_csrf(client):
    html = client.get("/").text
    for field in ("age_years", "age_months", "situation", "child", "text"):
        assert f'<label for="{field}"' in html and f'id="{field}"' in html
    assert 'name="csrf_token"' in html
    assert client.cookies.get("heard_csrf")


def test_pages_security_headers_and_cookie_flags(client, signup):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/signup").text).group(1)
    r = client.post("/signup", data={"csrf_token": csrf, "email": "a@example.org", "password": PASSWORD},
                    follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert "heard_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_pages_secure_cookie_setting_marks_cookies_secure(settings, engine):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from heard.web import create_app

    app = create_app(replace(settings, secure_cookies=True), engine=engine)
    with TestClient(app, base_url="https://testserver") as c:
        assert "Secure" in c.get("/").headers["set-cookie"]


def test_pages_check_highlights_sentences_and_cues(client, csrf):
    r = client.post("/", data={"csrf_token": csrf(client), "text": "You're fine, stop crying. Look, a birdie!",
                               "age_years": "1", "age_months": "10", "situation": "Tripped on the rug",
                               "child": "crying"})
    assert r.status_code == 200
    assert 'class="sentence not-attuned"' in r.text
    assert '<mark class="cue stop"' in r.text
    assert "Try instead:" in r.text
    assert "Sign up</a> to keep a history" in r.text


def test_pages_check_attuned_response(client, csrf):
    r = client.post("/", data={"csrf_token": csrf(client), "text": "You tripped on the rug and fell. I saw.",
                               "situation": "Tripped on the rug and fell", "child": "sits up, not crying"})
    assert 'class="verdict yes"' in r.text


@pytest.mark.parametrize(("data", "code"), [({"text": ""}, "E001"), ({"text": "x" * 5001}, "E002"),
                                            ({"text": "You fell.", "age_years": "abc"}, "E052"),
                                            ({"text": "You fell.", "age_months": "12"}, "E052")])
def test_pages_check_errors_are_shown_in_the_form(client, csrf, data, code):
    r = client.post("/", data={"csrf_token": csrf(client), **data})
    assert r.status_code in (413, 422)
    assert code in r.text or "E048" in r.text
    assert "Traceback" not in r.text


def test_pages_check_saves_to_history_when_signed_in(client, signup, csrf):
    signup(client, "a@example.org")
    r = client.post("/", data={"csrf_token": csrf(client), "text": "You fell. I saw."})
    assert "Saved to your" in r.text
    check_id = int(re.search(r'href="/history/(\d+)"', r.text).group(1))
    assert "You fell. I saw." in client.get("/history").text
    assert "Saved check" in client.get(f"/history/{check_id}").text
    r = client.post(f"/history/{check_id}/delete", data={"csrf_token": csrf(client)}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/history/{check_id}").status_code == 404


def test_pages_every_form_post_without_csrf_is_refused(client, signup):
    signup(client, "a@example.org")
    for path in ("/", "/signup", "/signin", "/signout", "/practice/rug-trip", "/journal/children",
                 "/account/export", "/account/delete", "/history/1/delete"):
        r = client.post(path, data={"text": "You fell.", "csrf_token": "forged"})
        assert r.status_code == 403 and "E047" in r.text, path
    assert client.get("/account").status_code == 200  # still signed in: signout was refused


def test_pages_signin_wrong_password_and_signout(client, new_client, signup, csrf):
    signup(client, "a@example.org")
    other = new_client()
    r = other.post("/signin", data={"csrf_token": csrf(other, "/signin"), "email": "a@example.org",
                                    "password": "wrong password"})
    assert r.status_code == 401 and "E040" in r.text
    r = other.post("/signin", data={"csrf_token": csrf(other, "/signin"), "email": "a@example.org",
                                    "password": PASSWORD, "next": "https://evil.example/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    r = client.post("/signout", data={"csrf_token": csrf(client)}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/account", follow_redirects=False).headers["location"].startswith("/signin")


def test_pages_signup_errors(client, signup, csrf):
    signup(client, "a@example.org")
    other_data = {"email": "a@example.org", "password": PASSWORD}
    c2 = client
    c2.cookies.delete("heard_session")
    r = c2.post("/signup", data={"csrf_token": csrf(c2, "/signup"), **other_data})
    assert r.status_code == 422 and "E041" in r.text
    r = c2.post("/signup", data={"csrf_token": csrf(c2, "/signup"), "email": "b@example.org", "password": "short"})
    assert "E042" in r.text


def test_pages_private_pages_redirect_to_sign_in(client):
    for path in ("/history", "/journal", "/practice/progress", "/account"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/signin?next={path}"


def test_pages_expired_session_says_so(client, app, signup):
    signup(client, "a@example.org")
    from heard.web.security import hash_token

    app.state.repo.expire_session(hash_token(client.cookies.get("heard_session")))
    r = client.get("/journal", follow_redirects=False)
    assert r.status_code == 303 and "expired=1" in r.headers["location"]
    assert "Your session has expired" in client.get(r.headers["location"]).text


def test_pages_practice_list_scenario_and_feedback(client, signup, csrf):
    html = client.get("/practice").text
    assert html.count('href="/practice/') >= 40
    signup(client, "a@example.org")
    r = client.post("/practice/dog-bark", data={"csrf_token": csrf(client),
                                                "text": "That dog barked. It surprised you."})
    assert r.status_code == 200 and "One attuned answer" in r.text and "Attempt saved" in r.text
    r = client.post("/practice/dog-bark", data={"csrf_token": csrf(client), "text": "Don't be silly, stop crying."})
    assert 'class="verdict no"' in r.text
    assert "tried 2×" in client.get("/practice").text
    assert client.get("/practice/nope").status_code == 404


def test_pages_practice_without_account_gives_feedback_but_saves_nothing(client, csrf):
    r = client.post("/practice/dog-bark", data={"csrf_token": csrf(client), "text": "That surprised you."})
    assert "One attuned answer" in r.text and "Attempt saved" not in r.text


def test_pages_progress_draws_inline_svg(client, signup, csrf):
    signup(client, "a@example.org")
    for text in ("You fell. I saw.", "You're fine. Stop crying.", "Stop crying, big kids don't cry."):
        client.post("/practice/rug-trip", data={"csrf_token": csrf(client), "text": text})
    html = client.get("/practice/progress").text
    assert html.count("<svg") == 2 and "<script" not in html.split("<main")[1]
    assert 'class="dot yes"' in html and 'class="dot no"' in html
    assert 'class="bar stop"' in html
    assert "3 attempts" in html


def test_pages_journal_child_entries_timeline_edit_delete(client, signup, csrf):
    signup(client, "a@example.org")
    r = client.post("/journal/children", data={"csrf_token": csrf(client), "name": "Sam", "birth_date": "2022-05-01"},
                    follow_redirects=False)
    child_url = r.headers["location"]
    for day, kind, what in (("2023-04-10", "shared", "Offered his shaker to a crying baby"),
                            ("2024-06-01", "comforted", "Patted his sister's back")):
        r = client.post(f"{child_url}/entries", data={"csrf_token": csrf(client), "happened_on": day, "kind": kind,
                                                      "what": what, "age_months": ""}, follow_redirects=False)
        assert r.status_code == 303
    html = client.get(child_url).text
    assert "<h2>6 to 12 months</h2>" in html and "<h2>2 years old</h2>" in html and "Under 6 months" not in html
    assert html.index("Offered his shaker") < html.index("Patted his sister")
    assert "11 months" in html and "2 years old" in html and '<circle class="dot shared"' in html
    entry_id = re.search(r'href="/journal/entries/(\d+)"', html).group(1)
    data = {"csrf_token": csrf(client), "happened_on": "2023-04-10", "kind": "helped", "what": "Edited moment",
            "age_months": "11"}
    r = client.post(f"/journal/entries/{entry_id}", data=data, follow_redirects=False)
    assert r.status_code == 303 and "Edited moment" in client.get(child_url).text
    client.post(f"/journal/entries/{entry_id}/delete", data={"csrf_token": csrf(client)})
    assert "Edited moment" not in client.get(child_url).text
    client.post(f"{child_url}/delete", data={"csrf_token": csrf(client)})
    assert client.get(child_url).status_code == 404


def test_pages_journal_entry_errors_are_shown(client, signup, csrf):
    signup(client, "a@example.org")
    child_url = client.post("/journal/children", data={"csrf_token": csrf(client), "name": "Sam"},
                            follow_redirects=False).headers["location"]
    for data, code in (({"kind": "helped", "what": "", "happened_on": "2024-01-01"}, "E052"),
                       ({"kind": "hugged", "what": "x", "happened_on": "2024-01-01"}, "E056"),
                       ({"kind": "helped", "what": "x", "happened_on": "3000-01-01"}, "E055")):
        r = client.post(f"{child_url}/entries", data={"csrf_token": csrf(client), **data})
        assert r.status_code == 422 and code in r.text
    r = client.post("/journal/children", data={"csrf_token": csrf(client), "name": " "})
    assert r.status_code == 422 and "E052" in r.text


def test_pages_account_export_and_delete(client, signup, csrf):
    signup(client, "a@example.org")
    client.post("/", data={"csrf_token": csrf(client), "text": "You fell. I saw."})
    r = client.post("/account/export", data={"csrf_token": csrf(client)})
    assert r.headers["content-disposition"].startswith("attachment")
    data = json.loads(r.text)
    assert data["account"]["email"] == "a@example.org" and len(data["checks"]) == 1
    r = client.post("/account/delete", data={"csrf_token": csrf(client), "confirm": "nope"})
    assert r.status_code == 422
    r = client.post("/account/delete", data={"csrf_token": csrf(client), "confirm": "DELETE"})
    assert "Your account is deleted" in r.text
    assert client.get("/history", follow_redirects=False).status_code == 303


def test_pages_no_third_party_urls_in_any_page_or_asset(client, signup):
    signup(client, "a@example.org")
    bodies = [client.get(p).text for p in ("/", "/practice", "/practice/rug-trip", "/transcripts", "/journal",
                                           "/account", "/history", "/practice/progress", "/signin")]
    bodies += [client.get(f"/static/{n}").text for n in ("style.css", "app.js", "favicon.svg")]
    for body in bodies:
        urls = re.findall(r"(?:src|href|action)=\"(https?:)?//", body) + re.findall(r"url\((?:'|\")?https?:", body)
        assert not urls
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load from a CDN


def test_pages_unknown_page_is_a_friendly_404(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "There is no page at this address" in r.text
