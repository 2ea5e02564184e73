"""`quoteaudit serve`: the checks over HTTP, for editorial tools and editors.

    POST /v1/check   {"text": "...", "path": "story.txt", "format": "json"}  -> what `check --format` prints
    GET  /v1/rules   every rule: id, default severity, summary, explanation, options
    GET  /healthz    {"status": "ok", ...}
    GET  /           a page where an editor pastes or uploads an article; POST /review answers
                     with the review page
    GET  /docs       the API described (OpenAPI 3.1 at /openapi.json)

Settings and references are loaded once at start: here, which also builds the on-disk
reference index, and then in each worker process, which opens it. Checks are CPU-bound,
so they run in a pool of worker processes (one per core by default), each fed through
its own pipe. A request waits for an idle worker; one that is still running past the
time limit is answered 503 and its worker killed and replaced, so a pathological text
cannot hold a core. Bodies past the size limit are refused with 413 before they are
read whole. Every error is a JSON problem details object (RFC 9457).

Needs the `serve` extra (Starlette and uvicorn): pip install 'quoteaudit[serve]'.
"""
from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import re
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import escape
from http import HTTPStatus

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from . import __version__
from .api import build_settings, check_text, render_report
from .formatters import Run

MEDIA_TYPES = {
    "json": "application/json",
    "sarif": "application/sarif+json",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "github": "text/plain; charset=utf-8",
}
WARM_UP_TEXT = "“We will not allow it,” Tokayev said. “It is over,” he added.\n"


@dataclass
class ServiceConfig:
    """What `quoteaudit serve` was started with; travels to each worker process."""
    host: str = "127.0.0.1"
    port: int = 8000
    references: list[str] = field(default_factory=list)
    config: str | None = None
    workers: int = 0  # 0: one per core
    max_body: int = 5 * 1024 * 1024  # bytes
    timeout: float = 30.0  # seconds a request may take, waiting for a worker included
    strict: bool = False

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


class ServiceError(Exception):
    """The service cannot start (bad config or reference file): one line."""


def load_settings(config: ServiceConfig):
    """(settings, bad reference rows skipped), as `check --config --references` builds
    them; raises ServiceError on a bad config or reference file."""
    file_config = None
    if config.config:
        from .config import ConfigError, load_config
        try:
            file_config = load_config(config.config)
        except ConfigError as exc:
            raise ServiceError(str(exc)) from None
    settings, errors, skipped = build_settings(file_config, references=config.references, strict=config.strict)
    if errors:
        raise ServiceError("; ".join(str(e) for e in errors))
    return settings, skipped


# ---------------------------------------------------------------- worker processes

def _worker_main(conn, config: ServiceConfig) -> None:
    """A worker: load the settings once, then check (text, path, format) jobs until the
    pipe closes, answering ("ok", output) or ("error", message)."""
    try:
        settings, skipped = load_settings(config)
        if settings.references is not None:
            settings.references.index()  # open the index now, not on the first request
        render_report(check_text(WARM_UP_TEXT, "warm-up.txt", settings), "html")
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            text, path, fmt = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            report = check_text(text, path, settings)
            output = render_report(Run(reports=[report], skipped_references=skipped), fmt)
            conn.send(("ok", output))
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context, config: ServiceConfig) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, config), daemon=True,
                                       name="quoteaudit-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 120.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise ServiceError(f"a worker process did not start within {timeout:.0f} s")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise ServiceError(f"a worker process failed to start: {detail}")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class CheckTimeout(Exception):
    pass


class WorkerFailed(Exception):
    pass


class WorkerPool:
    """Worker processes, each fed through its own pipe; an idle queue hands them out."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.size = config.worker_count()
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.idle: asyncio.Queue | None = None
        # Threads wait on the pipes so the event loop never blocks on a worker.
        self.threads = ThreadPoolExecutor(max_workers=self.size * 2 + 2, thread_name_prefix="quoteaudit-pipe")

    def start(self) -> None:
        """Start every worker and wait until each has loaded the settings."""
        self.workers = [_Worker(self.context, self.config) for _ in range(self.size)]
        try:
            for worker in self.workers:
                worker.wait_ready()
        except ServiceError:
            self.close()
            raise

    def _ensure_queue(self) -> asyncio.Queue:
        if self.idle is None:
            self.idle = asyncio.Queue()
            for worker in self.workers:
                self.idle.put_nowait(worker)
        return self.idle

    async def run(self, text: str, path: str, fmt: str) -> str:
        loop = asyncio.get_running_loop()
        idle = self._ensure_queue()
        deadline = loop.time() + self.config.timeout
        try:
            worker = await asyncio.wait_for(idle.get(), self.config.timeout)
        except asyncio.TimeoutError:
            raise CheckTimeout from None
        try:
            await loop.run_in_executor(self.threads, worker.conn.send, (text, path, fmt))
            status, output = await asyncio.wait_for(loop.run_in_executor(self.threads, worker.conn.recv),
                                                    max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            self._replace(worker)
            raise CheckTimeout from None
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise WorkerFailed(f"the worker process ended ({type(exc).__name__})") from None
        except asyncio.CancelledError:  # the request was given up (shutdown): its answer would
            self._replace(worker)       # be the next job's, so the worker goes
            raise
        idle.put_nowait(worker)
        if status != "ok":
            raise WorkerFailed(output)
        return output

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker that overran or died, and start another in its place."""
        worker.kill()
        self.workers.remove(worker)
        asyncio.get_running_loop().create_task(self._respawn())

    async def _respawn(self) -> None:
        loop = asyncio.get_running_loop()

        def start() -> _Worker:
            worker = _Worker(self.context, self.config)
            worker.wait_ready()
            return worker
        try:
            worker = await loop.run_in_executor(self.threads, start)
        except ServiceError as exc:
            sys.stderr.write(f"quoteaudit: error: {exc}\n")
            return
        self.workers.append(worker)
        self._ensure_queue().put_nowait(worker)

    def alive(self) -> int:
        return sum(1 for w in self.workers if w.process.is_alive())

    def close(self) -> None:
        for worker in self.workers:
            worker.kill()
        self.workers = []
        self.threads.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------- HTTP

def problem(status: int, detail: str, headers: dict | None = None, **extra) -> JSONResponse:
    """An error as RFC 9457 problem details."""
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    headers = dict(headers or {}, **({"Connection": "close"} if status == 413 else {}))
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse a request body past the limit: at once when Content-Length says so, else
    as soon as the bytes read pass it (the endpoint's read raises BodyTooLarge). The
    rest of the body is read and dropped first (up to DRAIN_LIMIT), so that a client
    still sending gets the 413 instead of a reset connection."""

    DRAIN_LIMIT = 64 * 1024 * 1024

    def __init__(self, app, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            if int(length) <= self.DRAIN_LIMIT:
                await self._drain(receive, 0)
            await too_large(self.max_body)(scope, receive, send)
            return
        received = 0

        async def limited():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                if message.get("more_body", False):
                    await self._drain(receive, received)
                raise BodyTooLarge
            return message
        await self.app(scope, limited, send)

    async def _drain(self, receive, received: int) -> None:
        while received <= self.DRAIN_LIMIT:
            message = await receive()
            if message["type"] != "http.request":
                return
            received += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


def too_large(max_body: int) -> JSONResponse:
    return problem(413, f"the request body is larger than the service's limit of {max_body:,} bytes",
                   max_bytes=max_body)


def create_app(config: ServiceConfig, pool: WorkerPool, settings) -> Starlette:
    from .formatters import FORMATS

    async def check(request: Request) -> Response:
        raw = await request.body()
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            where = f" at line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
            message = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            return problem(400, f"the request body is not valid JSON: {message}{where}")
        if not isinstance(body, dict):
            return problem(422, 'the request body must be a JSON object: {"text": "...", "path": ..., "format": ...}')
        unknown = sorted(set(body) - {"text", "path", "format"})
        text, path, fmt = body.get("text"), body.get("path", "<text>"), body.get("format", "json")
        if unknown:
            return problem(422, f"unknown field{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)} "
                                f"(known: text, path, format)")
        if not isinstance(text, str):
            return problem(422, '"text" is required and must be a string')
        if not isinstance(path, str) or not path:
            return problem(422, '"path" must be a non-empty string')
        if fmt not in FORMATS:
            return problem(422, f'"format" must be one of {", ".join(FORMATS)}')
        return await _checked(text, path, fmt)

    async def _checked(text: str, path: str, fmt: str) -> Response:
        try:
            output = await pool.run(text, path, fmt)
        except CheckTimeout:
            return problem(503, f"the check did not finish within the service's limit of {config.timeout:g} s")
        except WorkerFailed as exc:
            return problem(500, f"the check failed: {exc}")
        return Response(output, media_type=MEDIA_TYPES[fmt])

    async def review(request: Request) -> Response:
        """The form of GET /: an uploaded file, else the pasted text, as a review page."""
        form = await request.form(max_files=1, max_fields=4, max_part_size=config.max_body)
        upload = form.get("file")
        text, path = form.get("text") or "", "pasted text"
        if upload is not None and not isinstance(upload, str) and upload.filename:
            data = await upload.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                return problem(400, f"{upload.filename}: invalid UTF-8 (byte 0x{data[exc.start]:02x} "
                                    f"at byte {exc.start})")
            path = os.path.basename(upload.filename)
        if not isinstance(text, str) or not text.strip():
            return problem(422, "paste an article or choose a file")
        return await _checked(text, path, "html")

    async def rules(request: Request) -> Response:
        return JSONResponse(rules_list())

    async def health(request: Request) -> Response:
        refs = settings.references
        return JSONResponse({"status": "ok" if pool.alive() else "degraded", "version": __version__,
                             "workers": pool.alive(), "references": len(refs) if refs is not None else 0})

    async def home(request: Request) -> Response:
        return HTMLResponse(home_page(config, settings))

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document(config))

    async def docs(request: Request) -> Response:
        """The page for a browser; the OpenAPI document itself for a client asking for JSON."""
        accept = request.headers.get("accept", "")
        if "json" in accept and "text/html" not in accept:
            return JSONResponse(openapi_document(config))
        return HTMLResponse(docs_page(openapi_document(config)))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if exc.detail != HTTPStatus(exc.status_code).phrase else \
            f"{request.method} {request.url.path}: {exc.detail.lower()}"
        return problem(exc.status_code, detail, headers=exc.headers)  # 405 keeps its Allow header

    async def body_too_large(request: Request, exc: BodyTooLarge) -> Response:
        return too_large(config.max_body)

    async def multipart_error(request: Request, exc: Exception) -> Response:
        return problem(413 if "size" in str(exc).lower() else 400, f"the form could not be read: {exc}")

    async def server_error(request: Request, exc: Exception) -> Response:
        return problem(500, f"internal error: {type(exc).__name__}")

    handlers = {HTTPException: http_error, BodyTooLarge: body_too_large, Exception: server_error}
    try:
        from starlette.formparsers import MultiPartException
        handlers[MultiPartException] = multipart_error
    except ImportError:  # older Starlette
        pass
    routes = [
        Route("/", home, methods=["GET"]),
        Route("/review", review, methods=["POST"]),
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/rules", rules, methods=["GET"]),
        Route("/healthz", health, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
    ]
    return Starlette(routes=routes, exception_handlers=handlers,
                     middleware=[Middleware(BodyLimit, max_body=config.max_body)],
                     lifespan=None)


def rules_list() -> list[dict]:
    import inspect

    from . import rules as rule_registry
    return [{"id": rule_id, "severity": module.SEVERITY, "summary": rule_registry.summary(module),
             "explanation": inspect.cleandoc(module.__doc__ or ""), "options": dict(getattr(module, "OPTIONS", {}))}
            for rule_id, module in rule_registry.registry().items()]


# ---------------------------------------------------------------- pages and the API's description

_PAGE_CSS = """
:root{--ink:#1d2433;--muted:#5b6475;--paper:#fbfaf7;--card:#fff;--line:#e4e1d9;--accent:#233e7a}
@media (prefers-color-scheme:dark){:root{--ink:#e8e6e1;--muted:#a3a9b6;--paper:#16181d;--card:#1f2229;--line:#343844;--accent:#9db7f0}}
*{box-sizing:border-box}html{background:var(--paper);color:var(--ink)}
body{margin:0 auto;max-width:60rem;padding:2rem clamp(1rem,4vw,3rem);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}h1{font:600 1.6rem/1.25 Georgia,serif;margin:.2rem 0 .4rem}
.brand{margin:0;font-size:.78rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.muted{color:var(--muted)}
form,.op{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.2rem 1.4rem;margin:1.2rem 0}
label{display:block;font-weight:600;margin:.8rem 0 .3rem}
textarea{width:100%;min-height:18rem;font:1rem/1.6 Georgia,serif;padding:.7rem;border:1px solid var(--line);border-radius:8px;background:var(--paper);color:var(--ink)}
button{margin-top:1rem;font:600 1rem system-ui,sans-serif;padding:.55rem 1.3rem;border-radius:8px;border:0;background:var(--accent);color:var(--card);cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code,pre{font-size:.88rem}pre{white-space:pre-wrap;background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.method{display:inline-block;font:700 .75rem system-ui;padding:.1rem .5rem;border-radius:4px;background:var(--accent);color:var(--card);margin-right:.5rem}
h2{font-size:1.1rem;margin:1.6rem 0 .4rem}h3{margin:0 0 .3rem;font-size:1rem}
"""
_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_PAGE_CSP}\">"
            f"<title>{escape(title)}</title><style>{_PAGE_CSS}</style></head><body>{body}</body></html>\n")


def home_page(config: ServiceConfig, settings) -> str:
    refs = settings.references
    against = (f"Quotations are checked against {len(refs):,} reference quotations."
               if refs is not None else "No reference quotations are loaded: wording is not checked against a record.")
    body = (
        "<p class=\"brand\">quoteaudit · quotation review</p><h1>Check an article</h1>"
        f"<p class=\"muted\">Paste the text or choose a file (plain text, Markdown or HTML, UTF-8, up to "
        f"{config.max_body / 1024 / 1024:.3g} MB). {escape(against)}</p>"
        "<form method=\"post\" action=\"/review\" enctype=\"multipart/form-data\">"
        "<label for=\"text\">Article text</label>"
        "<textarea id=\"text\" name=\"text\" placeholder=\"“We will not allow it,” the minister said.\"></textarea>"
        "<label for=\"file\">…or a file</label>"
        "<input id=\"file\" name=\"file\" type=\"file\" accept=\".txt,.text,.md,.markdown,.html,.htm,text/*\">"
        "<div><button type=\"submit\">Review the quotations</button></div></form>"
        "<p class=\"muted\">For programs: <a href=\"/docs\">the API</a> (<code>POST /v1/check</code>), "
        f"quoteaudit {escape(__version__)}.</p>"
    )
    return _page("quoteaudit: check an article", body)


def openapi_document(config: ServiceConfig) -> dict:
    problem_schema = {"$ref": "#/components/schemas/Problem"}

    def problem_response(description: str) -> dict:
        return {"description": description, "content": {"application/problem+json": {"schema": problem_schema}}}

    report = {"description": "exactly what `quoteaudit check --format FORMAT` prints for the text",
              "content": {media.split(";")[0]: {"schema": {"type": "string"} if not media.endswith("json")
                                                else {"type": "object"}}
                          for media in dict.fromkeys(MEDIA_TYPES.values())}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "quoteaudit", "version": __version__,
                 "description": "Audit the quotations in a news article: quotations, speakers, findings."},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Check an article",
                "description": "Answers with what `quoteaudit check --format FORMAT` prints for the text. "
                               f"Bodies over {config.max_body:,} bytes are refused (413); a check running "
                               f"past {config.timeout:g} s is stopped (503).",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CheckRequest"},
                    "example": {"text": "“We will win,” Tokayev said.", "path": "story.txt", "format": "json"}}}},
                "responses": {"200": report,
                              "400": problem_response("the body is not valid JSON"),
                              "413": problem_response("the body is larger than the limit"),
                              "422": problem_response("the JSON does not have the fields required"),
                              "503": problem_response("the check did not finish in time")}}},
            "/v1/rules": {"get": {"summary": "List the rules", "responses": {"200": {
                "description": "every rule", "content": {"application/json": {"schema": {
                    "type": "array", "items": {"$ref": "#/components/schemas/Rule"}}}}}}}},
            "/healthz": {"get": {"summary": "Health", "responses": {"200": {
                "description": "the service answers", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"status": {"type": "string"}, "version": {"type": "string"},
                                                     "workers": {"type": "integer"},
                                                     "references": {"type": "integer"}}}}}}}}},
            "/": {"get": {"summary": "The page where an editor pastes or uploads an article",
                          "responses": {"200": {"description": "an HTML form",
                                                "content": {"text/html": {"schema": {"type": "string"}}}}}}},
            "/review": {"post": {
                "summary": "The review page for a pasted or uploaded article (the form of /)",
                "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                    "type": "object", "properties": {"text": {"type": "string"},
                                                     "file": {"type": "string", "format": "binary"}}}}}},
                "responses": {"200": {"description": "the review page (`check --format html`)",
                                      "content": {"text/html": {"schema": {"type": "string"}}}},
                              "413": problem_response("the upload is larger than the limit"),
                              "422": problem_response("no text and no file")}}},
        },
        "components": {"schemas": {
            "CheckRequest": {"type": "object", "required": ["text"], "additionalProperties": False, "properties": {
                "text": {"type": "string", "description": "the article"},
                "path": {"type": "string", "default": "<text>",
                         "description": "its name in the report; .md and .html are read as Markdown and HTML"},
                "format": {"type": "string", "enum": ["json", "html", "sarif", "text", "github"],
                           "default": "json"}}},
            "Rule": {"type": "object", "properties": {
                "id": {"type": "string"}, "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                "summary": {"type": "string"}, "explanation": {"type": "string"}, "options": {"type": "object"}}},
            "Problem": {"type": "object", "description": "RFC 9457 problem details", "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": "string"}}},
        }},
    }


def _markdown_code(text: str) -> str:
    """Escaped text, with `code` spans (OpenAPI descriptions are CommonMark) as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def docs_page(spec: dict) -> str:
    """The OpenAPI document as a readable page (no assets fetched from anywhere)."""
    parts = [f"<p class=\"brand\">quoteaudit {escape(spec['info']['version'])} · HTTP API</p>"
             f"<h1>{escape(spec['info']['title'])} API</h1><p>{escape(spec['info']['description'])} "
             f"The machine-readable description: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI "
             f"{escape(spec['openapi'])}).</p>"]
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            parts.append(f"<section class=\"op\"><h3><span class=\"method\">{method.upper()}</span>"
                         f"<code>{escape(path)}</code> {escape(op['summary'])}</h3>")
            if op.get("description"):
                parts.append(f"<p>{_markdown_code(op['description'])}</p>")
            body = op.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                shown = content.get("example") or content.get("schema")
                parts.append(f"<p class=\"muted\">Request body ({escape(media)}):</p>"
                             f"<pre>{escape(json.dumps(shown, indent=2, ensure_ascii=False))}</pre>")
            codes = ", ".join(f"<code>{escape(code)}</code> {_markdown_code(r['description'])}"
                              for code, r in op["responses"].items())
            parts.append(f"<p class=\"muted\">Responses: {codes}</p></section>")
    parts.append("<h2>Schemas</h2>")
    for name, schema in spec["components"]["schemas"].items():
        parts.append(f"<section class=\"op\"><h3>{escape(name)}</h3>"
                     f"<pre>{escape(json.dumps(schema, indent=2, ensure_ascii=False))}</pre></section>")
    return _page("quoteaudit API", "".join(parts))


# ---------------------------------------------------------------- running it

def run(config: ServiceConfig) -> None:
    """Load the settings, start the workers, listen, and serve until interrupted."""
    import uvicorn

    settings, _ = load_settings(config)
    if settings.references is not None:
        settings.references.index()  # built (and cached on disk) once, before the workers open it
    # IPPROTO_TCP spelled out: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
    # sockets that say so, and with it on a keep-alive connection's second response
    # waits 40 ms for the client's delayed ACK.
    sock = socket.socket(socket.AF_INET6 if ":" in config.host else socket.AF_INET, socket.SOCK_STREAM,
                         socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
    except OSError as exc:
        raise ServiceError(f"cannot listen on {config.host}:{config.port}: {exc.strerror}") from None
    sock.listen(128)
    pool = WorkerPool(config)
    pool.start()
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"quoteaudit: serving on http://{shown}:{port}/ ({pool.size} worker process"
                     f"{'es' if pool.size != 1 else ''}; API described at /docs)\n")
    sys.stderr.flush()
    app = create_app(config, pool, settings)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                           timeout_graceful_shutdown=5))
    try:
        server.run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
