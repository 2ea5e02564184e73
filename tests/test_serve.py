"""`quoteaudit serve` as a real process on 127.0.0.1 (a free port), over real HTTP.

Traffic goes to 127.0.0.1 only; every loop is bounded in count, and every request in time.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from quoteaudit import rules as rule_registry

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
REFERENCES = ROOT / "fixtures" / "seed" / "references.yml"
REQUEST_TIMEOUT = 60  # seconds, for any one request


class Service:
    """A `quoteaudit serve` process; its address is read from the line it prints."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "quoteaudit", "serve", "--host", "127.0.0.1",
                                      "--port", "0", *args], cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        line = self.proc.stderr.readline().decode()  # blocks until it listens, or exits
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.stop()
            raise RuntimeError(f"the service did not start: {line}{self.proc.stderr.read().decode()}")
        self.port = int(match.group(1))

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def check(self, **fields) -> tuple[int, dict, bytes]:
        return self.request("POST", "/v1/check", json.dumps(fields).encode(), {"Content-Type": "application/json"})

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdout, self.proc.stderr):
            stream.close()


@pytest.fixture(scope="module")
def service():
    svc = Service("--references", str(REFERENCES), "--workers", "2")
    yield svc
    svc.stop()


def cli_output(fmt: str, path: Path) -> bytes:
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", "--format", fmt, "--references",
                           str(REFERENCES), str(path)], capture_output=True, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("fmt, media", [("json", "application/json"), ("html", "text/html"),
                                        ("sarif", "application/sarif+json"), ("text", "text/plain")])
def test_check_answers_exactly_what_the_command_prints(service, fmt, media):
    status, headers, body = service.check(text=SEED.read_text(encoding="utf-8"), path=str(SEED), format=fmt)
    assert status == 200 and headers["content-type"].startswith(media)
    assert body == cli_output(fmt, SEED)


def test_bounded_concurrent_load_gives_identical_answers(service):
    text = SEED.read_text(encoding="utf-8")
    payload = json.dumps({"text": text, "path": "seed.txt"}).encode()

    def one(_):
        return service.request("POST", "/v1/check", payload, {"Content-Type": "application/json"})
    with ThreadPoolExecutor(max_workers=8) as pool:  # 200 requests, 8 at a time
        answers = list(pool.map(one, range(200)))
    assert {status for status, _, _ in answers} == {200}
    bodies = {body for _, _, body in answers}
    assert len(bodies) == 1
    report = json.loads(bodies.pop())
    assert report["summary"]["findings"] == 30 and report["files"][0]["path"] == "seed.txt"


def test_oversized_body_is_refused_with_413_and_the_service_still_answers(tmp_path):
    svc = Service("--max-body-mb", "0.5", "--workers", "1")
    try:
        big = json.dumps({"text": "x" * (600 * 1024)}).encode()
        status, headers, body = svc.request("POST", "/v1/check", big, {"Content-Type": "application/json"})
        assert status == 413 and headers["content-type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["status"] == 413 and "524,288 bytes" in problem["detail"]

        # the same without a Content-Length (chunked): refused once the bytes read pass the limit
        conn = http.client.HTTPConnection("127.0.0.1", svc.port, timeout=REQUEST_TIMEOUT)
        chunks = (big[i:i + 65536] for i in range(0, len(big), 65536))
        conn.request("POST", "/v1/check", body=chunks, headers={"Content-Type": "application/json"},
                     encode_chunked=True)
        response = conn.getresponse()
        assert response.status == 413 and json.loads(response.read())["status"] == 413
        conn.close()

        # an upload on the review page past the limit too
        boundary = uuid.uuid4().hex
        form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n\r\n"
                f"{'y' * (600 * 1024)}\r\n--{boundary}--\r\n").encode()
        status, _, _ = svc.request("POST", "/review", form,
                                   {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status == 413

        assert svc.request("GET", "/healthz")[0] == 200
        status, _, body = svc.check(text="“We will win,” Tokayev said.")
        assert status == 200 and json.loads(body)["summary"]["quotations"] == 1
    finally:
        svc.stop()


def test_malformed_json_is_400_with_a_clear_message(service):
    status, headers, body = service.request("POST", "/v1/check", b'{"text": "unfinished',
                                            {"Content-Type": "application/json"})
    assert status == 400 and headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["title"] == "Bad Request"
    assert problem["detail"].startswith("the request body is not valid JSON: Unterminated string") \
        and "line 1, column 10" in problem["detail"]


@pytest.mark.parametrize("body, detail", [
    (b"[1, 2]", "must be a JSON object"),
    (b'{"path": "a.txt"}', '"text" is required'),
    (b'{"text": "a", "format": "pdf"}', '"format" must be one of'),
    (b'{"text": "a", "colour": 1}', "unknown field: colour"),
])
def test_wrong_fields_are_422_naming_the_field(service, body, detail):
    status, headers, answer = service.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
    assert status == 422 and headers["content-type"] == "application/problem+json"
    assert detail in json.loads(answer)["detail"]


def test_unknown_path_and_method_are_problem_details(service):
    status, headers, body = service.request("GET", "/v2/nothing")
    assert status == 404 and json.loads(body)["status"] == 404
    status, headers, body = service.request("GET", "/v1/check")
    assert status == 405 and headers["content-type"] == "application/problem+json" and headers["allow"] == "POST"


def test_rules_health_docs_and_the_page(service):
    status, _, body = service.request("GET", "/v1/rules")
    rules = json.loads(body)
    assert status == 200 and [r["id"] for r in rules] == list(rule_registry.registry())
    assert all(r["severity"] in ("error", "warning", "info") and "Why:" in r["explanation"] for r in rules)

    status, _, body = service.request("GET", "/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok", "version": "0.1.0", "workers": 2, "references": 6}

    status, _, body = service.request("GET", "/openapi.json")
    spec = json.loads(body)
    assert spec["openapi"].startswith("3.") and {"/v1/check", "/v1/rules", "/healthz", "/", "/review"} <= set(spec["paths"])
    status, headers, body = service.request("GET", "/docs")
    assert status == 200 and headers["content-type"].startswith("text/html") and b"/v1/check" in body
    status, headers, body = service.request("GET", "/docs", headers={"Accept": "application/json"})
    assert status == 200 and json.loads(body) == spec

    status, headers, body = service.request("GET", "/")
    page = body.decode()
    assert status == 200 and 'action="/review"' in page and 'type="file"' in page and "6 reference quotations" in page


def test_the_page_reviews_an_uploaded_file_and_pasted_text(service):
    boundary = uuid.uuid4().hex
    seed = SEED.read_text(encoding="utf-8")
    form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kazakhstan.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{seed}\r\n--{boundary}--\r\n").encode()
    status, headers, body = service.request("POST", "/review", form,
                                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "<h1>kazakhstan.txt</h1>" in page and "misattributed-quote" in page and "Vladimir Putin" in page

    form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
            f"“We will win,” said Tokayev.\r\n--{boundary}--\r\n").encode()
    status, _, body = service.request("POST", "/review", form,
                                      {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 200 and "<h1>pasted text</h1>" in body.decode()


def test_a_check_past_the_time_limit_is_503_and_its_worker_is_replaced():
    svc = Service("--timeout", "0.3", "--workers", "1")
    try:
        slow = SEED.read_text(encoding="utf-8") * 300  # about 1.2 MB: seconds of work
        started = time.monotonic()
        status, headers, body = svc.check(text=slow)
        assert status == 503 and "0.3 s" in json.loads(body)["detail"]
        assert time.monotonic() - started < 5
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the new worker is ready within seconds
            status, _, body = svc.request("GET", "/healthz")
            if json.loads(body)["workers"] == 1:
                break
            time.sleep(0.2)
        status, _, body = svc.check(text="“We will win,” Tokayev said.")
        assert status == 200 and json.loads(body)["summary"]["quotations"] == 1
    finally:
        svc.stop()
    assert svc.proc.returncode is not None


def test_a_bad_reference_file_stops_the_start_with_one_line(tmp_path):
    bad = tmp_path / "refs.yml"
    bad.write_text("quotations: [unclosed\n")
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "serve", "--port", "0", "--references", str(bad)],
                          capture_output=True, cwd=ROOT, timeout=60)
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(err) == 1 and str(bad) in err[0] and "Traceback" not in err[0]


def test_workers_end_with_the_service():
    svc = Service("--workers", "2")
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(svc.proc.pid)], capture_output=True).stdout.split()
    assert len(children) >= 2
    svc.stop()
    time.sleep(0.5)
    alive = [pid for pid in map(int, children) if os.path.exists(f"/proc/{pid}") and
             b"Z" not in open(f"/proc/{pid}/stat", "rb").read().split()[2:3]]
    assert alive == []


def test_serve_without_the_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['starlette'] = None; sys.modules['uvicorn'] = None; "
            "from quoteaudit.cli import main; main(['serve'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 2 and len(err) == 1
    assert "pip install 'quoteaudit[serve]'" in err[0] and "starlette" in err[0]


def test_the_openapi_document_describes_every_route():
    from quoteaudit import Settings
    from quoteaudit.serve import ServiceConfig, create_app, openapi_document
    config = ServiceConfig()
    app = create_app(config, pool=None, settings=Settings())
    routes = {(r.path, m.lower()) for r in app.routes for m in r.methods if m != "HEAD"}
    documented = {(path, method) for path, ops in openapi_document(config)["paths"].items() for method in ops}
    assert routes - {("/openapi.json", "get"), ("/docs", "get")} == documented


def test_a_check_given_up_does_not_leave_its_answer_to_the_next():
    """A request cancelled while its worker runs (at shutdown) must not leave that
    worker out of the pool, nor let its late answer reach the next request."""
    import asyncio

    from quoteaudit.serve import ServiceConfig, WorkerPool

    async def scenario() -> str:
        slow = asyncio.ensure_future(pool.run(SEED.read_text(encoding="utf-8") * 100, "slow.txt", "text"))
        await asyncio.sleep(0.3)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        return await pool.run("“We will win,” Tokayev said.", "quick.txt", "text")

    pool = WorkerPool(ServiceConfig(workers=1, timeout=30))
    pool.start()
    try:
        assert asyncio.run(scenario()) == "0 findings in 1 file, 1 quotation.\n"
    finally:
        pool.close()
