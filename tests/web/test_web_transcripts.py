"""Transcript upload: page and API, downloads, wrong types and sizes."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

PLAIN = (b"*CHI:\tI fell down! [=! cries]\n*MOT:\tYou fell. I saw.\n*MOT:\tI'm here.\n"
         b"*CHI:\tmy knee hurts [=! crying]\n*MOT:\tYou're fine, stop crying.\n")


def _sample(shared_chat: Path) -> Path:
    return sorted(shared_chat.rglob("*.cha"))[0]


def test_transcripts_page_upload_report_and_downloads(client, csrf, shared_chat):
    path = _sample(shared_chat)
    r = client.post("/transcripts", data={"csrf_token": csrf(client)},
                    files={"file": (path.name, path.read_bytes(), "text/plain")})
    assert r.status_code == 200, r.text[-500:]
    assert f"Report: {path.name}" in r.text
    assert "<svg" in r.text or 'class="plot"' in r.text
    # The downloads travel inside the page: nothing is kept on the server to fetch later.
    link = r'href="data:([\w/]+);charset=utf-8;base64,([\w+/=]+)" download="heard-report\.\w+"'
    links = dict(re.findall(link, r.text))
    assert json.loads(base64.b64decode(links["application/json"]))["path"] == path.name
    assert base64.b64decode(links["text/csv"]).decode().splitlines()[0].startswith("path,")


def test_transcripts_api_json_and_csv(client, shared_chat):
    path = _sample(shared_chat)
    r = client.post("/api/v1/transcripts", files={"file": (path.name, path.read_bytes())})
    assert r.status_code == 200 and r.json()["utterances"] > 0 and "/" not in r.json()["path"]
    r = client.post("/api/v1/transcripts?format=csv", files={"file": (path.name, path.read_bytes())})
    assert r.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(("name", "data", "code", "status"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n", "E049", 415),
    ("notes.cha", b"\x00\x01binary", "E003", 422),
    ("notes.txt", b"\xff\xfe bad", "E003", 422),
    ("empty.txt", b"   ", "E001", 422),
])
def test_transcripts_api_rejects_bad_files(client, name, data, code, status):
    r = client.post("/api/v1/transcripts", files={"file": (name, data)})
    assert r.status_code == status and r.json()["error"]["code"] == code


def test_transcripts_oversized_upload_names_the_limit(client, csrf):
    big = b"*MOT:\thello.\n" * 200_000
    r = client.post("/api/v1/transcripts", files={"file": ("big.cha", big)})
    assert r.status_code == 413 and "MAX_UPLOAD_BYTES" in r.json()["error"]["message"]
    r = client.post("/transcripts", data={"csrf_token": csrf(client)}, files={"file": ("big.cha", big)})
    assert r.status_code == 413 and "MAX_UPLOAD_BYTES" in r.text


def test_transcripts_page_wrong_type_is_shown(client, csrf):
    r = client.post("/transcripts", data={"csrf_token": csrf(client)}, files={"file": ("x.pdf", b"%PDF-1.4")})
    assert r.status_code == 415 and "E049" in r.text


def test_transcripts_plain_text_upload(client):
    r = client.post("/api/v1/transcripts", files={"file": ("session.txt", PLAIN)})
    assert r.status_code in (200, 422)
    if r.status_code == 422:  # the reader may refuse this layout, but must say why
        assert r.json()["error"]["code"].startswith("E")
