"""heard's web app: server-rendered pages and a JSON API under /api/v1.

``create_app(Settings(...))`` returns the FastAPI application; ``heard serve`` runs it.
"""

from heard.web.app import create_app
from heard.web.settings import Settings

__all__ = ["Settings", "create_app"]
