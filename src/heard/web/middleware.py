"""One plain ASGI middleware: request size limits, security headers and the CSRF cookie.

Written as raw ASGI (not BaseHTTPMiddleware) because it runs on every request, including
the /api/v1/check hot path, and must be able to refuse a body before the app parses it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from heard.errors import E, UserError
from heard.web.security import CSRF_COOKIE
from heard.web.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_PATHS = ("/transcripts", "/api/v1/transcripts")
# No third-party origins anywhere: scripts, styles, images and forms come from this server.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class GuardMiddleware:
    """Refuses oversized bodies with a named limit; adds headers; sets the CSRF cookie."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def _limit(self, path: str) -> tuple[int, str, str]:
        if path.rstrip("/") in UPLOAD_PATHS:
            return self.settings.max_upload_bytes, "upload", "MAX_UPLOAD_BYTES"
        return self.settings.max_body_bytes, "request body", "MAX_BODY_BYTES"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, what, name = self._limit(scope["path"])
        body: bytes | None = None
        if scope["method"] in {"POST", "PUT", "PATCH", "DELETE"}:
            declared = _content_length(scope)
            if declared is not None and declared > limit:
                await _too_large(scope, send, UserError(E.E048, what=what, size=declared, limit=limit, name=name))
                return
            body, size = await _read_body(receive, limit)
            if body is None:
                await _too_large(scope, send, UserError(E.E048, what=what, size=size, limit=limit, name=name))
                return
        await self.app(scope, _replay(body, receive) if body is not None else receive, self._send(scope, send))

    def _send(self, scope: Scope, send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", [])) + HEADERS
                if not scope["path"].startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                seed = scope.get("state", {}).get("new_csrf_seed")
                if seed:
                    secure = "; Secure" if self.settings.secure_cookies else ""
                    cookie = f"{CSRF_COOKIE}={seed}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict{secure}"
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        return wrapped


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _read_body(receive: Receive, limit: int) -> tuple[bytes | None, int]:
    """The whole body, or (None, bytes seen) as soon as it passes ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None, size
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks), size


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _too_large(scope: Scope, send: Send, error: UserError) -> None:
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": {"code": error.code, "message": error.message}}).encode()
        ctype = b"application/json"
    else:
        from html import escape

        body = (f"<!doctype html><html lang=en><meta charset=utf-8><title>Too large · heard</title>"
                f"<link rel=stylesheet href=/static/style.css><main class=page><h1>Too large</h1>"
                f"<p class=error role=alert>{error.code} {escape(error.message)}</p>"
                f"<p><a href=/>Back to heard</a></p></main>").encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
