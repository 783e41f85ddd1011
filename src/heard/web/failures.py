"""Turning errors into HTTP responses, in one place (pages get HTML, /api gets JSON).

Nothing here ever shows a stack trace; database faults become a 503 that says nothing
was saved (each write is one transaction, so that is true).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from heard.errors import E, UserError
from heard.store import StoreUnavailable

log = logging.getLogger("heard.web")

STATUS = {"E040": 401, "E041": 409, "E044": 401, "E045": 401, "E046": 404, "E047": 403, "E048": 413,
          "E049": 415, "E050": 400, "E051": 503, "E053": 501, "E054": 404}


class SignInRequired(Exception):
    """A page needs an account; the handler redirects to the sign-in page."""

    def __init__(self, expired: bool = False) -> None:
        self.expired = expired


def status_for(error: UserError) -> int:
    """HTTP status for a user error (422 unless listed)."""
    return STATUS.get(error.code, 422)


def is_api(request: Request) -> bool:
    """Whether the request is for the JSON API."""
    return request.url.path.startswith("/api/")


def error_json(code: str, message: str, status: int, **extra: Any) -> JSONResponse:
    """The API's error body: ``{"error": {"code", "message"}}``."""
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def error_page(request: Request, status: int, code: str, message: str, title: str = "Something went wrong") -> Response:
    """The HTML error page."""
    from heard.web.render import render

    return render(request, "error.html", {"title": title, "code": code, "message": message}, status_code=status)


def respond(request: Request, status: int, code: str, message: str, title: str = "Something went wrong") -> Response:
    """An error response in the request's format."""
    if is_api(request):
        return error_json(code, message, status)
    return error_page(request, status, code, message, title)


def _validation_message(exc: RequestValidationError) -> tuple[str, str, int]:
    errors = exc.errors()
    for err in errors:
        if err.get("type") == "json_invalid":
            detail = str(err.get("ctx", {}).get("error", "invalid JSON"))
            return "E050", UserError(E.E050, detail=detail).message, 400
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid"}
    field = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    return "E052", UserError(E.E052, field=field, problem=str(first.get("msg", "invalid"))).message, 422


def install(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        return respond(request, status_for(exc), exc.code, exc.message, "Please check")

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        code = E.E045 if exc.expired else E.E044
        if is_api(request):
            return error_json(code.name, UserError(code).message, 401)
        target = f"/signin?next={request.url.path}" + ("&expired=1" if exc.expired else "")
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        code, message, status = _validation_message(exc)
        return respond(request, status, code, message, "Please check")

    async def store_down(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", type(exc).__name__)
        detail = "locked by another process" if "locked" in str(exc).lower() else "cannot connect"
        error = UserError(E.E051, detail=detail)
        response = respond(request, 503, error.code, error.message, "Temporarily unavailable")
        response.headers["retry-after"] = "5"
        return response

    app.add_exception_handler(SQLAlchemyError, store_down)
    app.add_exception_handler(StoreUnavailable, store_down)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return respond(request, 404, "E404", "There is no page at this address.", "Not found")
        if exc.status_code == 405:
            return respond(request, 405, "E405", "This address does not accept that method.", "Not allowed")
        return respond(request, exc.status_code, f"E{exc.status_code}", str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error")
        return respond(request, 500, "E500", "Something went wrong on our side; nothing was saved. Try again.")
