"""Passwords (argon2), sessions (random tokens stored hashed) and CSRF tokens.

Pages authenticate with an HttpOnly session cookie and every form carries a CSRF token
(an HMAC of a per-browser random cookie). The API authenticates with the same session
tokens sent as ``Authorization: Bearer``; it never reads cookies, so it needs no CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request, Response

from heard.errors import E, UserError
from heard.store.repository import Account, Repository, utcnow
from heard.web.settings import MIN_PASSWORD_CHARS, Settings

SESSION_COOKIE = "heard_session"
CSRF_COOKIE = "heard_csrf"
CSRF_FIELD = "csrf_token"
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_hasher = PasswordHasher()
# Verified against when the email is unknown, so sign-in takes as long either way.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_token(token: str) -> str:
    """The stored form of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def check_email(email: str) -> str:
    """A normalised email address or UserError E043."""
    email = email.strip().lower()
    if len(email) > 254 or not _EMAIL.match(email):
        raise UserError(E.E043, email=email[:80])
    return email


def check_password(password: str) -> str:
    """The password, if long enough (E042)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise UserError(E.E042, size=len(password), limit=MIN_PASSWORD_CHARS)
    return password


def sign_up(repo: Repository, email: str, password: str) -> Account:
    """Create an account with an argon2-hashed password."""
    from heard.store.repository import EmailTaken

    email, password = check_email(email), check_password(password)
    try:
        return repo.create_account(email, _hasher.hash(password))
    except EmailTaken:
        raise UserError(E.E041, email=email) from None


def authenticate(repo: Repository, email: str, password: str) -> Account:
    """The account for these credentials, or UserError E040 (same message either way)."""
    found = repo.credentials(email.strip().lower())
    try:
        _hasher.verify(found[1] if found else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        raise UserError(E.E040) from None
    if found is None:
        raise UserError(E.E040)
    account, stored = found
    if _hasher.check_needs_rehash(stored):
        repo.update_password_hash(account.id, _hasher.hash(password))
    return account


def start_session(repo: Repository, account: Account, settings: Settings) -> tuple[str, int]:
    """A new session token for ``account`` and its lifetime in seconds."""
    token = secrets.token_urlsafe(32)
    lifetime = timedelta(days=settings.session_days)
    repo.create_session(account.id, hash_token(token), utcnow() + lifetime)
    return token, int(lifetime.total_seconds())


@dataclass(frozen=True)
class Visitor:
    """Who is making a request: an account, or nobody (and whether a session just expired)."""

    account: Account | None
    expired: bool = False
    token: str | None = None


def resolve(repo: Repository, token: str | None) -> Visitor:
    """The visitor for a session token (None, unknown or expired → signed out)."""
    if not token:
        return Visitor(None)
    account, expired = repo.session_account(hash_token(token))
    return Visitor(account, expired, token if account else None)


def set_session_cookie(response: Response, token: str, max_age: int, settings: Settings) -> None:
    """Set the session cookie with the strict flags (HttpOnly, SameSite, Secure when HTTPS)."""
    response.set_cookie(SESSION_COOKIE, token, max_age=max_age, httponly=True, samesite="lax",
                        secure=settings.secure_cookies, path="/")


def clear_session_cookie(response: Response, settings: Settings) -> None:
    """Remove the session cookie."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=settings.secure_cookies)


def csrf_seed(request: Request) -> str:
    """This browser's CSRF seed (from its cookie, or a new one the response will set)."""
    seed = request.cookies.get(CSRF_COOKIE)
    if not seed or len(seed) > 100:
        seed = getattr(request.state, "new_csrf_seed", None) or secrets.token_urlsafe(24)
        request.state.new_csrf_seed = seed
    return seed


def csrf_token(request: Request, settings: Settings) -> str:
    """The token forms must send back: an HMAC of the browser's seed."""
    return hmac.new(settings.secret_key.encode(), csrf_seed(request).encode(), hashlib.sha256).hexdigest()


def verify_csrf(request: Request, sent: str | None, settings: Settings) -> None:
    """Raise E047 unless ``sent`` is this browser's token."""
    seed = request.cookies.get(CSRF_COOKIE)
    if not seed or not sent:
        raise UserError(E.E047)
    expected = hmac.new(settings.secret_key.encode(), seed.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sent):
        raise UserError(E.E047)
