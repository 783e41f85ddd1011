"""``heard serve``: run the web app (pages + JSON API) with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from heard.cli.common import fail, user_errors


@user_errors
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this computer only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file path "
                                            "(default: HEARD_DATABASE_URL, else a file in your data folder).")] = None,
) -> None:
    """Start the web app: check, practice, transcripts, journal, accounts, and /api/v1."""
    import uvicorn

    from heard.store import StoreUnavailable
    from heard.web import Settings, create_app

    url = db if db is None or "://" in db else f"sqlite:///{db}"
    try:
        app = create_app(Settings.from_env(url))
    except StoreUnavailable as exc:
        raise fail(f"E051 The database is unavailable ({exc}). Check --db / HEARD_DATABASE_URL.") from None
    typer.echo(f"heard: serving on http://{host}:{port}  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
