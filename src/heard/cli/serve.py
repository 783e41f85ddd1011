"""``heard serve``: run the web app (pages + JSON API) with uvicorn."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from heard.cli.common import fail, user_errors


@user_errors
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this computer only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file path "
                                            "(default: HEARD_DATABASE_URL, else a file in your data folder).")] = None,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Server processes: 1 is plenty for one person; "
                                         "the number of CPU cores when a class or team shares it.")] = 1,
) -> None:
    """Start the web app: check, practice, transcripts, journal, accounts, and /api/v1."""
    import uvicorn

    from heard.store import StoreUnavailable, default_database_url, open_store
    from heard.web import Settings, create_app

    url = db if db is None or "://" in db else f"sqlite:///{db}"
    settings = Settings.from_env(url)
    try:
        if workers == 1:
            app: Any = create_app(settings)
        else:
            # Each worker builds its own app from the environment. Migrate and settle the secret
            # here, once, so that the workers never race on either.
            open_store(settings.database_url, busy_timeout_ms=settings.busy_timeout_ms).engine.dispose()
            os.environ.update(HEARD_DATABASE_URL=settings.database_url or default_database_url(),
                              HEARD_SECRET_KEY=settings.secret_key, HEARD_MIGRATED="1")
            app = "heard.web.app:create_app"
    except StoreUnavailable as exc:
        raise fail(f"E051 The database is unavailable ({exc}). Check --db / HEARD_DATABASE_URL.") from None
    typer.echo(f"heard: serving on http://{host}:{port}  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, workers=workers, factory=workers > 1,
                log_level="warning", access_log=False)
