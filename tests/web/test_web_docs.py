"""docs/web.md documents every API path, every web error code, every setting and every limit."""

from __future__ import annotations

import re
from pathlib import Path

from heard.errors import E
from heard.web import settings as web_settings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")


def test_docs_web_lists_every_api_path(client):
    for path in client.get("/api/v1/openapi.json").json()["paths"]:
        assert path.startswith("/api/v1/"), f"page route in the API schema: {path}"
        assert re.sub(r"\{\w+\}", "{id}", path) in DOC, path


def test_docs_web_lists_every_web_error_code():
    for code in (c.name for c in E if int(c.name[1:]) >= 40):
        assert re.search(rf"`{code}`|{code[:-1]}\d?`?[–,-]", DOC) or code in DOC, code


def test_docs_web_lists_every_setting_and_limit():
    for name in ("--host", "--port", "--db", "HEARD_DATABASE_URL", "HEARD_SECRET_KEY", "HEARD_SECURE_COOKIES",
                 "MAX_BODY_BYTES", "MAX_UPLOAD_BYTES", "MIN_PASSWORD_CHARS", "MAX_TEXT_CHARS", "MAX_FIELD_CHARS"):
        assert name in DOC, name
    assert f"{web_settings.MAX_BODY_BYTES:,}" in DOC and str(web_settings.MIN_PASSWORD_CHARS) in DOC
