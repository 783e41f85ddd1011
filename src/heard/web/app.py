"""``create_app(settings)``: the FastAPI application (pages + /api/v1), ready to serve."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import heard
from heard.store import open_store
from heard.web import failures
from heard.web.middleware import GuardMiddleware
from heard.web.settings import Settings

STATIC = Path(__file__).with_name("static")


def create_app(settings: Settings | None = None, engine: object | None = None) -> FastAPI:
    """Build the app: open (and migrate) the store, load the engine, mount pages and API."""
    from heard.web import api
    from heard.web.views import account, check, journal, practice, transcripts

    settings = settings or Settings.from_env()
    app = FastAPI(title="heard", version=heard.__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Code what a caregiver says to a child against heard's codebook.")
    app.state.settings = settings
    app.state.repo = open_store(settings.database_url, run_migrations=settings.run_migrations,
                                busy_timeout_ms=settings.busy_timeout_ms)
    app.state.engine = engine or heard.load()
    # The model's many long-lived objects would otherwise be re-scanned by every full GC
    # pass, showing up as latency spikes under load; they live as long as the process.
    gc.freeze()
    failures.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (check, practice, transcripts, journal, account):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(api.router)
    app.add_middleware(GuardMiddleware, settings=settings)
    return app

