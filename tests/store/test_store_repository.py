"""The repository on each backend: migrations, scoping by account, whole transactions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect

from db_backends import BACKENDS, database_url
from heard.store import Repository, migrate, open_store
from heard.store.repository import EmailTaken, utcnow


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    for url in database_url(request.param, tmp_path):
        r = open_store(url)
        yield r
        r.engine.dispose()


def _entry(**kw):
    return {"happened_on": date(2024, 1, 2), "age_months": 20, "kind": "helped", "what": "Fed the cat", "note": None,
            **kw}


def test_store_migrations_create_the_tables_and_are_idempotent(repo):
    migrate(repo.engine)  # a second run on start must be a no-op
    tables = set(inspect(repo.engine).get_table_names())
    assert {"accounts", "sessions", "checks", "attempts", "children", "journal_entries", "alembic_version"} <= tables


def test_store_email_is_unique(repo):
    repo.create_account("a@example.org", "h")
    with pytest.raises(EmailTaken):
        repo.create_account("a@example.org", "h2")
    assert repo.count_rows()["accounts"] == 1


def test_store_sessions_expire(repo):
    a = repo.create_account("a@example.org", "h")
    repo.create_session(a.id, "live", utcnow() + timedelta(days=1))
    repo.create_session(a.id, "old", utcnow() - timedelta(seconds=1))
    assert repo.session_account("live") == (a, False)
    assert repo.session_account("old") == (None, True)
    assert repo.session_account("old") == (None, False)  # expired sessions are removed
    repo.delete_session("live")
    assert repo.session_account("live") == (None, False)


def test_store_every_read_and_write_is_scoped_to_the_account(repo):
    a, b = repo.create_account("a@example.org", "h"), repo.create_account("b@example.org", "h")
    check = repo.add_check(a.id, "You fell.", {"age_months": 20}, {"attuned": True, "sentences": []})
    attempt = repo.add_attempt(a.id, "rug-trip", "You fell.", {"attuned": True}, ())
    child = repo.add_child(a.id, "Mia", None)
    entry = repo.add_entry(a.id, child.id, _entry())
    assert entry is not None
    assert repo.get_check(b.id, check.id) is None and not repo.delete_check(b.id, check.id)
    assert repo.get_attempt(b.id, attempt.id) is None and not repo.delete_attempt(b.id, attempt.id)
    assert repo.get_child(b.id, child.id) is None and repo.update_child(b.id, child.id, "X", None) is None
    assert not repo.delete_child(b.id, child.id)
    assert repo.add_entry(b.id, child.id, _entry()) is None
    assert repo.list_entries(b.id, child.id) == []
    assert repo.get_entry(b.id, entry.id) is None and repo.update_entry(b.id, entry.id, {"what": "X"}) is None
    assert not repo.delete_entry(b.id, entry.id)
    assert repo.list_checks(b.id) == [] and repo.list_attempts(b.id) == [] and repo.list_children(b.id) == []
    assert repo.get_entry(a.id, entry.id) == entry and repo.get_child(a.id, child.id) == child


def test_store_delete_account_removes_everything_and_only_that(repo):
    a, b = repo.create_account("a@example.org", "h"), repo.create_account("b@example.org", "h")
    for acc in (a, b):
        repo.add_check(acc.id, "t", {}, {"attuned": False})
        repo.add_attempt(acc.id, "rug-trip", "t", {"attuned": False}, ("stop",))
        child = repo.add_child(acc.id, "Kid", date(2022, 1, 1))
        repo.add_entry(acc.id, child.id, _entry())
        repo.create_session(acc.id, f"tok-{acc.id}", utcnow() + timedelta(days=1))
    repo.delete_account(a.id)
    assert repo.count_rows() == {"accounts": 1, "sessions": 1, "checks": 1, "attempts": 1, "children": 1,
                                 "journal_entries": 1}
    assert repo.export(a.id) == {}
    assert repo.export(b.id)["attempts"][0]["codes"] == ["stop"]


def test_store_delete_child_removes_its_entries(repo):
    a = repo.create_account("a@example.org", "h")
    child = repo.add_child(a.id, "Kid", None)
    repo.add_entry(a.id, child.id, _entry())
    assert repo.delete_child(a.id, child.id)
    assert repo.count_rows()["journal_entries"] == 0


def test_store_attempts_come_back_oldest_first_with_codes(repo):
    a = repo.create_account("a@example.org", "h")
    first = repo.add_attempt(a.id, "rug-trip", "one", {"attuned": True}, ())
    second = repo.add_attempt(a.id, "dog-bark", "two", {"attuned": False}, ("minimize", "stop"))
    assert [x.id for x in repo.list_attempts(a.id)] == [first.id, second.id]
    assert repo.list_attempts(a.id, scenario_id="dog-bark")[0].codes == ("minimize", "stop")


def test_store_text_with_sql_and_unicode_round_trips(repo):
    a = repo.create_account("a@example.org", "h")
    evil = "'); DROP TABLE checks; -- ünïcødé 🙂 <b>"
    saved = repo.add_check(a.id, evil, {"situation": evil}, {"attuned": False, "text": evil})
    assert repo.get_check(a.id, saved.id).text == evil and repo.get_check(a.id, saved.id).result["text"] == evil


def test_store_a_failed_write_leaves_nothing_half_written(repo):
    a = repo.create_account("a@example.org", "h")
    child = repo.add_child(a.id, "Kid", None)
    with pytest.raises(TypeError):  # an unknown column fails inside the transaction
        repo.add_entry(a.id, child.id, _entry(nonsense=1))
    assert repo.count_rows()["journal_entries"] == 0
