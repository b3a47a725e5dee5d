"""The web app and JSON API over a store (``newsprism serve``)."""

from .app import create_app, get, serve

__all__ = ["create_app", "get", "serve"]
