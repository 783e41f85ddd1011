"""A newcomer's whole visit, in Debian's Chromium driven by Playwright, with screenshots.

Screenshots go to tests/artifacts/ (gitignored). Skipped, with the reason, when Chromium or
Playwright is missing.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
# Flags from NOTES-deps.md: without the networking ones Chromium floods a closed network.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path, engine) -> Iterator[str]:
    import uvicorn

    from heard.web import Settings, create_app

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}", secret_key="t"), engine=engine)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture()
def page(server: str):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 420, "height": 900}, accept_downloads=True)
        pg = context.new_page()
        outside: list[str] = []
        pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("dialog", lambda d: d.accept())
        pg.base = server  # type: ignore[attr-defined]
        yield pg
        browser.close()
        assert outside == [], f"requests left the server: {outside}"
        assert errors == [], f"script errors: {errors}"


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_browser_newcomer_full_visit(page, tmp_path):
    base = page.base
    page.goto(base + "/signup")
    page.get_by_label("Email").fill("newcomer@example.org")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base + "/")

    # Check a response (keyboard only for the last step) and see the highlighted result.
    page.get_by_label("Years").fill("1")
    page.get_by_label("Months").fill("10")
    page.get_by_label("What happened").fill("Tripped on the rug and fell")
    page.get_by_label("What the child is doing or saying").fill("crying, holding her knee")
    page.get_by_label("What I said").fill("You're fine, stop crying. Look, a birdie! <script>window.x=1</script>")
    page.get_by_label("What I said").press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".result")
    assert page.locator("mark.cue").count() >= 2
    assert page.locator(".sentence.not-attuned").count() >= 1
    assert page.evaluate("window.x") is None  # the script was shown as text, never run
    assert "Saved to your" in page.inner_text("main")
    shot(page, "check-result")

    # Two practice scenarios, then progress.
    for sid, answer in (("rug-trip", "You tripped on the rug and fell. I saw."),
                        ("dog-bark", "Don't be silly, there's nothing to be scared of.")):
        page.goto(f"{base}/practice/{sid}")
        page.get_by_label("What would you say?").fill(answer)
        page.get_by_role("button", name="Get feedback").click()
        page.wait_for_selector(".example")
        assert "Attempt saved" in page.inner_text("main")
    shot(page, "practice-feedback")
    page.goto(base + "/practice")
    shot(page, "practice-list")
    page.get_by_role("link", name="See your progress").click()
    assert page.locator("svg.chart").count() == 2
    assert "2 attempts" in page.inner_text("main")
    shot(page, "progress")

    # The journal: a child and one moment on the timeline.
    page.get_by_role("link", name="Journal").click()
    page.get_by_label("Name or nickname").fill("Theo")
    page.get_by_label("Birth date").fill("2023-02-01")
    page.get_by_role("button", name="Add child").click()
    page.get_by_label("Date", exact=True).fill("2024-01-15")
    page.get_by_label("Comforted someone").check()
    page.get_by_label("What happened").fill("Brought his blanket to his crying cousin")
    page.get_by_label("Note").fill("Nobody asked him to.")
    page.get_by_role("button", name="Add moment").click()
    page.wait_for_selector(".moment")
    assert "11 months" in page.inner_text(".timeline")
    shot(page, "journal-timeline")

    # Transcripts: upload a small one, see the report, download its JSON from the page itself.
    page.goto(base + "/transcripts")
    shot(page, "transcripts")
    sample = tmp_path / "park.txt"
    sample.write_text("Child: I fell down! [=! cries]\nMom: You fell. I saw.\nMom: I'm here.\n", encoding="utf-8")
    page.set_input_files("#file", str(sample))
    page.get_by_role("button", name="Code it").click()
    page.wait_for_selector("#report-title")
    assert page.inner_text("#report-title") == "Report: park.txt"
    shot(page, "transcript-report")
    with page.expect_download() as report_download:
        page.get_by_role("link", name="Download JSON").click()
    assert json.loads(Path(report_download.value.path()).read_text())["path"] == "park.txt"

    # Export, then delete the account.
    page.goto(base + "/account")
    shot(page, "account")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all my data (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["account"]["email"] == "newcomer@example.org" and len(exported["attempts"]) == 2
    assert exported["journal"][0]["what"] == "Brought his blanket to his crying cousin"
    page.get_by_label("Type DELETE").fill("DELETE")
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_selector("text=Your account is deleted")
    page.goto(base + "/history")
    assert "/signin" in page.url
