"""Builds the sandbox's ASGI application: FastAPI routes, Lok error envelopes, middleware, lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp

from lok_desk import __version__
from lok_desk.sandbox import routes_auth, routes_locations, routes_reservations, routes_sandbox
from lok_desk.sandbox.auth import Capability
from lok_desk.sandbox.deps import user_of
from lok_desk.sandbox.errors import LokHTTPError, error_response
from lok_desk.sandbox.middleware import API_PREFIX, ActionLogMiddleware, FaultMiddleware
from lok_desk.sandbox.openapi import openapi_document
from lok_desk.sandbox.state import SandboxState
from lok_desk.sandbox.webhooks import WebhookWorker

log = logging.getLogger("lok_desk.sandbox")

_SOURCES = {"body": "payload", "query": "query", "header": "headers", "path": "payload", "cookie": "headers"}


def validation_error_response(exc: RequestValidationError) -> Response:
    keys: list[str] = []
    source = "payload"
    first_message = ""
    for index, error in enumerate(exc.errors()):
        loc = tuple(error.get("loc", ()))
        where = str(loc[0]) if loc else "body"
        path = ".".join(str(p) for p in loc[1:])
        if where == "body" and error.get("type") == "json_invalid":
            path = "body"
        key = path or "body"
        if key not in keys:
            keys.append(key)
        if index == 0:
            source = _SOURCES.get(where, "payload")
            first_message = f"{key}: {error.get('msg', 'invalid value')}"
    message = "Invalid request — " + first_message if first_message else "Invalid request"
    return error_response(400, "INVALID_REQUEST", message, {"keys": keys, "source": source})


async def _on_lok_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LokHTTPError)
    return exc.response()


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    # FastAPI parses the body before the handler checks who is asking; answer as the handler would
    # have: a bad token (401) or a missing capability (403) outranks an invalid body (400).
    path = request.url.path
    if path.startswith(API_PREFIX) and not (path == API_PREFIX + "/oauth/token" and request.method == "POST"):
        try:
            user = user_of(request)
            capability = getattr(request.scope.get("endpoint"), "lok_capability", None)
            if isinstance(capability, Capability):
                capability.check(user)
        except LokHTTPError as refusal:
            return refusal.response()
    return validation_error_response(exc)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        return error_response(404, "NOT_FOUND", "No such route", {"path": request.url.path})
    if exc.status_code == 405:
        allowed = allowed_methods(request)
        response = error_response(
            405,
            "METHOD_NOT_ALLOWED",
            f"This route takes {', '.join(allowed)}, not {request.method}",
            {"path": request.url.path, "method": request.method, "allowed": allowed},
        )
        # RFC 9110 §15.5.6: a 405 lists what the resource does take.
        response.headers["Allow"] = ", ".join(allowed)
        return response
    if exc.status_code == 400:
        return error_response(
            400, "INVALID_REQUEST", "The body could not be read", {"keys": ["body"], "source": "payload"}
        )
    type_ = "UNKNOWN_ERROR" if exc.status_code >= 500 else "INVALID_REQUEST"
    return error_response(exc.status_code, type_, str(exc.detail), {})


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of this path takes (Starlette's own Allow names only the first
    route's): each method is tried against the routes through the public `matches` API."""
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "UNKNOWN_ERROR", "Unexpected error in the Lok sandbox", {})


def build_app(state: SandboxState) -> ASGIApp:
    """The FastAPI app wrapped in the fault and action-log middleware (outermost first)."""

    worker = WebhookWorker(state)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker.start()
        try:
            yield
        finally:
            await worker.stop()

    app = FastAPI(
        title="Lok sandbox",
        version=__version__,
        description="A local, faithful implementation of the Lok API v2 plus sandbox-only routes.",
        lifespan=lifespan,
        # An API answers a wrong path with 404 NOT_FOUND, not with a redirect to a guess.
        redirect_slashes=False,
    )
    app.state.sandbox = state
    app.state.worker = worker
    handlers: dict[Any, Any] = {
        LokHTTPError: _on_lok_error,
        RequestValidationError: _on_validation_error,
        StarletteHTTPException: _on_http_error,
        Exception: _on_unexpected,
    }
    for exc_type, handler in handlers.items():
        app.add_exception_handler(exc_type, handler)
    from lok_desk.sandbox import routes_company, routes_directories, routes_shipping

    for module in (routes_auth, routes_locations, routes_reservations, routes_company, routes_directories,
                   routes_shipping):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(routes_sandbox.router)

    def published_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            app.openapi_schema = openapi_document(document)
        return app.openapi_schema

    app.openapi = published_openapi  # type: ignore[method-assign]
    return FaultMiddleware(ActionLogMiddleware(app, state), state)
