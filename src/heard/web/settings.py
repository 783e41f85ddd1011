"""Web settings: one frozen value, built from arguments or the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

# Request size limits (named in error messages, documented in docs/web.md).
MAX_BODY_BYTES = 64 * 1024
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MIN_PASSWORD_CHARS = 10
MAX_NAME_CHARS = 100
MAX_JOURNAL_CHARS = 2_000
SESSION_DAYS = 14


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to start. ``database_url=None`` means the default SQLite file."""

    database_url: str | None = None
    secret_key: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    # Secure cookies need HTTPS; on plain-HTTP loopback they would never be sent back.
    secure_cookies: bool = False
    session_days: int = SESSION_DAYS
    max_body_bytes: int = MAX_BODY_BYTES
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    busy_timeout_ms: int = 5000
    run_migrations: bool = True

    @classmethod
    def from_env(cls, database_url: str | None = None) -> Settings:
        """Settings from HEARD_* environment variables (see docs/web.md)."""
        return cls(
            database_url=database_url or os.environ.get("HEARD_DATABASE_URL") or None,
            secret_key=os.environ.get("HEARD_SECRET_KEY") or _stored_secret(),
            secure_cookies=os.environ.get("HEARD_SECURE_COOKIES", "") in {"1", "true", "yes"},
            # Set by ``heard serve --workers N`` once it has migrated in the parent process.
            run_migrations=os.environ.get("HEARD_MIGRATED", "") != "1",
        )


def _stored_secret() -> str:
    """A secret kept in the user's data directory, so forms survive a restart."""
    from platformdirs import user_data_dir

    path = Path(user_data_dir("heard", appauthor=False)) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(value)
    return value
